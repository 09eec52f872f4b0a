import { isUUID, ValidateBy } from 'class-validator';

export const KNOWLEDGE_NAME_MAX_LENGTH = 200;

/** Letters, digits, `_ - .` and spaces; not starting with `- .` or a space, not ending with a space. */
const NAME = /^[\p{L}\p{N}_](?:[\p{L}\p{M}\p{N}_. -]*[\p{L}\p{M}\p{N}_.-])?$/u;

/**
 * Why a text cannot name an agent's document, or undefined when it can: a spec key (`product_catalog`) or a file's
 * name (`bedding_products.json`). A UUID is not a name, since a route's `{doc}` takes either a document's id or its
 * name.
 */
export function knowledgeNameProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const length = [...value].length;
  if (length < 1 || length > KNOWLEDGE_NAME_MAX_LENGTH)
    return `must be between 1 and ${KNOWLEDGE_NAME_MAX_LENGTH} characters long`;
  if (!NAME.test(value))
    return 'must be letters, digits, _ - . and spaces, starting with a letter, a digit or _ (e.g. product_catalog or bedding_products.json)';
  if (isUUID(value)) return 'must not be a UUID (a UUID names a document by its id)';
  return undefined;
}

export function IsKnowledgeDocumentName(): PropertyDecorator {
  return ValidateBy({
    name: 'knowledgeDocumentName',
    validator: {
      validate: (value) => knowledgeNameProblem(value) === undefined,
      defaultMessage: (args) => `${args?.property} ${knowledgeNameProblem(args?.value) ?? 'is not valid'}`,
    },
  });
}
