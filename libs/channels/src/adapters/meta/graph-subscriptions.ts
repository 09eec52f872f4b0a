import { graphReason } from '../../platform-call.js';
import {
  subscriptionCall,
  type PlatformSubscriptionClient,
  type SubscriptionOutcome,
  type SubscriptionTarget,
} from '../../subscriptions/platform-subscriptions.js';
import type { MetaSettings } from './meta-settings.js';

/**
 * Meta's `/{node}/subscribed_apps` edge: subscribes the app to a WABA, a Page or an Instagram account, or undoes it.
 */
export class GraphSubscriptions implements PlatformSubscriptionClient {
  /** `fields`: the webhook fields the channel needs, or none (a WABA takes the app's own `messages` subscription). */
  constructor(
    private readonly settings: MetaSettings,
    private readonly timeoutMs: number,
    private readonly fields: string | undefined,
  ) {}

  subscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome> {
    const fields = this.fields;
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
    const base = this.settings.META_GRAPH_BASE_URL.replace(/\/$/, '');
    const url = `${base}/${this.settings.META_GRAPH_VERSION}/${encodeURIComponent(target.accountId)}/subscribed_apps`;
    return subscriptionCall(
      url,
      { method, headers: { authorization: `Bearer ${target.accessToken}` }, ...(form ? { body: form } : {}) },
      this.timeoutMs,
      graphReason,
    );
  }
}
