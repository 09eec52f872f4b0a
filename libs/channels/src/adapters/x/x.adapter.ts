import { settingsOf, type ChannelAdapter } from '../../channel-adapter.js';
import { accountCredentials } from '../../credential-schema.js';
import { TwitterCredentialsDto } from './x-credentials.js';
import { XOwnership } from './x-ownership.js';
import { XSender } from './x-sender.js';
import { X_SETTINGS } from './x-settings.js';
import { XSubscriptions } from './x-subscriptions.js';
import { xWebhookDoor } from './x-webhook.js';

/** X direct messages: the business's X account, on the X API v2 and Account Activity webhooks. */
export const xAdapter = {
  channel: 'twitter',
  displayName: 'X',
  elizaPlugin: '@elizaos/plugin-twitter',
  settings: X_SETTINGS,
  credentials: accountCredentials({
    dto: TwitterCredentialsDto,
    required: ['user_id', 'access_token'],
    secretField: 'access_token',
    accountIdOf: (credentials) => credentials.user_id,
    tokenOf: (credentials) => credentials.access_token,
  }),
  webhookSetBy: 'either',
  webhook: xWebhookDoor,
  // X sets no window on answering a direct message.
  replyWindowMs: undefined,
  sendLimit: (env) => ({
    bucket: 'x',
    points: settingsOf(X_SETTINGS, env).X_DMS_PER_15_MINUTES,
    durationSeconds: 15 * 60,
  }),
  sender: (env, { timeoutMs }) => new XSender(settingsOf(X_SETTINGS, env), timeoutMs),
  subscriptions: (env, { timeoutMs }) => new XSubscriptions(settingsOf(X_SETTINGS, env), timeoutMs),
  ownership: (env, { timeoutMs }) => new XOwnership(settingsOf(X_SETTINGS, env), timeoutMs),
} satisfies ChannelAdapter<TwitterCredentialsDto>;
