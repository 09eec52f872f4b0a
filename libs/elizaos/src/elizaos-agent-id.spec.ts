import { describe, expect, it } from 'vitest';
import { elizaosAgentIdOf } from './elizaos-agent-id.js';

describe('elizaosAgentIdOf', () => {
  it('is a version 5 UUID, stable per agent and distinct between agents', () => {
    const id = elizaosAgentIdOf('agent-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(elizaosAgentIdOf('agent-1')).toBe(id);
    expect(elizaosAgentIdOf('agent-2')).not.toBe(id);
  });
});
