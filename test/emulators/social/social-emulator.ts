import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccountRegistry } from './accounts.js';
import { FailurePlan, platformFailure } from './failures.js';
import { GraphApiError, invalidAccessToken, unknownGraphPath, unparsableGraphBody } from './graph-errors.js';
import { HoldPlan } from './holds.js';
import {
  bearerToken,
  flattenHeaders,
  parseBody,
  readBody,
  writeAnswer,
  type Answer,
  type ParsedBody,
  type PlatformError,
} from './http.js';
import { oneToOneConversationId, pageMessageId, snowflakeId, whatsappMessageId } from './ids.js';
import { pageAccepted, validatePageText } from './page-messages.js';
import { matchRoute } from './routes.js';
import { SubscriptionLedger, type Subscription } from './subscriptions.js';
import {
  SOCIAL_PLATFORMS,
  type RequestRecord,
  type SentMessage,
  type SocialEmulatorOptions,
  type SocialFailure,
  type SocialPlatform,
} from './types.js';
import { looksLikeWhatsApp, validateWhatsAppText, whatsAppAccepted } from './whatsapp.js';
import { validateXDirectMessage, xDirectMessageCreated } from './x-dm.js';
import { XApiError, xInvalidRequest, xNotFound, xUnauthorized } from './x-errors.js';

/** A send that passed authentication and validation, before failures and holds are applied. */
interface AcceptedSend {
  message: Omit<SentMessage, 'messageId' | 'at'>;
  /** Builds the success answer for the id the emulator gives the message. */
  answer: (messageId: string) => Answer;
  newId: () => string;
}

/**
 * A stateful local emulator of the Meta Graph API send endpoints (WhatsApp Cloud API, Messenger and Instagram Send API)
 * and of the X API v2 one-to-one DM send, for tests. Point both META_GRAPH_BASE_URL and X_API_BASE_URL at `url`.
 * It records what was sent, checks bearer tokens per business account, and can inject each platform's own failures.
 */
export class SocialEmulator {
  readonly url: string;
  /** Successful sends only (held ones included), in order. Cleared in place by reset(). */
  readonly sent: SentMessage[] = [];
  /** Every request, in arrival order. Cleared in place by reset(). */
  readonly requests: RequestRecord[] = [];

  private readonly accounts = new AccountRegistry();
  private readonly subscriptionLedger = new SubscriptionLedger(this.accounts);
  private readonly failures = new FailurePlan();
  private readonly holds = new HoldPlan();
  private readonly graphVersion: string | undefined;
  private readonly xResetSeconds: number;

