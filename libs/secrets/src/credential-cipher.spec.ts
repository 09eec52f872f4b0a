import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialCipher } from './credential-cipher.js';

const key = randomBytes(32).toString('base64');

describe('CredentialCipher', () => {
  it('round-trips credentials and never stores the token in clear', () => {
    const cipher = new CredentialCipher(key);
    const stored = cipher.encrypt({ page_id: '1048', access_token: 'EAAB-secret-token' });
    expect(stored).not.toContain('EAAB-secret-token');
    expect(stored.startsWith('v1.')).toBe(true);
    expect(cipher.decrypt(stored)).toEqual({ page_id: '1048', access_token: 'EAAB-secret-token' });
  });

  it('uses a fresh IV per value', () => {
    const cipher = new CredentialCipher(key);
    expect(cipher.encrypt({ a: 1 })).not.toEqual(cipher.encrypt({ a: 1 }));
  });

  it('refuses a tampered value and a value sealed with another key', () => {
    const stored = new CredentialCipher(key).encrypt({ access_token: 'x' });
    const [format, iv, tag, body] = stored.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => new CredentialCipher(key).decrypt([format, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => new CredentialCipher(randomBytes(32).toString('base64')).decrypt(stored)).toThrow();
  });

  it('rejects a key of the wrong size', () => {
    expect(() => new CredentialCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
