import { describe, expect, it, vi } from 'vitest';
import { enqueueOrLeave } from './enqueue-or-leave.js';

describe('enqueueOrLeave', () => {
  it('says whether Redis took the work, and logs what was left with its fields when it did not', async () => {
    const logger = { warn: vi.fn() };
    expect(await enqueueOrLeave(() => Promise.resolve('job'), logger, { operationId: 'op' }, 'left')).toBe(true);
    expect(logger.warn).not.toHaveBeenCalled();

    const refused = new Error("Stream isn't writeable and enableOfflineQueue options is false");
    expect(await enqueueOrLeave(() => Promise.reject(refused), logger, { operationId: 'op' }, 'left')).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith({ operationId: 'op', err: refused }, 'left');
  });
});