  private constructor(
    private readonly server: Server,
    options: SocialEmulatorOptions,
  ) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.graphVersion = options.graphVersion;
    this.xResetSeconds = options.xRateLimitResetSeconds ?? 1;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.onRequest(req, res).catch((e: unknown) => {
        writeAnswer(res, {
          status: 500,
          json: { error: { message: `social emulator failure: ${(e as Error)?.message ?? String(e)}` } },
        });
      });
    });
  }

  /** Starts an emulator on 127.0.0.1 on a free port. */
  static async start(options: SocialEmulatorOptions = {}): Promise<SocialEmulator> {
    if (options.graphVersion !== undefined && !/^v\d+\.\d+$/.test(options.graphVersion)) {
      throw new Error(`graphVersion must look like 'v21.0', got ${String(options.graphVersion)}`);
    }
    const reset = options.xRateLimitResetSeconds;
    if (reset !== undefined && !(Number.isInteger(reset) && reset >= 0))
      throw new Error(`xRateLimitResetSeconds must be a non-negative integer, got ${reset}`);
    const server = createServer({ keepAliveTimeout: 5_000 });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new SocialEmulator(server, options);
  }

  /** Only these bearer tokens are accepted for that business account (others: 401 / Graph OAuthException 190). */
  allowToken(accountId: string, token: string): void {
    this.accounts.allowToken(accountId, token);
  }

  /** For X: the token identifies the sending user (OAuth 2 user context). */
  allowXUser(userId: string, token: string): void {
    this.accounts.allowXUser(userId, token);
  }

  /**
   * Makes a Graph id an Instagram account: its `/messages` sends are Instagram sends (other ids are Messenger pages).
   */
  registerInstagramAccount(accountId: string): void {
    this.accounts.registerInstagramAccount(accountId);
  }

  /** Makes a Graph id a WhatsApp Business Account: its subscribed_apps takes no subscribed_fields. */
  registerWhatsAppBusinessAccount(wabaId: string): void {
    this.subscriptionLedger.registerWhatsAppBusinessAccount(wabaId);
  }

  /** The app's X Account Activity webhook, and the app bearer token that may delete its subscriptions. */
  registerXWebhook(webhookId: string, appBearerToken: string): void {
    this.subscriptionLedger.registerXWebhook(webhookId, appBearerToken);
  }

  /** The webhook subscriptions in place now (Graph nodes and X users). */
  subscriptions(): Subscription[] {
    return this.subscriptionLedger.list();
  }

  /** The next `times` sends to this platform fail like the platform fails (after auth and validation passed). */
  failNext(platform: SocialPlatform, failure: SocialFailure, times = 1): void {
    this.failures.add(platform, failure, times);
  }

  /**
   * Apply the next send (it is recorded in `sent`) but hold the HTTP response until releaseHeld(): a sender crashing
   * mid-call. Resolves when such a send has arrived.
   */
  holdNext(platform: SocialPlatform): Promise<void> {
    if (!SOCIAL_PLATFORMS.includes(platform))
      throw new Error(`holdNext: platform must be one of ${SOCIAL_PLATFORMS.join(', ')}, got ${String(platform)}`);
    return this.holds.arm(platform);
  }

  /** Answers every held send whose client is still there. */
  releaseHeld(): void {
    this.holds.release(writeAnswer);
  }

  sentTo(to: string): SentMessage[] {
    return this.sent.filter((m) => m.to === to);
  }

  /**
   * Forgets the traffic and the plans: `sent`, `requests`, planned failures and holds (a pending holdNext() promise
   * rejects; held answers are released). Accounts, tokens and X users stay registered.
   */
  reset(): void {
    this.sent.length = 0;
    this.requests.length = 0;
    this.failures.clear();
    this.holds.clear(writeAnswer);
  }

  async stop(): Promise<void> {
    this.holds.clear(writeAnswer);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // --- HTTP ------------------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname.replace(/(.)\/+$/, '$1');
    const headers = flattenHeaders(req.headers);
    const body: ParsedBody =
      raw === undefined ? { kind: 'invalid', value: '' } : parseBody(raw, headers['content-type']);
    const route = matchRoute(method, path, this.graphVersion);

    let accepted: AcceptedSend | undefined;
    let answer: Answer;
    try {
      if (route.kind === 'graph-subscribed-apps') {
        const token = bearerToken(headers) ?? url.searchParams.get('access_token') ?? formToken(body);
        answer = this.subscriptionLedger.graphCall(method, route.node, token, body, url.searchParams);
      } else if (route.kind === 'x-subscription') {
        answer = this.subscriptionLedger.xSubscribe(method, route.webhookId, bearerToken(headers));
      } else if (route.kind === 'x-unsubscription') {
        answer = this.subscriptionLedger.xUnsubscribe(route.webhookId, route.userId, bearerToken(headers));
      } else if (route.kind === 'graph-node') {
        answer = this.graphNode(route.node, bearerToken(headers) ?? url.searchParams.get('access_token') ?? undefined);
      } else if (route.kind === 'x-me') {
        answer = this.xMe(bearerToken(headers));
      } else {
        if (route.kind === 'graph-messages') accepted = this.graphSend(route.node, headers, url.searchParams, body);
        else if (route.kind === 'x-dm') accepted = this.xSend(route.participantId, headers, body);
        else throw route.style === 'x' ? xNotFound() : unknownGraphPath(method, path);
        answer = this.apply(accepted);
      }
    } catch (e) {
      if (!(e instanceof GraphApiError || e instanceof XApiError)) throw e;
      accepted = undefined;
      answer = (e as PlatformError).toAnswer();
    }
    this.requests.push({ method, path, status: answer.status, at: Date.now() });
    if (accepted && this.holds.holdIfArmed(accepted.message.platform, res, answer)) return;
    writeAnswer(res, answer);
  }

  /**
   * GET /{version}/{node}?fields=id: `me` is the account a Page or Instagram token belongs to; any other node answers
   * only to a token allowed for it (Graph's code 100 otherwise, as for an object the token has no permission on).
   */
  private graphNode(node: string, token: string | undefined): Answer {
    if (token === undefined || this.accounts.accountOf(token) === undefined) throw invalidAccessToken();
    const id = node === 'me' ? this.accounts.accountOf(token) : node;
    if (id === undefined || !this.accounts.isAllowed(id, token)) {
      throw new GraphApiError(
        400,
        `Unsupported get request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        100,
        { type: 'GraphMethodException', subcode: 33 },
      );
    }
    return { status: 200, json: { id } };
  }

  /** GET /2/users/me: the X user an OAuth 2 user token belongs to. */
  private xMe(token: string | undefined): Answer {
    const id = this.accounts.xUserOf(token);
    if (id === undefined) throw xUnauthorized();
    return { status: 200, json: { data: { id, name: 'Emulated account', username: `user${id}` } } };
  }

  /** Planned failure, else record the send and build its success answer. */
  private apply(send: AcceptedSend): Answer {
    const failure = this.failures.take(send.message.platform);
    if (failure) throw platformFailure(send.message.platform, failure, this.xResetSeconds);
    const messageId = send.newId();
    this.sent.push({ ...send.message, messageId, at: Date.now() });
    return send.answer(messageId);
  }

  /** POST /{version}/{node}/messages: WhatsApp when the body is a Cloud API body, else Messenger or Instagram. */
  private graphSend(
    node: string,
    headers: Record<string, string>,
    query: URLSearchParams,
    parsed: ParsedBody,
  ): AcceptedSend {
    // The token (header, `access_token` query parameter, or form field) is checked first, as Graph does.
    const token = bearerToken(headers) ?? query.get('access_token') ?? formToken(parsed);
    const from = node === 'me' ? this.accounts.accountOf(token) : node;
    if (from === undefined || !this.accounts.isAllowed(from, token)) throw invalidAccessToken();
    const accessToken = token as string;
    if (parsed.kind === 'invalid') throw unparsableGraphBody();
    const body = parsed.value;

    if (node !== 'me' && looksLikeWhatsApp(body)) {
      const { to, text } = validateWhatsAppText(body);
      return {
        message: { platform: 'whatsapp', from, to, text, accessToken, body },
        newId: whatsappMessageId,
        answer: (id) => ({ status: 200, json: whatsAppAccepted(to, id) }),
      };
    }
    const platform = this.accounts.isInstagram(from) ? 'instagram' : 'messenger';
    const { recipientId, text } = validatePageText(body, platform);
    return {
      message: { platform, from, to: recipientId, text, accessToken, body },
      newId: pageMessageId,
      answer: (id) => ({ status: 200, json: pageAccepted(recipientId, id) }),
    };
  }

  /** POST /2/dm_conversations/with/{participant_id}/messages with an OAuth 2 user token. */
  private xSend(participantId: string, headers: Record<string, string>, parsed: ParsedBody): AcceptedSend {
    const token = bearerToken(headers);
    const from = this.accounts.xUserOf(token);
    if (from === undefined) throw xUnauthorized();
    if (parsed.kind !== 'json') throw xInvalidRequest('The request body must be JSON.');
    const body = parsed.value;
    const text = validateXDirectMessage(participantId, body);
    const conversationId = oneToOneConversationId(from, participantId);
    return {
      message: { platform: 'x', from, to: participantId, text, accessToken: token as string, body },
      newId: () => snowflakeId(),
      answer: (id) => ({ status: 201, json: xDirectMessageCreated(conversationId, id) }),
    };
  }
}

function formToken(parsed: ParsedBody): string | undefined {
  const token = parsed.kind === 'form' ? parsed.value['access_token'] : undefined;
  return typeof token === 'string' && token !== '' ? token : undefined;
}
