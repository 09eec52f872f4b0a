import { CONNECT_CHANNELS, type Channel, type SocialChannel } from '@voca/contracts';
import type { z } from 'zod';
import type { ChannelAdapter, ChannelEnv, EngineSecrets, WebhookDoor } from './channel-adapter.js';
import { accountWebhookToken } from './inbound/webhook-keys.js';
import { instagramAdapter } from './adapters/instagram/instagram.adapter.js';
import { messengerAdapter } from './adapters/messenger/messenger.adapter.js';
import { telegramAdapter } from './adapters/telegram/telegram.adapter.js';
import { whatsappAdapter } from './adapters/whatsapp/whatsapp.adapter.js';
import { xAdapter } from './adapters/x/x.adapter.js';

/**
 * The adapter of every messaging channel: the one list the engine reads channels from. The compiler asks for an
 * adapter when a channel joins SOCIAL_CHANNELS (libs/contracts), and the registry's spec checks each is whole.
 * Voice and SMS are Amazon Connect's (libs/aws-connect), not adapters.
 */
export const CHANNEL_ADAPTERS = {
  whatsapp: whatsappAdapter,
  facebook: messengerAdapter,
  instagram: instagramAdapter,
  twitter: xAdapter,
  telegram: telegramAdapter,
} satisfies Record<SocialChannel, ChannelAdapter>;

export function adapterOf(channel: SocialChannel): ChannelAdapter {
  return CHANNEL_ADAPTERS[channel];
}

export function isMessagingChannel(channel: Channel): channel is SocialChannel {
  return Object.hasOwn(CHANNEL_ADAPTERS, channel);
}

type Adapters = (typeof CHANNEL_ADAPTERS)[SocialChannel];
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every adapter's settings in one declaration, for the schemas of the apps that use channels. */
export const CHANNEL_SETTINGS = mergeSettings(Object.values(CHANNEL_ADAPTERS)) as Intersection<Adapters['settings']>;

/** The settings of several adapters; a variable two adapters declare must be the same declaration (Meta's). */
export function mergeSettings(adapters: readonly ChannelAdapter[]): z.ZodRawShape {
  const merged: Record<string, z.ZodRawShape[string]> = {};
  for (const adapter of adapters) {
    for (const [name, declaration] of Object.entries(adapter.settings)) {
      if (merged[name] !== undefined && merged[name] !== declaration) {
        throw new Error(`${name} is declared differently by two channel adapters; declare it once and share it`);
      }
      merged[name] = declaration;
    }
  }
  return merged;
}

/** The engine's secrets for the adapters, derived from WEBHOOK_SECRET (none without it). */
export function engineSecrets(webhookSecret: string | undefined): EngineSecrets {
  return {
    accountWebhookToken: (channel, accountId) =>
      webhookSecret ? accountWebhookToken(webhookSecret, channel, accountId) : undefined,
  };
}

/** Where a door's route and documentation are read, which need no secret. */
export const NO_SECRETS = engineSecrets(undefined);

/** The distinct webhooks of the messaging channels (Meta's serves three), read with an app's settings. */
export function webhookDoors(env: ChannelEnv, secrets: EngineSecrets = NO_SECRETS): WebhookDoor[] {
  const doors = new Map<string, WebhookDoor>();
  for (const adapter of Object.values(CHANNEL_ADAPTERS) as ChannelAdapter[]) {
    const door = adapter.webhook(env, secrets);
    if (!doors.has(door.name)) doors.set(door.name, door);
  }
  return [...doors.values()];
}

/** The path (under the engine's base URL) a channel's platform delivers an account's messages to. */
export function webhookPathOf(channel: SocialChannel, accountId?: string): string {
  return `/api/v1/webhooks/${withAccount(adapterOf(channel).webhook({}, NO_SECRETS).path, accountId)}`;
}

const CONNECT_NAMES: Record<(typeof CONNECT_CHANNELS)[number], string> = { voice: 'the phone', sms: 'SMS' };

/** How people call a channel ("you wrote to us on WhatsApp"). */
export function channelDisplayName(channel: Channel): string {
  return isMessagingChannel(channel) ? CHANNEL_ADAPTERS[channel].displayName : CONNECT_NAMES[channel];
}

/** The route path with its account filled in, for a door per account (`<platform>/:account`). */
function withAccount(path: string, accountId: string | undefined): string {
  return accountId === undefined ? path : path.replace(':account', encodeURIComponent(accountId));
}

/** The channels' settings out of an app's validated configuration (Nest's ConfigService reads one key at a time). */
export function channelEnvFrom(read: (key: string) => unknown): ChannelEnv {
  return Object.fromEntries(Object.keys(CHANNEL_SETTINGS).map((key) => [key, read(key)]));
}
