import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { WEBHOOK_MAX_SKEW_SECONDS, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '@voca/contracts';

/**
 * Signature checks of the engine's own webhooks, and the helpers the platforms' checks share (adapters/*). Every
 * check hashes the raw request bytes as received (never re-serialised JSON), compares in constant time, and answers
 * false, never throws, for a missing or malformed header. An empty secret verifies nothing.
 */

export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

export function hmac(secret: string, ...parts: (string | Uint8Array)[]): Buffer {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Constant time for equal lengths; different lengths are unequal at once (a digest's length is no secret). */
export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Constant-time string equality that leaks neither content nor length: compares the SHA-256 of both. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

export const HEX_SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

// -------------------------------------------------------------------------------------------------------- engine

export type EngineSignatureCheck = 'ok' | 'bad_signature' | 'stale';

const TIMESTAMP = /^\d{1,12}$/;

/**
 * The engine's own scheme (connect-turn.ts): `X-Voca-Timestamp` = Unix seconds, `X-Voca-Signature` =
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. A missing or malformed header or a wrong signature
 * is `bad_signature`; an authentic request whose timestamp is more than WEBHOOK_MAX_SKEW_SECONDS away from our clock
 * (either way) is `stale`, so a replay is refused and a skewed clock is told apart from a forgery.
 */
export function verifyEngineSignature(
  rawBody: Buffer,
  timestampHeader: string | undefined,
  signatureHeader: string | undefined,
  secret: string,
  nowSeconds: number = Date.now() / 1000,
): EngineSignatureCheck {
  if (
    !isBytes(rawBody) ||
    typeof timestampHeader !== 'string' ||
    typeof signatureHeader !== 'string' ||
    typeof secret !== 'string' ||
    secret === ''
  ) {
    return 'bad_signature';
  }
  const timestamp = timestampHeader.trim();
  const match = HEX_SIGNATURE.exec(signatureHeader.trim());
  if (!TIMESTAMP.test(timestamp) || !match) return 'bad_signature';
  if (!sameBytes(Buffer.from(match[1]!, 'hex'), hmac(secret, `${timestamp}.`, rawBody))) return 'bad_signature';
  return Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_MAX_SKEW_SECONDS ? 'stale' : 'ok';
}

export type EngineSignatureHeaders = Record<typeof WEBHOOK_TIMESTAMP_HEADER | typeof WEBHOOK_SIGNATURE_HEADER, string>;

/** The two headers that sign `body` (the exact string sent) in the engine's scheme, at `nowSeconds`. */
export function signEngineWebhook(
  body: string,
  secret: string,
  nowSeconds: number = Date.now() / 1000,
): EngineSignatureHeaders {
  const timestamp = String(Math.floor(nowSeconds));
  return {
    [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
    [WEBHOOK_SIGNATURE_HEADER]: `sha256=${hmac(secret, `${timestamp}.${body}`).toString('hex')}`,
  };
}
