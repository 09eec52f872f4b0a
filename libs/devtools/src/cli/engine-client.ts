import { exit } from './developer-env.js';

/** The developer tools' calls to a running gateway, with the one error a person can act on when it is not there. */
export class EngineClient {
  constructor(
    private readonly tool: string,
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async get<T>(path: string): Promise<{ status: number; body: T }> {
    return this.send<T>('GET', path, undefined, { authorization: `Bearer ${this.token}` });
  }

  /** A webhook post: the body as the exact bytes signed, the signature headers, no bearer token. */
  async postSigned<T>(path: string, body: string, signature: Record<string, string>) {
    return this.send<T>('POST', path, body, { 'content-type': 'application/json', ...signature });
  }

  private async send<T>(method: string, path: string, body: string | undefined, headers: Record<string, string>) {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { method, body, headers });
    } catch {
      return exit(this.tool, `no engine answers at ${this.baseUrl}: start it with \`npm run dev\` (or set VOCA_URL)`);
    }
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    if (response.status === 401)
      exit(this.tool, `the engine refused the token (${messageOf(parsed)}): is .env's JWT_SECRET_KEY the engine's?`);
    return { status: response.status, body: parsed };
  }
}

export function messageOf(body: unknown): string {
  const message = (body as { message?: unknown } | undefined)?.message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? 'no message');
}
