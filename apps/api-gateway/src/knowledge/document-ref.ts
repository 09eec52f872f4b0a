import { BadRequestException } from '@nestjs/common';
import { knowledgeNameProblem } from '@voca/contracts';
import { isUUID } from 'class-validator';
import { fieldError } from '../http/field-errors.js';

/** A document named in a path: by its id, or by its name (names are never UUIDs). */
export type DocumentRef = { id: string } | { name: string };

export function documentRef(param: string): DocumentRef {
  if (isUUID(param)) return { id: param };
  const problem = knowledgeNameProblem(param);
  if (problem)
    throw new BadRequestException(fieldError('doc', `must be a document's id (a UUID) or its name: ${problem}`));
  return { name: param };
}

export function describeRef(ref: DocumentRef): string {
  return 'id' in ref ? `document ${ref.id}` : `document named ${ref.name}`;
}
