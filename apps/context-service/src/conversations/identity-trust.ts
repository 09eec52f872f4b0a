import type { Channel } from '@voca/contracts';
import type { CustomerIdentity } from '@voca/persistence';

/** Channels whose sender id is a caller ID, which anyone can forge. */
export const SPOOFABLE_CHANNELS: readonly Channel[] = ['voice', 'sms'];

/**
 * Whether an identity may share the customer's conversation across channels. A caller ID joins the customer of the
 * same number automatically (so the link is visible to the backend), but it proves nothing: until the backend links
 * it explicitly (`POST .../customers/{id}/link`), its turns see only their own channel's conversation, and the
 * customer's other channels never see what it said.
 */
export function sharesConversation(identity: Pick<CustomerIdentity, 'channel' | 'linked'>): boolean {
  return !SPOOFABLE_CHANNELS.includes(identity.channel) || identity.linked === 'explicit';
}
