import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { etagOf, expectedVersion } from './etag.js';

describe('expectedVersion', () => {
  it('reads the version from the body or from If-Match in its usual spellings', () => {
    expect(expectedVersion(3, undefined)).toBe(3);
    expect(expectedVersion(undefined, etagOf(4))).toBe(4);
    expect(expectedVersion(undefined, 'W/"5"')).toBe(5);
    expect(expectedVersion(undefined, '6')).toBe(6);
    expect(expectedVersion(7, '"7"')).toBe(7);
  });

  it('means any version with neither, or with If-Match: *', () => {
    expect(expectedVersion(undefined, undefined)).toBeUndefined();
    expect(expectedVersion(undefined, '*')).toBeUndefined();
  });

  it('refuses a malformed If-Match, or one that contradicts the body, naming the header', () => {
    for (const [body, header] of [
      [undefined, 'abc'],
      [undefined, '"0"'],
      [2, '"3"'],
    ] as const) {
      const refusal = (() => {
        try {
          expectedVersion(body, header);
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(refusal, header).toBeInstanceOf(BadRequestException);
      expect((refusal as BadRequestException).getResponse()).toMatchObject({ fields: [{ field: 'If-Match' }] });
    }
  });
});
