import { adapterOf } from '@voca/channels';
import type { SocialChannel } from '@voca/contracts';

/**
 * The ElizaOS platform plugin of each messaging channel (its adapter names it) is recorded in the character so it
 * states where the agent lives. The engine's own channel adapters deliver the messages (for ElizaOS 1.x only the X
 * plugin is maintained), so these names are records, not loaded code.
 */

/** Every runtime loads these two: the database adapter and the message handling actions and providers. */
export const CORE_PLUGINS = ['@elizaos/plugin-sql', '@elizaos/plugin-bootstrap'] as const;

export function pluginsFor(channels: readonly SocialChannel[]): string[] {
  return [...CORE_PLUGINS, ...channels.map((channel) => adapterOf(channel).elizaPlugin)];
}
