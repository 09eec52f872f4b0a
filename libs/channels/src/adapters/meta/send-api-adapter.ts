import { settingsOf, type ChannelAdapter } from '../../channel-adapter.js';
import { accountCredentials } from '../../credential-schema.js';
import { graphOwns } from './graph-ownership.js';
import { GraphSender, SEND_API_FORMAT } from './graph-sender.js';
import { GraphSubscriptions } from './graph-subscriptions.js';
import { META_SETTINGS, SEND_API_SETTINGS } from './meta-settings.js';
import { metaWebhookDoor } from './meta-webhook.js';

const SETTINGS = { ...META_SETTINGS, ...SEND_API_SETTINGS };

/** What sets one Send API channel (Messenger, Instagram) apart from the other. */
export interface SendApiChannel<C extends { access_token: string }> {
  channel: 'facebook' | 'instagram';
  displayName: string;
  elizaPlugin: string;
  dto: new () => C;
  /** The field naming the account (Page id, Instagram account id), which routes its messages. */
  accountField: keyof C & string;
  /** The webhook fields its account is subscribed to. */
  subscribedFields: string;
  /** The node a token must read to own the account, when not the account itself (a Page token's `me`). */
  ownershipNode?: string;
}

/**
 * A channel on Meta's Send API: the Meta webhook, the Graph sender in the Send API's format, a budget shared with the
 * other Send API channel, the 24-hour window.
 */
export function sendApiAdapter<C extends { access_token: string }>(spec: SendApiChannel<C>) {
  const accountOf = (credentials: C) => credentials[spec.accountField] as unknown as string;
  return {
    channel: spec.channel,
    displayName: spec.displayName,
    elizaPlugin: spec.elizaPlugin,
    settings: SETTINGS,
    credentials: accountCredentials<C>({
      dto: spec.dto,
      required: [spec.accountField, 'access_token'],
      secretField: 'access_token',
      accountIdOf: accountOf,
      tokenOf: (credentials) => credentials.access_token,
    }),
    webhookSetBy: 'either',
    webhook: metaWebhookDoor,
    replyWindowMs: 24 * 3600_000,
    sendLimit: (env) => ({
      bucket: 'meta',
      points: settingsOf(SETTINGS, env).MESSENGER_SENDS_PER_SECOND,
      durationSeconds: 1,
    }),
    sender: (env, { timeoutMs }) => new GraphSender(settingsOf(META_SETTINGS, env), timeoutMs, SEND_API_FORMAT),
    subscriptions: (env, { timeoutMs }) =>
      new GraphSubscriptions(settingsOf(META_SETTINGS, env), timeoutMs, spec.subscribedFields),
    ownership: (env, { timeoutMs }) => {
      const settings = settingsOf(META_SETTINGS, env);
      return {
        prove: (credentials) =>
          graphOwns(settings, timeoutMs, credentials.access_token, accountOf(credentials), spec.ownershipNode),
      };
    },
  } satisfies ChannelAdapter<C>;
}
