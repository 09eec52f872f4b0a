import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stateful local emulator of the Telegram Bot API (core.telegram.org/bots/api), for tests: `POST|GET
 * {url}/bot<token>/<method>` with JSON, form or query parameters, answering `{ok, result}` or `{ok: false, error_code,
 * description, parameters?}` as Telegram does. It holds bots and their webhooks (setWebhook, deleteWebhook,
 * getWebhookInfo), checks tokens (getMe), records sendMessage, and plays Telegram's side of a chat: `customerWrites`
 * posts an Update to the bot's webhook with its secret token, as Telegram delivers them.
 */

export interface Bot {
  id: number;
  token: string;
  username: string;
  webhook?: { url: string; secretToken?: string; allowedUpdates?: string[] };
}

export interface SentTelegramMessage {
  botId: number;
  chatId: number;
  messageId: number;
  text: string;
}

export interface CustomerMessage {
  chatId: number;
  firstName?: string;
  lastName?: string;
  text?: string;
  caption?: string;
  /** File ids of one photo's sizes, smallest first. */
  photo?: string[];
  voice?: { fileId: string; duration: number };
}

interface Failure {
  status: number;
  description: string;
  retryAfter?: number;
}

/** Telegram's limit on a text message, in characters. */
const MAX_TEXT = 4096;
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

export class TelegramEmulator {
  readonly url: string;
  readonly sent: SentTelegramMessage[] = [];
  /** Every call, by method (lower case), in order. */
  readonly calls: { botId: number | undefined; method: string; params: Record<string, unknown> }[] = [];
  private readonly bots = new Map<string, Bot>();
  /** Private chats by bot and customer (a customer's chat id is the same with every bot). */
  private readonly chats = new Map<string, { blocked: boolean }>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly messageIds = new Map<string, number>();
  private readonly forwards = new Map<string, string>();
  private nextUpdateId = 900_000_000;

