import { callPlatform, isTransient, type PlatformAnswer } from '../platform-call.js';

/**
 * `owned`: the platform says the token reaches the account. `not_owned`: it says it does not (another account's
 * token, a user token for a Page, a revoked one). `unknown`: the platform could not be asked (throttled, down,
 * unreachable): nothing is claimed, and asking again later is safe.
 */
export type Ownership = { kind: 'owned' } | { kind: 'not_owned'; reason: string } | { kind: 'unknown'; reason: string };

/**
 * Proves, with the platform's own API, that the token in a channel's credentials belongs to the account they name,
 * before the engine lets an agent claim that account (and its customers' messages). Each adapter has its own.
 */
export interface OwnershipProver<C extends object> {
  prove(credentials: C): Promise<Ownership>;
}

/** One identity lookup (`GET url` with the token): the platform's answer, or `unknown` when it gave none. */
export async function askIdentity(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Extract<PlatformAnswer, { kind: 'answered' }> | { kind: 'unknown'; reason: string }> {
  const answer = await callPlatform(url, init, timeoutMs);
  return answer.kind === 'unreachable' ? { kind: 'unknown', reason: answer.reason } : answer;
}

/** A refusal the platform may not repeat (throttled, down) leaves ownership unknown; any other one denies it. */
export function refusal(answer: { status: number; body: unknown }, reason: string): Ownership {
  return isTransient(answer) ? { kind: 'unknown', reason } : { kind: 'not_owned', reason };
}
