import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialCipher, keyIdOf } from './credential-cipher.js';

const newKey = () => randomBytes(32).toString('base64');
const key = newKey();
const here = { agentId: '5b8f1d2e-0000-4000-8000-000000000001', channel: 'facebook' };

describe('CredentialCipher', () => {
  it('round-trips credentials, names its key, and never stores the token in clear', () => {
    const cipher = new CredentialCipher(key);
    const stored = cipher.encrypt({ page_id: '1048', access_token: 'EAAB-secret-token' }, here);
    expect(stored).not.toContain('EAAB-secret-token');
    expect(stored.startsWith(`v2.${keyIdOf(Buffer.from(key, 'base64'))}.`)).toBe(true);
    expect(cipher.decrypt(stored, here)).toEqual({ page_id: '1048', access_token: 'EAAB-secret-token' });
  });

  it('uses a fresh IV per value', () => {
    const cipher = new CredentialCipher(key);
    expect(cipher.encrypt({ a: 1 }, here)).not.toEqual(cipher.encrypt({ a: 1 }, here));
  });

  it('opens a value only for the agent and channel it was sealed for', () => {
    const cipher = new CredentialCipher(key);
    const stored = cipher.encrypt({ access_token: 'x' }, here);
    expect(() => cipher.decrypt(stored, { ...here, agentId: '5b8f1d2e-0000-4000-8000-000000000002' })).toThrow();
    expect(() => cipher.decrypt(stored, { ...here, channel: 'instagram' })).toThrow();
  });

  it('refuses a tampered value and a value sealed with a key outside the ring', () => {
    const stored = new CredentialCipher(key).encrypt({ access_token: 'x' }, here);
    const parts = stored.split('.');
    const flipped = Buffer.from(parts[4]!, 'base64url');
    flipped[0]! ^= 1;
    expect(() =>
      new CredentialCipher(key).decrypt([...parts.slice(0, 4), flipped.toString('base64url')].join('.'), here),
    ).toThrow();
    expect(() => new CredentialCipher(newKey()).decrypt(stored, here)).toThrow(/not in the keyring/);
  });

  it('opens what a previous key sealed while sealing with the current one', () => {
    const old = new CredentialCipher(key).encrypt({ access_token: 'old' }, here);
    const rotated = new CredentialCipher(newKey(), [key]);
    expect(rotated.decrypt(old, here)).toEqual({ access_token: 'old' });
    expect(rotated.isCurrent(old)).toBe(false);
    expect(rotated.isCurrent(rotated.encrypt({ access_token: 'new' }, here))).toBe(true);
  });

  it('still opens values sealed before the keyring (v1, no key id, no binding)', async () => {
    const { createCipheriv } = await import('node:crypto');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
    const body = Buffer.concat([cipher.update(JSON.stringify({ access_token: 'legacy' }), 'utf8'), cipher.final()]);
    const legacy = ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
    expect(new CredentialCipher(newKey(), [key]).decrypt(legacy, here)).toEqual({ access_token: 'legacy' });
  });

  it('rejects a key of the wrong size', () => {
    expect(() => new CredentialCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
