import { describe, expect, it } from 'vitest';
import { findJsonShapeProblem, MAX_JSON_DEPTH } from './json-shape.js';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

describe('findJsonShapeProblem', () => {
  it('finds nothing wrong with an ordinary body', () => {
    const body = {
      agent_config: { name: 'Cozy \u{1F6CB}\ufe0f', context: { products: [{ name: 'Sofa', price: 499 }] } },
    };
    expect(findJsonShapeProblem(body, '', true)).toBeUndefined();
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more, naming where`, () => {
    expect(findJsonShapeProblem(nested(MAX_JSON_DEPTH), '', true)).toBeUndefined();
    const problem = findJsonShapeProblem({ context: nested(MAX_JSON_DEPTH) }, '', true);
    expect(problem?.message).toBe(`is nested too deeply (more than ${MAX_JSON_DEPTH} levels)`);
    expect(problem?.field.startsWith('context.')).toBe(true);
    expect(problem?.field.split('.')).toHaveLength(MAX_JSON_DEPTH);
  });

  it('walks a hundred thousand levels without overflowing the stack', () => {
    expect(findJsonShapeProblem(nested(100_000), '', false)?.message).toMatch(/nested too deeply/);
  });

  it('names the value or the key Postgres could not store, under the given root', () => {
    expect(findJsonShapeProblem({ context: { store_hours: '9\u00005' } }, '', true)).toEqual({
      field: 'context.store_hours',
      message: 'contains a character that cannot be stored',
    });
    expect(findJsonShapeProblem({ tags: ['ok', 'bad\ud800'] }, '', true)?.field).toBe('tags.1');
    expect(findJsonShapeProblem({ ['k\u0000']: 1 }, '', true)).toEqual({
      field: 'k\u0000',
      message: 'is a key with a character that cannot be stored',
    });
    expect(findJsonShapeProblem('a\u0000', 'skip', true)?.field).toBe('skip');
  });

  it('leaves text alone when only the shape is checked (platform webhooks clean text themselves)', () => {
    expect(findJsonShapeProblem({ text: 'a\u0000' }, '', false)).toBeUndefined();
  });
});
