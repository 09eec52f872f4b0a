import { graphReason } from '../platform-call.js';
import {
  subscriptionCall,
  type PlatformSubscriptionClient,
  type SubscriptionOutcome,
  type SubscriptionSettings,
  type SubscriptionTarget,
} from './platform-subscriptions.js';

/**
 * The webhook fields an agent needs per account. A WhatsApp Business Account takes no field list: the app's own
 * `messages` subscription applies to every WABA subscribed to it.
 */
const FIELDS: Record<'whatsapp' | 'facebook' | 'instagram', string | undefined> = {
  whatsapp: undefined,
  facebook: 'messages,messaging_postbacks',
  instagram: 'messages',
};

/**
 * Meta's `/{node}/subscribed_apps` edge: subscribes the app to a WABA, a Page or an Instagram account, or undoes it.
 */
export class GraphSubscriptions implements PlatformSubscriptionClient {
  constructor(private readonly settings: SubscriptionSettings) {}

  subscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome> {
    const fields = FIELDS[target.channel as keyof typeof FIELDS];
    return this.call(
      'POST',
      target,
      fields === undefined ? undefined : new URLSearchParams({ subscribed_fields: fields }),
    );
  }

  unsubscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome> {
    return this.call('DELETE', target);
  }

  private call(method: 'POST' | 'DELETE', target: SubscriptionTarget, form?: URLSearchParams) {
    const base = this.settings.metaGraphBaseUrl.replace(/\/$/, '');
    const url = `${base}/${this.settings.metaGraphVersion}/${encodeURIComponent(target.accountId)}/subscribed_apps`;
    return subscriptionCall(
      url,
      { method, headers: { authorization: `Bearer ${target.accessToken}` }, ...(form ? { body: form } : {}) },
      this.settings.timeoutMs,
      graphReason,
    );
  }
}
