import { describe, expect, it } from 'vitest';
import { requestFingerprint } from './request-fingerprint.js';

describe('requestFingerprint', () => {
  it('ignores key order but not values, array order or the route', () => {
    const a = requestFingerprint('/r', { x: 1, y: { b: [1, 2], a: 'z' } });
    expect(requestFingerprint('/r', { y: { a: 'z', b: [1, 2] }, x: 1 })).toBe(a);
    expect(requestFingerprint('/r', { x: 1, y: { b: [2, 1], a: 'z' } })).not.toBe(a);
    expect(requestFingerprint('/r', { x: 2, y: { b: [1, 2], a: 'z' } })).not.toBe(a);
    expect(requestFingerprint('/other', { x: 1, y: { b: [1, 2], a: 'z' } })).not.toBe(a);
  });
});
