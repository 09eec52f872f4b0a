import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError, syntaxProblemOf } from './json-syntax.js';

const errorFor = (text: string): { message: string; where: object } => {
  try {
    JSON.parse(text);
  } catch (error) {
    const { message, where } = jsonSyntaxError(text, error);
    return { message, where };
  }
  throw new Error('valid JSON');
};

describe('jsonSyntaxError', () => {
  it('names the line and column of the mistake, in words', () => {
    expect(errorFor('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      message: `JSON: unexpected '"' where ',' or '}' belongs (is a comma missing?) at line 3, column 3`,
      where: { line: 3, column: 3 },
    });
    expect(errorFor('[\n  {"sku": "A-1", "price": 12.5,},\n]').message).toBe(
      "JSON: unexpected '}' after a comma (remove the comma before it) at line 2, column 32",
    );
    expect(errorFor("{'sku': 'A-1'}").message).toBe(
      `JSON: unexpected "'" where a name in double quotes belongs at line 1, column 2`,
    );
    expect(errorFor('{"note": "two\nlines"}').message).toBe(
      'JSON: a line break inside a text value (write it as \\n) at line 1, column 14',
    );
    expect(errorFor('{"items": [1, 2').message).toBe(
      "JSON: the file ends before the JSON is complete; a closing ']' may be missing at line 1, column 16",
    );
    expect(errorFor('{"a": 1}\n{"a": 2}').message).toBe(
      "JSON: unexpected '{' after the end of the JSON at line 2, column 1",
    );
    expect(errorFor('{"price": 01}').message).toBe('JSON: a malformed number at line 1, column 11');
  });

  it('places errors V8 gives no position for', () => {
    // V8: `Unexpected token 'N', "{"stock": NaN}" is not valid JSON`.
    expect(errorFor('{"stock": NaN}').message).toBe("JSON: unexpected 'N' at line 1, column 11");
  });
});

describe('syntaxProblemOf', () => {
  const parses = (text: string): boolean => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('finds a problem exactly when JSON.parse fails', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', '\n', 'x', '\\'))
      .map(
        ([text, at, insert]) =>
          text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + 1),
      );
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged, fc.string()), (text) => {
        expect(syntaxProblemOf(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });
});
