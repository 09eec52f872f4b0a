import { createHash } from 'node:crypto';

/** The ElizaOS agent id of an engine agent: a name-based (v5-style) UUID, the same on every replica and retry. */
export function elizaosAgentIdOf(agentId: string): string {
  const hex = createHash('sha1').update(`voca-agent:${agentId}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
