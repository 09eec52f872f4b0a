import type { SocialChannel } from '@voca/contracts';
import { callPlatform, graphReason, isTransient, textAt, xReason, type PlatformAnswer } from '../platform-call.js';

export interface OwnershipSettings {
  metaGraphBaseUrl: string;
  metaGraphVersion: string;
  xApiBaseUrl: string;
  timeoutMs: number;
}

/** An account an agent is to answer for, with the token the vendor gave for it. */
export interface ClaimedAccount {
  channel: SocialChannel;
  /** WhatsApp phone number id, Page id, Instagram account id, or X user id. */
  accountId: string;
  /** A WhatsApp Business Account the number belongs to, when the vendor named one. */
  businessAccountId?: string;
  accessToken: string;
}

/**
 * `owned`: the platform says the token reaches the account. `not_owned`: it says it does not (another account's
 * token, a user token for a Page, a revoked one). `unknown`: the platform could not be asked (throttled, down,
 * unreachable): nothing is claimed, and asking again later is safe.
 */
export type Ownership = { kind: 'owned' } | { kind: 'not_owned'; reason: string } | { kind: 'unknown'; reason: string };

/**
 * Proves, with the platform's own API, that a token belongs to the account it is given for, before the engine lets
 * an agent claim that account (and its customers' messages):
 * - a Page: `GET /me` with the token is the Page itself (a Page token), not a user or another Page;
 * - a WhatsApp number, its Business Account, an Instagram account: the token can read the node (`GET /{id}`), which
 *   Graph allows only with a permission granted on that very asset;
 * - an X account: `GET /2/users/me` with the user token is that user.
 */
export class AccountOwnership {
  constructor(private readonly settings: OwnershipSettings) {}

  async prove(account: ClaimedAccount): Promise<Ownership> {
    switch (account.channel) {
      case 'facebook':
        return this.graphIdentity('me', account, account.accountId);
      case 'instagram':
        return this.graphIdentity(account.accountId, account, account.accountId);
      case 'whatsapp': {
        const number = await this.graphIdentity(account.accountId, account, account.accountId);
        if (number.kind !== 'owned' || !account.businessAccountId) return number;
        return this.graphIdentity(account.businessAccountId, account, account.businessAccountId);
      }
      case 'twitter':
        return this.xIdentity(account);
    }
  }

  private async graphIdentity(node: string, account: ClaimedAccount, expected: string): Promise<Ownership> {
    const base = this.settings.metaGraphBaseUrl.replace(/\/$/, '');
    const url = `${base}/${this.settings.metaGraphVersion}/${encodeURIComponent(node)}?fields=id`;
    const answer = await this.get(url, account.accessToken);
    if (answer.kind !== 'answered') return answer;
    const { status, body } = answer;
    const id = textAt(body, 'id');
    if (status === 200 && id === expected) return { kind: 'owned' };
    if (status === 200)
      return { kind: 'not_owned', reason: `the token belongs to ${id ?? 'another account'}, not ${expected}` };
    return this.refusal(answer, graphReason(status, body));
  }

  private async xIdentity(account: ClaimedAccount): Promise<Ownership> {
    const answer = await this.get(`${this.settings.xApiBaseUrl.replace(/\/$/, '')}/2/users/me`, account.accessToken);
    if (answer.kind !== 'answered') return answer;
    const { status, body } = answer;
    const id = textAt(body, 'data', 'id');
    if (status === 200 && id === account.accountId) return { kind: 'owned' };
    if (status === 200) {
      return { kind: 'not_owned', reason: `the token belongs to X user ${id || 'unknown'}, not ${account.accountId}` };
    }
    return this.refusal(answer, xReason(status, body));
  }

  /** A refusal the platform may not repeat (throttled, down) leaves ownership unknown; any other one denies it. */
  private refusal(answer: { status: number; body: unknown }, reason: string): Ownership {
    return isTransient(answer) ? { kind: 'unknown', reason } : { kind: 'not_owned', reason };
  }

  private async get(
    url: string,
    token: string,
  ): Promise<Extract<PlatformAnswer, { kind: 'answered' }> | { kind: 'unknown'; reason: string }> {
    const answer = await callPlatform(url, { headers: { authorization: `Bearer ${token}` } }, this.settings.timeoutMs);
    return answer.kind === 'unreachable' ? { kind: 'unknown', reason: answer.reason } : answer;
  }
}
