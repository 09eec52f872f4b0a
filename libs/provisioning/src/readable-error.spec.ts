import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { readableError } from './readable-error.js';

describe('readableError', () => {
  it('keeps a meaningful class name, drops generic ones, and fits on one line', () => {
    class ThrottlingException extends Error {
      override name = 'ThrottlingException';
    }
    expect(readableError(new ThrottlingException('Rate exceeded'))).toBe('ThrottlingException: Rate exceeded');
    expect(readableError(new Error('plain\n  failure'))).toBe('plain failure');
    expect(readableError(new UnrecoverableError('quota'))).toBe('quota');
    expect(readableError('text')).toBe('text');
    expect(readableError(new Error('x'.repeat(2000)))).toHaveLength(1000);
  });
});
