import { hmac, isBytes, sameBytes } from '../../inbound/signatures.js';

// 32 bytes in base64: 43 characters and one '=' of padding.
const BASE64_SIGNATURE = /^sha256=([A-Za-z0-9+/]{43}=)$/;

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
