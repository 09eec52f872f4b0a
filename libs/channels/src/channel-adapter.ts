import type { ParsedWebhook, SocialChannel } from '@voca/contracts';
import { z } from 'zod';
import type { PlatformSender } from './outbound/platform-sender.js';
import type { OwnershipProver } from './ownership/account-ownership.js';
import type { PlatformSubscriptionClient } from './subscriptions/platform-subscriptions.js';

/**
 * What one messaging channel is, in one place: a platform's adapter. The gateway's webhook routes, the senders, the
 * subscriber, the ownership check, the credential validation, the settings and the character's plugin list all read
 * the registry of adapters (registry.ts); nothing else in the engine names a messaging platform.
 */
export interface ChannelAdapter<C extends object = object> {
  readonly channel: SocialChannel;
  /** How people call the channel ("I see you wrote to us on WhatsApp"). */
  readonly displayName: string;
  /** The ElizaOS platform plugin recorded in the character (a record of where the agent lives, not loaded code). */
  readonly elizaPlugin: string;
  /** The environment variables the adapter reads, declared once here; every app that uses channels reads them. */
  readonly settings: z.ZodRawShape;
  readonly credentials: CredentialSchema<C>;
  /**
   * Who points an account's webhook at the engine: `either` the business (in the platform's dashboard) or the engine
   * (PLATFORM_SUBSCRIPTIONS=live); only `engine` when the webhook's secret is the engine's (Telegram's secret_token),
   * so without subscriptions the channel waits for configuration.
   */
  readonly webhookSetBy: 'either' | 'engine';
  /** The webhook the platform delivers the channel's messages to (Meta's one door serves three channels). */
  webhook(env: ChannelEnv, secrets: EngineSecrets): WebhookDoor;
  /** The longest a business may wait after the customer's last message before a free-form reply is refused. */
  readonly replyWindowMs: number | undefined;
  /** The platform's send limit per business account, counted across replicas. */
  sendLimit(env: ChannelEnv): SendLimit;
  sender(env: ChannelEnv, options: CallOptions): PlatformSender;
  subscriptions(env: ChannelEnv, options: SubscriptionOptions): PlatformSubscriptionClient;
  ownership(env: ChannelEnv, options: CallOptions): OwnershipProver<C>;
}

/** An app's validated environment; each adapter reads its own settings from it. */
export type ChannelEnv = Readonly<Record<string, unknown>>;

export interface CallOptions {
  /** How long one call to the platform may take. */
  timeoutMs: number;
}

/**
 * What the engine derives for the adapters from its own WEBHOOK_SECRET, so that a platform needing a secret of the
 * engine's choosing (Telegram's webhook `secret_token`) adds no setting: the gateway checks what the elizaos-worker
 * gave the platform.
 */
export interface EngineSecrets {
  /** The token of one account's webhook; undefined when WEBHOOK_SECRET is not set. */
  accountWebhookToken(channel: SocialChannel, accountId: string): string | undefined;
}

export interface SubscriptionOptions extends CallOptions {
  secrets: EngineSecrets;
  /** Where the engine receives an account's webhooks: the public base URL and the door's route for the account. */
  webhookUrlOf(accountId: string): string;
}

/** The credentials a business gives for a channel: the API's shape and how the engine reads them. */
export interface CredentialSchema<C extends object> {
  /** The class the API validates them with (class-validator) and documents (OpenAPI). */
  readonly dto: new () => C;
  /** What they must give (field names) before the channel can receive and answer messages. */
  readonly required: readonly string[];
  /** The field that holds the secret, which is stored encrypted and never returned. */
  readonly secretField: string;
  /** The platform's business-side id the channel's webhooks name: what routes an inbound message to the agent. */
  accountIdOf(credentials: C): string | undefined;
  /** The secret the platform is called with. */
  tokenOf(credentials: C): string | undefined;
  /**
   * The node the app's webhooks are subscribed on, when it is not the account itself (a WhatsApp number's Business
   * Account); `{note}` when the credentials cannot say, for the operator.
   */
  subscriptionAccountOf(credentials: C, accountId: string): string | { note: string };
  /**
   * Whether new credentials name another platform account than the stored ones, beyond the routing id (a WhatsApp
   * number's Business Account): the webhook subscription has to follow.
   */
  movesSubscription(before: C, after: C): boolean;
}

/** A send budget: `points` sends per `durationSeconds` per account; adapters sharing a `bucket` share the budget. */
export interface SendLimit {
  bucket: string;
  points: number;
  durationSeconds: number;
}

/** One webhook request as the door sees it: the bytes as received, its headers, and the route's parameters. */
export interface WebhookRequest {
  rawBody: Buffer;
  header(name: string): string | undefined;
  /** Path parameters of the door's route (`:account` for a door per account). */
  params: Readonly<Record<string, string | undefined>>;
}

/** Why a door refused a request before reading it; the gateway answers 401, 503 or 400. */
export type DoorRefusal = { kind: 'unauthorized' | 'not_configured' | 'malformed'; message: string; field?: string };

/** What a handshake (a platform's GET to check the webhook is ours) answers. */
export type HandshakeAnswer =
  | { kind: 'answer'; contentType: 'text/plain' | 'application/json'; body: string | object }
  | DoorRefusal
  | { kind: 'forbidden'; message: string };

/**
 * A platform's webhook: where it is, how a delivery is authenticated (before anything is parsed), the platform's
 * handshake if it has one, and the parser of its deliveries. Doors are told apart by `name`; adapters sharing one
 * return the same name and path.
 */
export interface WebhookDoor {
  /** The metrics' and logs' label (`meta`, `x`, `telegram`). */
  readonly name: string;
  /** The route under `/api/v1/webhooks/` (`meta`, `twitter`, `telegram/:account`). */
  readonly path: string;
  authenticate(request: WebhookRequest): DoorRefusal | undefined;
  parse(body: unknown, request: WebhookRequest): ParsedWebhook;
  readonly handshake?: {
    answer(query: Readonly<Record<string, unknown>>): HandshakeAnswer;
    /** Per client address per minute, when answering could help a forger (X's CRC is an HMAC oracle otherwise). */
    readonly limitPerMinute?: number;
  };
  readonly docs: WebhookDoorDocs;
}

/** The OpenAPI description of a door, as plain data the gateway renders. */
export interface WebhookDoorDocs {
  /** What a delivery is, and how it is signed. */
  summary: string;
  /** A delivery as the platform documents it, and what it is. */
  body: { example: object; description: string };
  /** The 400's description: a payload that is not the platform's. */
  malformed: string;
  /** The header that authenticates deliveries. */
  signature: { header: string; example: string; description: string };
  /** The setting without which the door answers 503. */
  setting: string;
  pathParameters?: { name: string; example: string; description: string }[];
  handshake?: {
    summary: string;
    query: { name: string; example: string; description?: string }[];
    answer: { contentType: 'text/plain' | 'application/json'; example: string | object; description?: string };
    /** The handshake's refusals, by status. */
    errors: { status: number; description: string }[];
  };
}

/**
 * An adapter's own settings from an app's environment, read by the adapter's declaration (the app's schema holds the
 * same declaration, so this only picks them out, typed).
 */
export function settingsOf<S extends z.ZodRawShape>(shape: S, env: ChannelEnv): z.infer<z.ZodObject<S>> {
  const picked = Object.fromEntries(Object.keys(shape).map((key) => [key, env[key]]));
  return z.object(shape).parse(picked);
}
