import type { Answer, PlatformError } from './http.js';

/**
 * An X API v2 error: problem JSON `{"title","detail","type"}` (docs.x.com, Response Codes & Errors). The generic
 * `about:blank` problems also carry `status`, e.g. `{"title":"Too Many Requests","detail":"Too Many Requests",
 * "type":"about:blank","status":429}` as the live API answers.
 */
export class XApiError implements PlatformError {
  constructor(
    readonly status: number,
    readonly problem: { title: string; detail: string; type: string; status?: number; [more: string]: unknown },
    readonly headers: Record<string, string> = {},
  ) {}

  toAnswer(): Answer {
    return {
      status: this.status,
      headers: { ...this.headers, 'content-type': 'application/problem+json' },
      json: this.problem,
    };
  }
}

/** A generic problem: type `about:blank`, title and detail the HTTP reason. */
export function blankProblem(status: number, reason: string, headers: Record<string, string> = {}): XApiError {
  return new XApiError(status, { title: reason, detail: reason, type: 'about:blank', status }, headers);
}

/** 401: no token, or a token the emulator does not know (allowXUser). */
export function xUnauthorized(): XApiError {
  return blankProblem(401, 'Unauthorized');
}

export function xNotFound(): XApiError {
  return blankProblem(404, 'Not Found');
}

/** 400 `invalid-request`: one problem with the request, named in `errors[]`. */
export function xInvalidRequest(message: string, parameters?: Record<string, string[]>): XApiError {
  return new XApiError(400, {
    errors: [{ ...(parameters ? { parameters } : {}), message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.x.com/2/problems/invalid-request',
  });
}