  private constructor(
    private readonly server: Server,
    port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(): Promise<TelegramEmulator> {
    const holder: { emulator?: TelegramEmulator } = {};
    const server = createServer((req, res) => void holder.emulator!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.emulator = new TelegramEmulator(server, (server.address() as AddressInfo).port);
    return holder.emulator;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A bot as @BotFather makes one: `<id>:<35 characters>`. */
  addBot(id: number = 7_000_000_000 + Math.floor(Math.random() * 999_999_999)): Bot {
    const token = `${id}:AAH${Math.random().toString(36).slice(2).padEnd(16, 'x')}${'q'.repeat(16)}`;
    const bot: Bot = { id, token, username: `shop_${id}_bot` };
    this.bots.set(token, bot);
    return bot;
  }

  /** Revokes a bot's token (@BotFather /revoke): calls with it answer 401. */
  revoke(bot: Bot): void {
    this.bots.delete(bot.token);
  }

  webhookOf(bot: Bot): Bot['webhook'] {
    return bot.webhook;
  }

  /** The next calls of `method` fail with this answer (in order, one each). */
  failNext(method: string, ...failures: Failure[]): void {
    const queue = this.failures.get(method.toLowerCase()) ?? [];
    queue.push(...failures);
    this.failures.set(method.toLowerCase(), queue);
  }

  /** The customer blocks the bot: sends to their chat answer 403. */
  block(chatId: number): void {
    for (const [key, chat] of this.chats) if (key.endsWith(`:${chatId}`)) chat.blocked = true;
  }

  sentTo(chatId: number): SentTelegramMessage[] {
    return this.sent.filter((message) => message.chatId === chatId);
  }

  /** A customer opens a private chat with the bot (presses Start): the bot may write to it from then on. */
  openChat(bot: Bot, chatId: number): void {
    const key = `${bot.id}:${chatId}`;
    if (!this.chats.has(key)) this.chats.set(key, { blocked: false });
  }

  /**
   * Deliveries to a webhook URL under `publicOrigin` go to `target` instead: the reverse proxy that gives a test's
   * engine the HTTPS address Telegram requires.
   */
  forward(publicOrigin: string, target: string): void {
    this.forwards.set(new URL(publicOrigin).origin, new URL(target).origin);
  }

  /** A customer writes to the bot in their private chat: the Update Telegram would deliver, and its delivery. */
  async customerWrites(bot: Bot, message: CustomerMessage): Promise<{ status: number; update: object }> {
    this.openChat(bot, message.chatId);
    const user = {
      id: message.chatId,
      is_bot: false,
      first_name: message.firstName ?? 'Amara',
      ...(message.lastName ? { last_name: message.lastName } : {}),
      language_code: 'en',
    };
    const update = {
      update_id: this.nextUpdateId++,
      message: {
        message_id: this.nextMessageId(bot.id, message.chatId),
        from: user,
        chat: { id: message.chatId, first_name: user.first_name, type: 'private' },
        date: Math.floor(Date.now() / 1000),
        ...(message.text !== undefined ? { text: message.text } : {}),
        ...(message.caption !== undefined ? { caption: message.caption } : {}),
        ...(message.photo
          ? {
              photo: message.photo.map((fileId, i) => ({
                file_id: fileId,
                file_unique_id: `u${fileId}`,
                width: 90 * (i + 1) * 4,
                height: 60 * (i + 1) * 4,
                file_size: 1_500 * (i + 1) ** 3,
              })),
            }
          : {}),
        ...(message.voice
          ? {
              voice: {
                file_id: message.voice.fileId,
                file_unique_id: `u${message.voice.fileId}`,
                duration: message.voice.duration,
                mime_type: 'audio/ogg',
                file_size: 9_000,
              },
            }
          : {}),
      },
    };
    return { status: await this.deliver(bot, update), update };
  }

  /**
   * Delivers an update to the bot's webhook as Telegram does (JSON POST, the secret token header when set); a test
   * may send another token, or none (`null`).
   */
  async deliver(
    bot: Bot,
    update: object,
    secretToken: string | null | undefined = bot.webhook?.secretToken,
  ): Promise<number> {
    if (!bot.webhook) throw new Error(`bot ${bot.id} has no webhook`);
    const url = new URL(bot.webhook.url);
    const target = this.forwards.get(url.origin);
    const response = await fetch(target ? `${target}${url.pathname}${url.search}` : url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(typeof secretToken === 'string' ? { 'x-telegram-bot-api-secret-token': secretToken } : {}),
      },
      body: JSON.stringify(update),
    });
    await response.arrayBuffer();
    return response.status;
  }

  private nextMessageId(botId: number, chatId: number): number {
    const key = `${botId}:${chatId}`;
    const id = (this.messageIds.get(key) ?? 0) + 1;
    this.messageIds.set(key, id);
    return id;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return this.answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, name] = match;
    const method = name!.toLowerCase();
    const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const raw = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => resolve(text));
    });
    if (raw !== '') {
      const type = req.headers['content-type'] ?? '';
      if (type.startsWith('application/json')) {
        try {
          Object.assign(params, JSON.parse(raw));
        } catch {
          return this.error(res, 400, "Bad Request: can't parse JSON object");
        }
      } else Object.assign(params, Object.fromEntries(new URLSearchParams(raw)));
    }
    const bot = this.bots.get(decodeURIComponent(token!));
    this.calls.push({ botId: bot?.id, method, params });
    if (!bot) return this.error(res, 401, 'Unauthorized');
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      return this.answer(res, failure.status, {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
      });
    }
    switch (method) {
      case 'getme':
        return this.ok(res, {
          id: bot.id,
          is_bot: true,
          first_name: 'Shop',
          username: bot.username,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case 'setwebhook':
        return this.setWebhook(res, bot, params);
      case 'deletewebhook':
        bot.webhook = undefined;
        return this.ok(res, true, 'Webhook was deleted');
      case 'getwebhookinfo':
        return this.ok(res, {
          url: bot.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: 0,
          ...(bot.webhook?.allowedUpdates ? { allowed_updates: bot.webhook.allowedUpdates } : {}),
        });
      case 'sendmessage':
        return this.sendMessage(res, bot, params);
      default:
        return this.error(res, 404, 'Not Found: method not found');
    }
  }

  private setWebhook(res: ServerResponse, bot: Bot, params: Record<string, unknown>): void {
    const url = params.url;
    if (typeof url !== 'string') return this.error(res, 400, 'Bad Request: bad webhook: URL must be a string');
    if (url === '') {
      bot.webhook = undefined;
      return this.ok(res, true, 'Webhook was deleted');
    }
    const secret = params.secret_token;
    if (secret !== undefined && (typeof secret !== 'string' || !SECRET_TOKEN.test(secret))) {
      return this.error(res, 400, 'Bad Request: secret token contains unallowed characters');
    }
    const allowed = params.allowed_updates;
    bot.webhook = {
      url,
      ...(typeof secret === 'string' ? { secretToken: secret } : {}),
      ...(Array.isArray(allowed) ? { allowedUpdates: allowed as string[] } : {}),
    };
    this.ok(res, true, 'Webhook was set');
  }

  private sendMessage(res: ServerResponse, bot: Bot, params: Record<string, unknown>): void {
    const chatId = Number(params.chat_id);
    if (params.chat_id === undefined || params.chat_id === '')
      return this.error(res, 400, 'Bad Request: chat_id is empty');
    const text = params.text;
    if (typeof text !== 'string' || text.trim() === '')
      return this.error(res, 400, 'Bad Request: message text is empty');
    if ([...text].length > MAX_TEXT) return this.error(res, 400, 'Bad Request: message is too long');
    const chat = this.chats.get(`${bot.id}:${chatId}`);
    if (!chat) return this.error(res, 400, 'Bad Request: chat not found');
    if (chat.blocked) return this.error(res, 403, 'Forbidden: bot was blocked by the user');
    const messageId = this.nextMessageId(bot.id, chatId);
    this.sent.push({ botId: bot.id, chatId, messageId, text });
    this.ok(res, {
      message_id: messageId,
      from: { id: bot.id, is_bot: true, first_name: 'Shop', username: bot.username },
      chat: { id: chatId, type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text,
    });
  }

  private ok(res: ServerResponse, result: unknown, description?: string): void {
    this.answer(res, 200, { ok: true, result, ...(description ? { description } : {}) });
  }

  private error(res: ServerResponse, status: number, description: string): void {
    this.answer(res, status, { ok: false, error_code: status, description });
  }

  private answer(res: ServerResponse, status: number, body: object): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
