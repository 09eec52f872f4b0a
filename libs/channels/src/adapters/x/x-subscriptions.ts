import { xReason } from '../../platform-call.js';
import {
  subscriptionCall,
  type PlatformSubscriptionClient,
  type SubscriptionOutcome,
  type SubscriptionTarget,
} from '../../subscriptions/platform-subscriptions.js';
import type { XSettings } from './x-settings.js';

/**
 * X Account Activity subscriptions (API v2): the user's own token subscribes the app's webhook to the user's events;
 * removing it takes the app's bearer token.
 */
export class XSubscriptions implements PlatformSubscriptionClient {
  constructor(
    private readonly settings: XSettings,
    private readonly timeoutMs: number,
  ) {}

  subscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome> {
    const webhook = this.webhookUrl();
    if (!webhook) return Promise.resolve({ kind: 'skipped', reason: 'X_WEBHOOK_ID is not set' });
    return subscriptionCall(
      `${webhook}/subscriptions/all`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${target.accessToken}`, 'content-type': 'application/json' },
        body: '{}',
      },
      this.timeoutMs,
      xReason,
    );
  }

  unsubscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome> {
    const webhook = this.webhookUrl();
    if (!webhook || !this.settings.X_APP_BEARER_TOKEN) {
      return Promise.resolve({ kind: 'skipped', reason: 'X_WEBHOOK_ID or X_APP_BEARER_TOKEN is not set' });
    }
    return subscriptionCall(
      `${webhook}/subscriptions/${encodeURIComponent(target.accountId)}/all`,
      { method: 'DELETE', headers: { authorization: `Bearer ${this.settings.X_APP_BEARER_TOKEN}` } },
      this.timeoutMs,
      xReason,
    );
  }

  private webhookUrl(): string | undefined {
    const id = this.settings.X_WEBHOOK_ID;
    if (!id) return undefined;
    return `${this.settings.X_API_BASE_URL.replace(/\/$/, '')}/2/account_activity/webhooks/${encodeURIComponent(id)}`;
  }
}
