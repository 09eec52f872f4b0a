/** Every channel an agent can be reached on. */
export const CHANNELS = ['voice', 'sms', 'whatsapp', 'instagram', 'facebook', 'twitter', 'telegram'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels served through the shared Amazon Connect instance. */
export const CONNECT_CHANNELS = ['voice', 'sms'] as const satisfies readonly Channel[];
/** Channels whose messages the ElizaOS runtime answers. */
export const SOCIAL_CHANNELS = [
  'whatsapp',
  'instagram',
  'facebook',
  'twitter',
  'telegram',
] as const satisfies readonly Channel[];
export type SocialChannel = (typeof SOCIAL_CHANNELS)[number];

export function isSocialChannel(channel: Channel): channel is SocialChannel {
  return (SOCIAL_CHANNELS as readonly Channel[]).includes(channel);
}

export function isConnectChannel(channel: Channel): boolean {
  return (CONNECT_CHANNELS as readonly Channel[]).includes(channel);
}

export const BUSINESS_TYPES = ['retail', 'microfinance', 'other'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];
