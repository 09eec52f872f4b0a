import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { WEBHOOK_MAX_SKEW_SECONDS, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '@voca/contracts';

/**
 * Signature checks and handshakes of the webhooks the engine receives. Every check hashes the raw request bytes as
 * received (never re-serialised JSON), compares in constant time, and answers false, never throws, for a missing or
 * malformed header. An empty secret verifies nothing.
 */

function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

function hmac(secret: string, ...parts: (string | Uint8Array)[]): Buffer {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Constant time for equal lengths; different lengths are unequal at once (a digest's length is no secret). */
function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Constant-time string equality that leaks neither content nor length: compares the SHA-256 of both. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

const HEX_SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;
// 32 bytes in base64: 43 characters and one '=' of padding.
const BASE64_SIGNATURE = /^sha256=([A-Za-z0-9+/]{43}=)$/;

// ---------------------------------------------------------------------------------------------------------- Meta

/**
 * Meta (WhatsApp Cloud API, Messenger, Instagram): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw
 * body)>`. Meta signs the payload in its escaped-unicode form (`"\u00e9"`, not `"é"`), which is what arrives on the
 * wire: hash those bytes, never a re-serialisation of the parsed JSON.
 */
export function verifyMetaSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!isBytes(rawBody) || typeof header !== 'string' || typeof appSecret !== 'string' || appSecret === '')
    return false;
  const match = HEX_SIGNATURE.exec(header.trim());
  if (!match) return false;
  return sameBytes(Buffer.from(match[1]!, 'hex'), hmac(appSecret, rawBody));
}

/**
 * Meta's subscription handshake, `GET ?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C`: the challenge to
 * echo as the plain-text body when the mode is `subscribe` and T is our verify token (compared in constant time);
 * undefined otherwise (answer 403).
 */
export function metaVerificationChallenge(query: Record<string, unknown>, verifyToken: string): string | undefined {
  if (typeof query !== 'object' || query === null || typeof verifyToken !== 'string' || verifyToken === '') {
    return undefined;
  }
  const mode = Object.hasOwn(query, 'hub.mode') ? query['hub.mode'] : undefined;
  const token = Object.hasOwn(query, 'hub.verify_token') ? query['hub.verify_token'] : undefined;
  const challenge = Object.hasOwn(query, 'hub.challenge') ? query['hub.challenge'] : undefined;
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string' || challenge === '') {
    return undefined;
  }
  return sameSecret(token, verifyToken) ? challenge : undefined;
}

// ------------------------------------------------------------------------------------------------------------- X

/** X Account Activity: `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, raw body)>`. */
export function verifyXSignature(rawBody: Buffer, header: string | undefined, consumerSecret: string): boolean {
  if (!isBytes(rawBody) || typeof header !== 'string' || typeof consumerSecret !== 'string' || consumerSecret === '') {
    return false;
  }
  const match = BASE64_SIGNATURE.exec(header.trim());
  if (!match) return false;
  return sameBytes(Buffer.from(match[1]!, 'base64'), hmac(consumerSecret, rawBody));
}

/**
 * X's challenge-response check, `GET ?crc_token=T` (at registration and about hourly): answer 200 with this JSON,
 * `sha256=` + base64(HMAC-SHA256(consumer secret, T)).
 */
export function xCrcResponse(crcToken: string, consumerSecret: string): { response_token: string } {
  if (!isXCrcToken(crcToken)) throw new Error('not a crc_token X would send');
  return { response_token: `sha256=${hmac(consumerSecret, crcToken).toString('base64')}` };
}

/**
 * What X sends as a crc_token: a short base64 or base64url string. The answer is the same HMAC that authenticates
 * X's POSTs, so signing anything else (a JSON body, say) would hand out a valid signature for forged deliveries;
 * no JSON body can be written in this alphabet.
 */
const X_CRC_TOKEN = /^[A-Za-z0-9+/=_-]{8,128}$/;

export function isXCrcToken(token: unknown): token is string {
  return typeof token === 'string' && X_CRC_TOKEN.test(token);
}

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
