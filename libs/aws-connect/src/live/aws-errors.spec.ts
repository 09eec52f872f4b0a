import { describe, expect, it } from 'vitest';
import { orUndefinedIfNotFound, recoverFrom, unlessAlreadyDone } from './aws-errors.js';

function awsError(name: string): Error {
  const error = new Error(`${name} happened`);
  error.name = name;
  return error;
}

describe('AWS outcome helpers', () => {
  it('count "already there" as done and let every other error through', async () => {
    await expect(unlessAlreadyDone(() => Promise.reject(awsError('ResourceConflictException')))).resolves.toBe(
      undefined,
    );
    await expect(unlessAlreadyDone(() => Promise.reject(awsError('DuplicateResourceException')))).resolves.toBe(
      undefined,
    );
    await expect(unlessAlreadyDone(() => Promise.reject(awsError('ThrottlingException')))).rejects.toThrow(
      'ThrottlingException happened',
    );
  });

  it('read "not found" as undefined and let every other error through', async () => {
    await expect(orUndefinedIfNotFound(() => Promise.resolve({ Id: 'x' }))).resolves.toEqual({ Id: 'x' });
    await expect(orUndefinedIfNotFound(() => Promise.reject(awsError('ResourceNotFoundException')))).resolves.toBe(
      undefined,
    );
    await expect(orUndefinedIfNotFound(() => Promise.reject(awsError('ResourceConflictException')))).rejects.toThrow(
      'ResourceConflictException happened',
    );
  });

  it('recover from the errors picked, with the error to rethrow when recovery is impossible', async () => {
    const conflict = awsError('ResourceConflictException');
    const recovered = recoverFrom(
      (error) => error === conflict,
      () => Promise.reject(conflict),
      (error) => Promise.resolve(`recovered from ${(error as Error).name}`),
    );
    await expect(recovered).resolves.toBe('recovered from ResourceConflictException');
    const unrecoverable = recoverFrom(
      () => true,
      () => Promise.reject(conflict),
      (error) => Promise.reject(error as Error),
    );
    await expect(unrecoverable).rejects.toBe(conflict);
  });
});
