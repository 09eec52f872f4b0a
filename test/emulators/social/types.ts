/** The platforms whose send endpoints the emulator serves. */
export type SocialPlatform = 'whatsapp' | 'messenger' | 'instagram' | 'x';

/** Failures failNext can inject, each answered in the platform's own format (see failures.ts). */
export type SocialFailure = 'rate_limited' | 'server_error' | 'outside_window' | 'invalid_recipient';

export const SOCIAL_PLATFORMS: readonly SocialPlatform[] = ['whatsapp', 'messenger', 'instagram', 'x'];
export const SOCIAL_FAILURES: readonly SocialFailure[] = [
  'rate_limited',
  'server_error',
  'outside_window',
  'invalid_recipient',
];

/** One send the emulator accepted (answered 200/201, or held by holdNext). */
export interface SentMessage {
  platform: SocialPlatform;
  /** phone_number_id, page id, IG account id, or (X) the authenticated user from the token map. */
  from: string;
  /** WhatsApp `to`, Messenger/IG `recipient.id`, X participant id. */
  to: string;
  text: string;
  /** The id the emulator answered (wamid..., m_..., X dm_event_id). */
  messageId: string;
  accessToken: string;
  /** The request body as sent (parsed JSON, or the fields of a form-encoded Graph call). */
  body: any;
  /** Date.now() when the send was applied. */
  at: number;
}

/** Every request received, failed and unrouted ones included, in arrival order. */
export interface RequestRecord {
  method: string;
  /** The URL path without the query (a Graph `access_token` query parameter is never recorded). */
  path: string;
  /** The status answered (or, for a held send, the status that will be answered on releaseHeld()). */
  status: number;
  /** Date.now() when the answer was decided. */
  at: number;
}

export interface SocialEmulatorOptions {
  /**
   * The only Graph API version served (e.g. 'v21.0'); calls to another version get a 404. Default: any `vNN.N`
   * (the real Graph API serves every live version).
   */
  graphVersion?: string;
  /**
   * How far ahead an injected X 429 puts `x-rate-limit-reset` (seconds). Default 1, so a sender that waits for the
   * reset does not stall a test; the real API reports the end of its 15-minute window.
   */
  xRateLimitResetSeconds?: number;
}
