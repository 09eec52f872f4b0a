import type { SocialChannel } from '@voca/contracts';

/** One of an agent's platform accounts, to subscribe the app's webhooks to or to unsubscribe. */
export interface SubscriptionTarget {
  channel: SocialChannel;
  /** The node subscribed: WABA id (WhatsApp), Page id, Instagram account id, or X user id. */
  accountId: string;
  /** The account's token (WhatsApp system user, Page, Instagram, X user). */
  accessToken: string;
}

/**
 * `retry`: the platform did not act (throttled, unavailable, unreachable) and asking again is safe, since both calls
 * are idempotent. `rejected`: it refused (a bad or revoked token, a missing permission). `skipped`: the engine is not
 * configured for it (X without a webhook id).
 */
export type SubscriptionOutcome =
  | { kind: 'done' }
  | { kind: 'retry'; reason: string }
  | { kind: 'rejected'; reason: string }
  | { kind: 'skipped'; reason: string };

export interface SubscriptionSettings {
  metaGraphBaseUrl: string;
  metaGraphVersion: string;
  xApiBaseUrl: string;
  /** The Account Activity webhook the app registered with X; without it X accounts are not subscribed. */
  xWebhookId?: string;
  /** The app's bearer token, which X requires to delete a subscription. */
  xAppBearerToken?: string;
  timeoutMs: number;
}

export interface PlatformSubscriptionClient {
  subscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome>;
  unsubscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome>;
}

/** One HTTP call of a subscription client, its answer read as an outcome. */
export async function subscriptionCall(url: string, init: RequestInit, timeoutMs: number, reasonOf: (status: number, json: any) => string): Promise<SubscriptionOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { kind: 'retry', reason: `could not reach the platform (${code})` };
  }
  let json: any;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  if (response.ok) return { kind: 'done' };
  const reason = reasonOf(response.status, json);
  if (response.status === 429 || response.status >= 500 || json?.error?.is_transient === true) return { kind: 'retry', reason };
  return { kind: 'rejected', reason };
}
