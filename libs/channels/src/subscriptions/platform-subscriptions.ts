import type { SocialChannel } from '@voca/contracts';
import { callPlatform, isTransient, succeeded } from '../platform-call.js';

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

export interface PlatformSubscriptionClient {
  subscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome>;
  unsubscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome>;
}

/** One HTTP call of a subscription client, its answer read as an outcome. */
export async function subscriptionCall(
  url: string,
  init: RequestInit,
  timeoutMs: number,
  reasonOf: (status: number, body: unknown) => string,
): Promise<SubscriptionOutcome> {
  const answer = await callPlatform(url, init, timeoutMs);
  // Both calls are idempotent: one that may have been received is asked again too.
  if (answer.kind === 'unreachable') return { kind: 'retry', reason: answer.reason };
  if (succeeded(answer)) return { kind: 'done' };
  const reason = reasonOf(answer.status, answer.body);
  return isTransient(answer) ? { kind: 'retry', reason } : { kind: 'rejected', reason };
}
