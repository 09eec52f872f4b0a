import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const LEGACY_FORMAT = 'v1';
const FORMAT = 'v2';

/** What a stored value belongs to: it decrypts only there, so a ciphertext copied to another agent or channel fails. */
export interface CredentialBinding {
  agentId: string;
  channel: string;
}

/** A key's id: the first bytes of its SHA-256, so rings need no names and a stored value says which key sealed it. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

function keyFrom(base64Key: string): Buffer {
  const key = Buffer.from(base64Key.trim(), 'base64');
  if (key.length !== 32) throw new Error('credential key must be 32 bytes');
  return key;
}

/**
 * Encrypts platform credentials for storage (AES-256-GCM, a random IV per value) with a keyring: the current key
 * seals, the current and previous keys open. The stored form is `v2.<key id>.<iv>.<tag>.<ciphertext>` (base64url),
 * authenticated together with the agent and channel it belongs to. Values sealed before the ring (`v1.`, no key id,
 * no binding) still open with any key of the ring, until `npm run credentials:rotate` re-seals them.
 */
export class CredentialCipher {
  private readonly current: { id: string; key: Buffer };
  private readonly ring = new Map<string, Buffer>();

  constructor(currentBase64Key: string, previousBase64Keys: readonly string[] = []) {
    const current = keyFrom(currentBase64Key);
    this.current = { id: keyIdOf(current), key: current };
    for (const key of [current, ...previousBase64Keys.map(keyFrom)]) this.ring.set(keyIdOf(key), key);
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(credentials: object, binding: CredentialBinding): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv);
    cipher.setAAD(aadOf(this.current.id, binding));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return [
      FORMAT,
      this.current.id,
      ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')),
    ].join('.');
  }

  decrypt<T extends object>(stored: string, binding: CredentialBinding): T {
    const parts = stored.split('.');
    if (parts[0] === LEGACY_FORMAT && parts.length === 4) return this.decryptLegacy<T>(parts);
    const [format, keyId, iv, tag, ciphertext] = parts;
    if (format !== FORMAT || !keyId || !iv || !tag || ciphertext === undefined || parts.length !== 5) {
      throw new Error('unknown credential format');
    }
    const key = this.ring.get(keyId);
    if (!key)
      throw new Error(`credentials sealed with key ${keyId}, which is not in the keyring (CREDENTIALS_PREVIOUS_KEYS)`);
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(aadOf(keyId, binding));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return JSON.parse(
      Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8'),
    ) as T;
  }

  /** Whether a stored value is sealed with the current key in the current format (else rotation re-seals it). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${FORMAT}.${this.current.id}.`);
  }

  private decryptLegacy<T extends object>([, iv, tag, ciphertext]: string[]): T {
    for (const key of this.ring.values()) {
      try {
        const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv!, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
        return JSON.parse(
          Buffer.concat([decipher.update(Buffer.from(ciphertext!, 'base64url')), decipher.final()]).toString('utf8'),
        ) as T;
      } catch {
        // another key of the ring may have sealed it
      }
    }
    throw new Error('credentials sealed with a key that is not in the keyring');
  }
}

function aadOf(keyId: string, { agentId, channel }: CredentialBinding): Buffer {
  return Buffer.from(`voca-credentials:${keyId}:${agentId}:${channel}`, 'utf8');
}
