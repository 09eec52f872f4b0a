import { BadRequestException } from '@nestjs/common';
import { fieldError } from './field-errors.js';

/** An agent's version as its strong ETag. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

const VERSION_TAG = /^(?:W\/)?"?([1-9]\d{0,9})"?$/;

/**
 * The version a write is based on: `version` from the body or the `If-Match` header (`"3"`, `W/"3"`, `3`); `*`
 * or neither means any. Both, naming different versions, is a 400.
 */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number | undefined {
  const header = ifMatch?.trim();
  if (header === undefined || header === '*') return bodyVersion;
  const match = VERSION_TAG.exec(header);
  if (!match) throw new BadRequestException(fieldError('If-Match', 'must be the ETag of the agent as read, e.g. "3"'));
  const version = Number(match[1]);
  if (bodyVersion !== undefined && bodyVersion !== version) {
    throw new BadRequestException(fieldError('If-Match', `names version ${version} but the body says ${bodyVersion}`));
  }
  return version;
}
