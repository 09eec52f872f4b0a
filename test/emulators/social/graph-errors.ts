import type { Answer, PlatformError } from './http.js';
import { fbtraceId } from './ids.js';

/**
 * A Graph API error: `{"error":{"message","type","code","error_subcode"?,"error_data"?,"is_transient"?,"fbtrace_id"}}`
 * (developers.facebook.com/docs/graph-api/guides/error-handling). WhatsApp Cloud API errors add
 * `error_data: {messaging_product: "whatsapp", details}` and prefix the message with `(#code)`; Meta advises clients to
 * branch on `code` (and `details`), not on the HTTP status or the message.
 */
export class GraphApiError implements PlatformError {
  constructor(
    readonly status: number,
    readonly message: string,
    readonly code: number,
    readonly extra: {
      type?: string;
      subcode?: number;
      whatsappDetails?: string;
      isTransient?: boolean;
      headers?: Record<string, string>;
    } = {},
  ) {}

  toAnswer(): Answer {
    const { type = 'OAuthException', subcode, whatsappDetails, isTransient, headers } = this.extra;
    const error: Record<string, unknown> = { message: this.message, type, code: this.code };
    if (subcode !== undefined) error['error_subcode'] = subcode;
    if (whatsappDetails !== undefined)
      error['error_data'] = { messaging_product: 'whatsapp', details: whatsappDetails };
    if (isTransient !== undefined) error['is_transient'] = isTransient;
    error['fbtrace_id'] = fbtraceId();
    return { status: this.status, headers, json: { error } };
  }
}

/**
 * Missing, unknown or foreign token. 190 "Invalid OAuth access token." is the Messenger error-codes example; the
 * WhatsApp error-code table gives 190 the HTTP status 401; Graph adds a `WWW-Authenticate: OAuth` challenge.
 */
export function invalidAccessToken(): GraphApiError {
  return new GraphApiError(401, 'Invalid OAuth access token.', 190, {
    headers: { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token."' },
  });
}

/**
 * A path this emulator does not serve. The live Graph API answers unknown path components with 400 / code 2500; the
 * emulator answers 404 (same envelope) so a sender built on a wrong URL fails loudly in tests.
 */
export function unknownGraphPath(method: string, path: string): GraphApiError {
  return new GraphApiError(404, `Unknown path components: ${method} ${path} (not served by the social emulator)`, 2500);
}

/** 400 code 100 (Invalid parameter) for a Messenger / Instagram Send API call. */
export function invalidPageParameter(message: string): GraphApiError {
  return new GraphApiError(400, `(#100) ${message}`, 100);
}

/** 400 code 100 (Invalid parameter) for a WhatsApp Cloud API call, with the documented `error_data.details`. */
export function invalidWhatsAppParameter(details: string): GraphApiError {
  return new GraphApiError(400, '(#100) Invalid parameter', 100, { whatsappDetails: details });
}

/** A body that is neither JSON nor a form. */
export function unparsableGraphBody(): GraphApiError {
  return new GraphApiError(400, '(#100) The request body could not be parsed as JSON', 100);
}
