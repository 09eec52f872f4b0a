import { AwsError } from './aws-errors.js';

export interface PageRequest {
  maxResults?: unknown;
  nextToken?: unknown;
}

export interface PageRules {
  /** Page size when MaxResults is absent. */
  defaultSize: number;
  /** Largest MaxResults the operation accepts (its documented valid range is 1..max). */
  max: number;
  /** Error code for an out-of-range MaxResults or a NextToken the emulator did not issue. */
  errorCode: string;
}

/**
 * Offset pagination with an opaque NextToken, as Connect's List* operations do. A token names the list it came
 * from (`scope`) so that one list's token is refused by another.
 */
export function paginate<T>(
  items: T[],
  request: PageRequest,
  rules: PageRules,
  scope: string,
): { page: T[]; nextToken?: string } {
  let size = rules.defaultSize;
  if (request.maxResults !== undefined) {
    const n = request.maxResults;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > rules.max) {
      throw new AwsError(
        rules.errorCode,
        `MaxResults must be an integer from 1 to ${rules.max}; got ${JSON.stringify(n)}.`,
      );
    }
    size = n;
  }
  let offset = 0;
  if (request.nextToken !== undefined && request.nextToken !== '') {
    offset = decodeToken(request.nextToken, scope, rules.errorCode);
  }
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length ? { page, nextToken: encodeToken(scope, next) } : { page };
}

function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString('base64url');
}

function decodeToken(token: unknown, scope: string, errorCode: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    if (parsed.s === scope && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0)
      return parsed.o;
  } catch {
    // fall through
  }
  throw new AwsError(errorCode, 'The NextToken is not valid.');
}
