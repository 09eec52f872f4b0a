import { hmac, HEX_SIGNATURE, isBytes, sameBytes, sameSecret } from '../../inbound/signatures.js';

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
