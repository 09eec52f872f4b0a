import type { SocialChannel } from '@voca/contracts';

/**
 * The ElizaOS platform plugin of each social channel, recorded in the character so it states where the agent
 * lives. The engine's own channel adapters deliver the messages (for ElizaOS 1.x only the X plugin is maintained),
 * so these names are records, not loaded code.
 */
export const PLATFORM_PLUGIN_BY_CHANNEL: Record<SocialChannel, string> = {
  whatsapp: '@elizaos/plugin-whatsapp',
  instagram: '@elizaos/plugin-instagram',
  facebook: '@elizaos/plugin-facebook',
  twitter: '@elizaos/plugin-twitter',
};

/** Every runtime loads these two: the database adapter and the message handling actions and providers. */
export const CORE_PLUGINS = ['@elizaos/plugin-sql', '@elizaos/plugin-bootstrap'] as const;

export function pluginsFor(channels: readonly SocialChannel[]): string[] {
  return [...CORE_PLUGINS, ...channels.map((channel) => PLATFORM_PLUGIN_BY_CHANNEL[channel])];
}
