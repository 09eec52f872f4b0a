import { parseBody, reportResponse } from './openapi-contract.js';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A small JSON client over fetch, for talking to the gateway the way the backend does. Every answer is reported to
 * the contract check (openapi-contract.ts), which the e2e tier turns on.
 */
export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  withHeaders(headers: Record<string, string>): Api {
    return new Api(this.baseUrl, { ...this.defaultHeaders, ...headers });
  }

  get<T = any>(path: string, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    return this.send('GET', path, undefined, headers);
  }

  post<T = any>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    return this.send('POST', path, typeof body === 'string' ? body : JSON.stringify(body), headers);
  }

  put<T = any>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    return this.send('PUT', path, JSON.stringify(body), headers);
  }

  delete<T = any>(path: string, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    return this.send('DELETE', path, undefined, headers);
  }

  async send<T>(method: string, path: string, body: string | undefined, headers: Record<string, string>) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      body,
      headers: { 'content-type': 'application/json', ...this.defaultHeaders, ...headers },
    });
    const parsed = parseBody(await response.text());
    await reportResponse({
      baseUrl: this.baseUrl,
      method,
      path,
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: parsed,
    });
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
