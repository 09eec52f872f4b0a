import { channelDisplayName } from '@voca/channels';
import type { BusinessProfile, Channel } from '@voca/contracts';
import { toneOf, voiceOf } from './tone.js';

const QUOTE_LIMIT = 90;

/**
 * The opening line of a call (or any first turn without words) from a customer who wrote on another channel before:
 * welcomes them back in the agent's tone and picks up where that conversation was. Undefined for a customer with
 * no earlier conversation elsewhere.
 */
export function returningCustomerGreeting(input: {
  profile: BusinessProfile;
  channel: Channel;
  customerName?: string;
  history: { role: 'customer' | 'agent'; channel: Channel; text: string }[];
}): string | undefined {
  const earlier = [...input.history]
    .reverse()
    .find((turn) => turn.role === 'customer' && turn.channel !== input.channel);
  if (!earlier) return undefined;
  const voice = voiceOf(toneOf(input.profile.voice, input.profile.business_type));
  const firstName = input.customerName?.split(/\s+/)[0]?.replace(/[^\p{L}'-]/gu, '') || undefined;
  const quote = earlier.text.length > QUOTE_LIMIT ? `${earlier.text.slice(0, QUOTE_LIMIT).trimEnd()}...` : earlier.text;
  return `${voice.welcomeBack(input.profile.name, firstName)} I see you wrote to us on ${channelDisplayName(earlier.channel)}: "${quote}". Is that what you are calling about, or can I help with something else?`;
}
