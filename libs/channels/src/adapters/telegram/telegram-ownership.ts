import { flagAt, textAt } from '../../platform-call.js';
import { refusal, type Ownership, type OwnershipProver } from '../../ownership/account-ownership.js';
import { botIdOf, type TelegramCredentialsDto } from './telegram-credentials.js';
import { callBot, telegramReason } from './telegram-api.js';
import type { TelegramSettings } from './telegram-settings.js';

/** A bot: `getMe` with its token answers the bot itself, whose id the token starts with. */
export class TelegramOwnership implements OwnershipProver<TelegramCredentialsDto> {
  constructor(
    private readonly settings: TelegramSettings,
    private readonly timeoutMs: number,
  ) {}

  async prove(credentials: TelegramCredentialsDto): Promise<Ownership> {
    const botId = botIdOf(credentials.bot_token);
    if (!botId) return { kind: 'not_owned', reason: 'not a bot token' };
    const answer = await callBot(this.settings, credentials.bot_token, 'getMe', {}, this.timeoutMs);
    if (answer.kind === 'unreachable') return { kind: 'unknown', reason: answer.reason };
    const { status, body } = answer;
    const id = textAt(body, 'result', 'id');
    if (status === 200 && id === botId && flagAt(body, 'result', 'is_bot')) return { kind: 'owned' };
    if (status === 200)
      return { kind: 'not_owned', reason: `the token belongs to ${id ?? 'another account'}, not bot ${botId}` };
    return refusal(answer, telegramReason(status, body));
  }
}
