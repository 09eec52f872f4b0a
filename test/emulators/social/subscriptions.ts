import { GraphApiError, invalidAccessToken } from './graph-errors.js';
import type { AccountRegistry } from './accounts.js';
import type { Answer, ParsedBody } from './http.js';
import { blankProblem, xUnauthorized } from './x-errors.js';

/** A webhook subscription the emulator holds: the app subscribed to a Graph node's or an X user's events. */
export interface Subscription {
  platform: 'graph' | 'x';
  /** WABA id, Page id or Instagram account id; X user id. */
  account: string;
  /** Graph `subscribed_fields` (none for a WhatsApp Business Account); X subscriptions are to all events. */
  fields: string[];
}

/** The emulated app, as Graph lists it under a node's subscribed_apps. */
const APP = { id: '1234567890123456', name: 'Voca AI Engine (emulated)' };

/**
 * Meta's `/{node}/subscribed_apps` (POST, GET, DELETE) and X's Account Activity subscriptions
 * (`POST|GET /2/account_activity/webhooks/{webhook_id}/subscriptions/all` with the user's token,
 * `DELETE /2/account_activity/webhooks/{webhook_id}/subscriptions/{user_id}/all` with the app's bearer token).
 */
export class SubscriptionLedger {
  private readonly graph = new Map<string, string[]>();
  private readonly x = new Set<string>();
  private readonly whatsappBusinessAccounts = new Set<string>();
  private readonly xWebhooks = new Set<string>();
  private readonly xAppTokens = new Set<string>();

  constructor(private readonly accounts: AccountRegistry) {}

  registerWhatsAppBusinessAccount(id: string): void {
    this.whatsappBusinessAccounts.add(id);
  }

  registerXWebhook(webhookId: string, appBearerToken: string): void {
    this.xWebhooks.add(webhookId);
    this.xAppTokens.add(appBearerToken);
  }

  list(): Subscription[] {
    return [
      ...[...this.graph].map(([account, fields]): Subscription => ({ platform: 'graph', account, fields })),
      ...[...this.x].map((account): Subscription => ({ platform: 'x', account, fields: [] })),
    ];
  }

  graphCall(method: string, node: string, token: string | undefined, body: ParsedBody, query: URLSearchParams): Answer {
    if (!this.accounts.isAllowed(node, token)) throw invalidAccessToken();
    if (method === 'GET') {
      const fields = this.graph.get(node);
      return { status: 200, json: { data: fields ? [{ ...APP, subscribed_fields: fields }] : [] } };
    }
    if (method === 'DELETE') {
      this.graph.delete(node);
      return { status: 200, json: { success: true } };
    }
    const raw =
      (body.kind === 'form' || body.kind === 'json' ? body.value?.subscribed_fields : undefined) ??
      query.get('subscribed_fields');
    const fields =
      typeof raw === 'string'
        ? raw
            .split(',')
            .map((f) => f.trim())
            .filter(Boolean)
        : Array.isArray(raw)
          ? raw.map(String)
          : [];
    if (fields.length === 0 && !this.whatsappBusinessAccounts.has(node)) {
      throw new GraphApiError(400, '(#100) The parameter subscribed_fields is required.', 100, {
        type: 'OAuthException',
      });
    }
    this.graph.set(node, fields);
    return { status: 200, json: { success: true } };
  }

  xSubscribe(method: string, webhookId: string, token: string | undefined): Answer {
    if (!this.xWebhooks.has(webhookId)) throw blankProblem(404, 'Not Found');
    const user = this.accounts.xUserOf(token);
    if (user === undefined) throw xUnauthorized();
    if (method === 'GET') return { status: 200, json: { data: { subscribed: this.x.has(user) } } };
    this.x.add(user);
    return { status: 200, json: { data: { subscribed: true } } };
  }

  xUnsubscribe(webhookId: string, userId: string, token: string | undefined): Answer {
    if (!this.xWebhooks.has(webhookId)) throw blankProblem(404, 'Not Found');
    if (token === undefined || !this.xAppTokens.has(token)) throw xUnauthorized();
    this.x.delete(userId);
    return { status: 200, json: { data: { subscribed: false } } };
  }
}
