import { DocumentFormatError } from './document-errors.js';
import { lineAndColumn } from './text-position.js';

interface SyntaxProblem {
  index: number;
  problem: string;
}

/**
 * A JSON.parse failure as a DocumentFormatError naming the line and column. V8 reports a position for most
 * errors but not all (`Unexpected token 'a', "..." is not valid JSON` has none), so the place is found again here
 * by reading the text against the JSON grammar, which also says what is wrong in words a business can act on.
 */
export function jsonSyntaxError(text: string, error: unknown): DocumentFormatError {
  const found = syntaxProblemOf(text);
  if (!found) {
    const reason = error instanceof Error ? error.message : String(error);
    return new DocumentFormatError(`JSON: the file is not valid JSON (${reason})`);
  }
  const { line, column } = lineAndColumn(text, found.index);
  return new DocumentFormatError(`JSON: ${found.problem} at line ${line}, column ${column}`, { line, column });
}

type Expected = 'value' | 'first value' | 'next value' | 'first key' | 'next key' | 'colon' | 'after value';

/** The first place the text breaks the JSON grammar, or undefined when it is valid JSON. */
export function syntaxProblemOf(text: string): SyntaxProblem | undefined {
  const open: ('{' | '[')[] = [];
  let expected: Expected = 'value';
  let at = 0;
  for (;;) {
    at = skipSpace(text, at);
    if (at >= text.length) {
      if (expected === 'after value' && open.length === 0) return undefined;
      const missing = open.length > 0 ? `; a closing ${open.at(-1) === '{' ? "'}'" : "']'"} may be missing` : '';
      return { index: at, problem: `the file ends before the JSON is complete${missing}` };
    }
    const char = text[at];
    if (expected === 'after value') {
      const inside = open.at(-1);
      if (inside === undefined) return { index: at, problem: `unexpected ${shown(char)} after the end of the JSON` };
      const close = inside === '{' ? '}' : ']';
      if (char === close) {
        open.pop();
        at++;
      } else if (char === ',') {
        expected = inside === '{' ? 'next key' : 'next value';
        at++;
      } else {
        return {
          index: at,
          problem: `unexpected ${shown(char)} where ',' or '${close}' belongs (is a comma missing?)`,
        };
      }
      continue;
    }
    if (expected === 'colon') {
      if (char !== ':') return { index: at, problem: `unexpected ${shown(char)} where ':' belongs after a name` };
      expected = 'value';
      at++;
      continue;
    }
    const closing = char === '}' || char === ']';
    if (closing && (expected === 'first key' || expected === 'first value')) {
      if (char !== (expected === 'first key' ? '}' : ']')) return { index: at, problem: `unexpected ${shown(char)}` };
      open.pop();
      expected = 'after value';
      at++;
      continue;
    }
    if (closing && (expected === 'next key' || expected === 'next value')) {
      return { index: at, problem: `unexpected ${shown(char)} after a comma (remove the comma before it)` };
    }
    if (expected === 'first key' || expected === 'next key') {
      if (char !== '"')
        return { index: at, problem: `unexpected ${shown(char)} where a name in double quotes belongs` };
      const end = stringEnd(text, at);
      if (typeof end !== 'number') return end;
      expected = 'colon';
      at = end;
      continue;
    }
    if (char === '{' || char === '[') {
      open.push(char);
      expected = char === '{' ? 'first key' : 'first value';
      at++;
      continue;
    }
    const end = scalarEnd(text, at);
    if (typeof end !== 'number') return end;
    expected = 'after value';
    at = end;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

function scalarEnd(text: string, at: number): number | SyntaxProblem {
  const char = text[at];
  if (char === '"') return stringEnd(text, at);
  if (char === '-' || (char >= '0' && char <= '9')) {
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    const end = at + (number?.[0].length ?? 0);
    if (number && !/[\w.]/.test(text[end] ?? '')) return end;
    return { index: at, problem: 'a malformed number' };
  }
  const literal = LITERALS.find((word) => text.startsWith(word, at));
  if (literal && !/\w/.test(text[at + literal.length] ?? '')) return at + literal.length;
  const problem = char === "'" ? "unexpected ' (JSON text must be in double quotes)" : `unexpected ${shown(char)}`;
  return { index: at, problem };
}

function stringEnd(text: string, start: number): number | SyntaxProblem {
  for (let at = start + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) return at + 1;
    if (code === 0x5c) {
      const escaped = text[at + 1];
      if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 5;
      else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) at++;
      else return { index: at, problem: 'an invalid escape (a backslash in text must be written \\\\)' };
    } else if (code < 0x20) {
      const what =
        code === 0x0a
          ? 'a line break inside a text value (write it as \\n)'
          : 'a control character inside a text value';
      return { index: at, problem: what };
    }
  }
  return { index: start, problem: 'a text value that is never closed (a closing " is missing)' };
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  return at;
}

function shown(char: string): string {
  return char === "'" ? `"'"` : `'${char}'`;
}
