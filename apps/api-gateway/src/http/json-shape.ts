import { isStorableText } from '@voca/contracts';

/** Deeper than any request of this API; far below where recursive transformers would overflow the stack. */
export const MAX_JSON_DEPTH = 32;

export interface JsonShapeProblem {
  field: string;
  message: string;
}

interface Visit {
  value: unknown;
  path: string;
  depth: number;
}

function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * The first reason a parsed request value could not be handled whole: nesting past MAX_JSON_DEPTH, or (when
 * `storableOnly`) a key or string that Postgres cannot store. Walks with an explicit stack, so that the check itself
 * cannot overflow on the inputs it is there to refuse. Fields are named as class-validator names them (`a.b.0.c`).
 */
export function findJsonShapeProblem(
  root: unknown,
  rootPath: string,
  storableOnly: boolean,
): JsonShapeProblem | undefined {
  const stack: Visit[] = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (storableOnly && !isStorableText(value))
        return { field: path, message: 'contains a character that cannot be stored' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH)
      return { field: path, message: `is nested too deeply (more than ${MAX_JSON_DEPTH} levels)` };
    for (const [key, item] of Object.entries(value)) {
      const itemPath = childPath(path, key);
      if (storableOnly && !isStorableText(key))
        return { field: itemPath, message: 'is a key with a character that cannot be stored' };
      stack.push({ value: item, path: itemPath, depth: depth + 1 });
    }
  }
  return undefined;
}
