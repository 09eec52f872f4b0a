import { settingsOf, type ChannelAdapter } from '../../channel-adapter.js';
import { accountCredentials } from '../../credential-schema.js';
import { botIdOf, TelegramCredentialsDto } from './telegram-credentials.js';
import { TelegramOwnership } from './telegram-ownership.js';
import { TelegramSender } from './telegram-sender.js';
import { TELEGRAM_SETTINGS } from './telegram-settings.js';
import { TelegramSubscriptions } from './telegram-subscriptions.js';
import { telegramWebhookDoor } from './telegram-webhook.js';

/** Telegram: a bot of the business's, on the Bot API, answering its private chats. */
export const telegramAdapter = {
  channel: 'telegram',
  displayName: 'Telegram',
  elizaPlugin: '@elizaos/plugin-telegram',
  settings: TELEGRAM_SETTINGS,
  credentials: accountCredentials({
    dto: TelegramCredentialsDto,
    required: ['bot_token'],
    secretField: 'bot_token',
    accountIdOf: (credentials) => botIdOf(credentials.bot_token),
    tokenOf: (credentials) => credentials.bot_token,
  }),
  // The bot's secret_token is the engine's: only the engine can point the bot at its route.
  webhookSetBy: 'engine',
  webhook: telegramWebhookDoor,
  // A bot may answer a private chat at any time.
  replyWindowMs: undefined,
  sendLimit: (env) => ({
    bucket: 'telegram',
    points: settingsOf(TELEGRAM_SETTINGS, env).TELEGRAM_SENDS_PER_SECOND,
    durationSeconds: 1,
  }),
  sender: (env, { timeoutMs }) => new TelegramSender(settingsOf(TELEGRAM_SETTINGS, env), timeoutMs),
  subscriptions: (env, { timeoutMs, webhookUrlOf, secrets }) =>
    new TelegramSubscriptions(settingsOf(TELEGRAM_SETTINGS, env), timeoutMs, webhookUrlOf, secrets),
  ownership: (env, { timeoutMs }) => new TelegramOwnership(settingsOf(TELEGRAM_SETTINGS, env), timeoutMs),
} satisfies ChannelAdapter<TelegramCredentialsDto>;
