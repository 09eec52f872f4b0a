import { settingsOf, type ChannelAdapter } from '../../channel-adapter.js';
import { graphOwns } from '../meta/graph-ownership.js';
import { GraphSender, SEND_API_FORMAT } from '../meta/graph-sender.js';
import { GraphSubscriptions } from '../meta/graph-subscriptions.js';
import { META_SETTINGS, SEND_API_SETTINGS } from '../meta/meta-settings.js';
import { metaWebhookDoor } from '../meta/meta-webhook.js';
import { FacebookCredentialsDto } from './messenger-credentials.js';

const SETTINGS = { ...META_SETTINGS, ...SEND_API_SETTINGS };

/** Facebook Messenger: a Page, on Meta's Graph API and Send API. */
export const messengerAdapter = {
  channel: 'facebook',
  displayName: 'Messenger',
  elizaPlugin: '@elizaos/plugin-facebook',
  settings: SETTINGS,
  credentials: {
    dto: FacebookCredentialsDto,
    required: ['page_id', 'access_token'],
    secretField: 'access_token',
    accountIdOf: (credentials) => credentials.page_id,
    tokenOf: (credentials) => credentials.access_token,
    subscriptionAccountOf: (_credentials, accountId) => accountId,
    movesSubscription: () => false,
  },
  webhook: metaWebhookDoor,
  replyWindowMs: 24 * 3600_000,
  sendLimit: (env) => ({
    bucket: 'meta',
    points: settingsOf(SETTINGS, env).MESSENGER_SENDS_PER_SECOND,
    durationSeconds: 1,
  }),
  sender: (env, { timeoutMs }) => new GraphSender(settingsOf(META_SETTINGS, env), timeoutMs, SEND_API_FORMAT),
  subscriptions: (env, { timeoutMs }) =>
    new GraphSubscriptions(settingsOf(META_SETTINGS, env), timeoutMs, 'messages,messaging_postbacks'),
  ownership: (env, { timeoutMs }) => {
    const settings = settingsOf(META_SETTINGS, env);
    // A Page token's `me` is the Page itself, not a user or another Page.
    return {
      prove: (credentials) => graphOwns(settings, timeoutMs, credentials.access_token, credentials.page_id, 'me'),
    };
  },
} satisfies ChannelAdapter<FacebookCredentialsDto>;
