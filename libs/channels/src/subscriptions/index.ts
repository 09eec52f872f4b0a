import type { SocialChannel } from '@voca/contracts';
import { GraphSubscriptions } from './graph-subscriptions.js';
import type { PlatformSubscriptionClient, SubscriptionSettings } from './platform-subscriptions.js';
import { XSubscriptions } from './x-subscriptions.js';

export * from './platform-subscriptions.js';
export { GraphSubscriptions } from './graph-subscriptions.js';
export { XSubscriptions } from './x-subscriptions.js';

/** The subscription client of each social channel. */
export function subscriptionClients(settings: SubscriptionSettings): Record<SocialChannel, PlatformSubscriptionClient> {
  const graph = new GraphSubscriptions(settings);
  return { whatsapp: graph, facebook: graph, instagram: graph, twitter: new XSubscriptions(settings) };
}
