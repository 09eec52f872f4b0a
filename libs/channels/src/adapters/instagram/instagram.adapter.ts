import { settingsOf, type ChannelAdapter } from '../../channel-adapter.js';
import { graphOwns } from '../meta/graph-ownership.js';
import { GraphSender, SEND_API_FORMAT } from '../meta/graph-sender.js';
import { GraphSubscriptions } from '../meta/graph-subscriptions.js';
import { META_SETTINGS, SEND_API_SETTINGS } from '../meta/meta-settings.js';
import { metaWebhookDoor } from '../meta/meta-webhook.js';
import { InstagramCredentialsDto } from './instagram-credentials.js';

const SETTINGS = { ...META_SETTINGS, ...SEND_API_SETTINGS };

/** Instagram messaging: a professional account, on Meta's Graph API and Send API (its budget shared with Messenger). */
export const instagramAdapter = {
  channel: 'instagram',
  displayName: 'Instagram',
  elizaPlugin: '@elizaos/plugin-instagram',
  settings: SETTINGS,
  credentials: {
    dto: InstagramCredentialsDto,
    required: ['account_id', 'access_token'],
    secretField: 'access_token',
    accountIdOf: (credentials) => credentials.account_id,
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
  subscriptions: (env, { timeoutMs }) => new GraphSubscriptions(settingsOf(META_SETTINGS, env), timeoutMs, 'messages'),
  ownership: (env, { timeoutMs }) => {
    const settings = settingsOf(META_SETTINGS, env);
    return { prove: (credentials) => graphOwns(settings, timeoutMs, credentials.access_token, credentials.account_id) };
  },
} satisfies ChannelAdapter<InstagramCredentialsDto>;
