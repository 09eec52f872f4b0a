import { isTransient } from '../../platform-call.js';
import type {
  PlatformSubscriptionClient,
  SubscriptionOutcome,
  SubscriptionTarget,
} from '../../subscriptions/platform-subscriptions.js';
import { botSucceeded, callBot, telegramReason } from './telegram-api.js';
import type { EngineSecrets } from '../../channel-adapter.js';
import type { TelegramSettings } from './telegram-settings.js';

/**
 * A bot's webhook: `setWebhook` points the bot at the engine's route for it, with the secret token Telegram echoes on
 * every update; `deleteWebhook` undoes it. Both are idempotent. Only `message` updates are asked for.
 */
export class TelegramSubscriptions implements PlatformSubscriptionClient {
  constructor(
    private readonly settings: TelegramSettings,
    private readonly timeoutMs: number,
    /** The engine's address and the bot's route under it. */
    private readonly webhookUrlOf: (botId: string) => string,
    private readonly secrets: EngineSecrets,
  ) {}

  subscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome> {
    // 64 hex characters: within Telegram's alphabet for secret_token (A-Z a-z 0-9 _ -, 1 to 256).
    const token = this.secrets.accountWebhookToken('telegram', target.accountId);
    if (!token) return Promise.resolve({ kind: 'skipped', reason: 'WEBHOOK_SECRET is not set' });
    return this.call(target, 'setWebhook', {
      url: this.webhookUrlOf(target.accountId),
      secret_token: token,
      allowed_updates: ['message'],
    });
  }

  unsubscribe(target: SubscriptionTarget): Promise<SubscriptionOutcome> {
    return this.call(target, 'deleteWebhook', {});
  }

  private async call(target: SubscriptionTarget, method: string, body: object): Promise<SubscriptionOutcome> {
    const answer = await callBot(this.settings, target.accessToken, method, body, this.timeoutMs);
    if (answer.kind === 'unreachable') return { kind: 'retry', reason: answer.reason };
    if (botSucceeded(answer)) return { kind: 'done' };
    const reason = telegramReason(answer.status, answer.body);
    return isTransient(answer) ? { kind: 'retry', reason } : { kind: 'rejected', reason };
  }
}
