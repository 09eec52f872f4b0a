import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SocialEmulator, type SocialFailure, type SocialPlatform } from '../emulators/social/index.js';

/**
 * Tests of the social emulator through plain `fetch`, the way the engine's senders call the Meta Graph API
 * (WhatsApp Cloud API, Messenger / Instagram Send API) and the X API v2 DM endpoint.
 */
describe('Social emulator (Meta Graph send API and X DM API over fetch)', () => {
  const VERSION = 'v21.0';
  let social: SocialEmulator;

  beforeAll(async () => {
    social = await SocialEmulator.start({ graphVersion: VERSION });
  });

  afterEach(() => social.reset());

  afterAll(async () => {
    await social.stop();
  });

  /** Ids and tokens no other test uses. */
  function unique(prefix: string): string {
    return `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  }
  function numericId(): string {
    return String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999));
  }

  function whatsappAccount(): { phoneNumberId: string; token: string } {
    const phoneNumberId = numericId();
    const token = unique('EAAwa');
    social.allowToken(phoneNumberId, token);
    return { phoneNumberId, token };
  }
  function page(): { pageId: string; token: string } {
    const pageId = numericId();
    const token = unique('EAApage');
    social.allowToken(pageId, token);
    return { pageId, token };
  }
  function instagramAccount(): { igId: string; token: string } {
    const igId = `1784${numericId()}`;
    const token = unique('EAAig');
    social.registerInstagramAccount(igId);
    social.allowToken(igId, token);
    return { igId, token };
  }
  function xUser(): { userId: string; token: string } {
    const userId = numericId();
    const token = unique('x-user-');
    social.allowXUser(userId, token);
    return { userId, token };
  }

  async function post(
    path: string,
    body: unknown,
    token?: string,
    init: RequestInit = {},
  ): Promise<{ status: number; headers: Headers; json: any }> {
    const response = await fetch(`${social.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      ...init,
    });
    return { status: response.status, headers: response.headers, json: await response.json() };
  }

  function whatsappText(to: string, body = 'Your order ships today.'): Record<string, unknown> {
    return {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { preview_url: false, body },
    };
  }
  function pageText(recipientId: string, text = 'We open at nine.'): Record<string, unknown> {
    return { recipient: { id: recipientId }, messaging_type: 'RESPONSE', message: { text } };
  }

  /** Sends one valid message on a platform (fresh accounts); what failNext / holdNext tests drive. */
  async function sendOn(platform: SocialPlatform, init: RequestInit = {}) {
    switch (platform) {
      case 'whatsapp': {
        const { phoneNumberId, token } = whatsappAccount();
        return post(`/${VERSION}/${phoneNumberId}/messages`, whatsappText('+1 555 0100'), token, init);
      }
      case 'messenger': {
        const { pageId, token } = page();
        return post(`/${VERSION}/${pageId}/messages`, pageText(numericId()), token, init);
      }
      case 'instagram': {
        const { igId, token } = instagramAccount();
        return post(`/${VERSION}/${igId}/messages`, pageText(numericId()), token, init);
      }
      case 'x': {
        const { token } = xUser();
        return post(`/2/dm_conversations/with/${numericId()}/messages`, { text: 'Hello from support' }, token, init);
      }
    }
  }

  describe('WhatsApp Cloud API', () => {
    it('accepts a text message, answers contacts and a wamid, and records what was sent', async () => {
      const { phoneNumberId, token } = whatsappAccount();
      const body = whatsappText('+1 (555) 123-4567', 'Hello from Bella Pizza');

      const { status, json } = await post(`/${VERSION}/${phoneNumberId}/messages`, body, token);

      expect(status).toBe(200);
      expect(json).toEqual({
        messaging_product: 'whatsapp',
        contacts: [{ input: '+1 (555) 123-4567', wa_id: '15551234567' }],
        messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/=]+$/) }],
      });
      expect(social.sent).toHaveLength(1);
      expect(social.sent[0]).toEqual({
        platform: 'whatsapp',
        from: phoneNumberId,
        to: '+1 (555) 123-4567',
        text: 'Hello from Bella Pizza',
        messageId: json.messages[0].id,
        accessToken: token,
        body,
        at: expect.any(Number),
      });
      expect(social.requests).toEqual([
        { method: 'POST', path: `/${VERSION}/${phoneNumberId}/messages`, status: 200, at: expect.any(Number) },
      ]);
      expect(social.sentTo('+1 (555) 123-4567')).toHaveLength(1);
    });

    it('defaults type to text and accepts the minimal body', async () => {
      const { phoneNumberId, token } = whatsappAccount();
      const { status } = await post(
        `/${VERSION}/${phoneNumberId}/messages`,
        { messaging_product: 'whatsapp', to: '15550001111', text: { body: 'Hi' } },
        token,
      );
      expect(status).toBe(200);
      expect(social.sent[0]?.text).toBe('Hi');
    });

    it.each([
      [
        'no messaging_product',
        { to: '15550001111', type: 'text', text: { body: 'x' } },
        'The parameter messaging_product is required.',
      ],
      [
        'a wrong messaging_product',
        { messaging_product: 'sms', to: '15550001111', text: { body: 'x' } },
        "Param messaging_product must be 'whatsapp'.",
      ],
      ['no to', { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, 'The parameter to is required.'],
      [
        'a non-text type',
        { messaging_product: 'whatsapp', to: '15550001111', type: 'image', image: { id: '1' } },
        /not emulated/,
      ],
      [
        'no text',
        { messaging_product: 'whatsapp', to: '15550001111', type: 'text' },
        'The parameter text is required.',
      ],
      ['an empty body', whatsappText('15550001111', '   '), "Param text['body'] must be a non-empty string."],
      [
        'a body over 4096 characters',
        whatsappText('15550001111', 'a'.repeat(4097)),
        "Param text['body'] must be at most 4096 characters long.",
      ],
    ])('answers a Graph 400 (code 100) for %s and sends nothing', async (_case, body, details) => {
      const { phoneNumberId, token } = whatsappAccount();

      const { status, json } = await post(`/${VERSION}/${phoneNumberId}/messages`, body, token);

      expect(status).toBe(400);
      expect(json.error).toMatchObject({
        message: '(#100) Invalid parameter',
        type: 'OAuthException',
        code: 100,
        error_data: {
          messaging_product: 'whatsapp',
          details: typeof details === 'string' ? details : expect.stringMatching(details),
        },
        fbtrace_id: expect.any(String),
      });
      expect(social.sent).toEqual([]);
      expect(social.requests.map((r) => r.status)).toEqual([400]);
    });

    it('accepts exactly 4096 characters (emoji count as one)', async () => {
      const { phoneNumberId, token } = whatsappAccount();
      const { status } = await post(
        `/${VERSION}/${phoneNumberId}/messages`,
        whatsappText('15550001111', '🍕'.repeat(4096)),
        token,
      );
      expect(status).toBe(200);
    });

    it('refuses a body that is not JSON', async () => {
      const { phoneNumberId, token } = whatsappAccount();
      const { status, json } = await post(`/${VERSION}/${phoneNumberId}/messages`, '{"messaging_product":', token);
      expect(status).toBe(400);
      expect(json.error).toMatchObject({ type: 'OAuthException', code: 100 });
    });
  });

  describe('Graph access tokens', () => {
    it.each([
      ['no token', undefined],
      ['an unknown token', 'EAAnot-a-real-token'],
    ])('answers 401 OAuthException 190 for %s', async (_case, token) => {
      const { phoneNumberId } = whatsappAccount();

      const { status, headers, json } = await post(
        `/${VERSION}/${phoneNumberId}/messages`,
        whatsappText('15550001111'),
        token,
      );

      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toContain('invalid_token');
      expect(json).toEqual({
        error: {
          message: 'Invalid OAuth access token.',
          type: 'OAuthException',
          code: 190,
          fbtrace_id: expect.any(String),
        },
      });
      expect(social.sent).toEqual([]);
    });

    it("refuses another account's token, and any token for an account never registered", async () => {
      const a = whatsappAccount();
      const b = whatsappAccount();

      expect((await post(`/${VERSION}/${a.phoneNumberId}/messages`, whatsappText('15550001111'), b.token)).status).toBe(
        401,
      );
      expect((await post(`/${VERSION}/${numericId()}/messages`, whatsappText('15550001111'), a.token)).status).toBe(
        401,
      );
      expect(social.sent).toEqual([]);
    });

    it('takes the token from the access_token query parameter too, without recording it in the path', async () => {
      const { pageId, token } = page();

      const response = await fetch(
        `${social.url}/${VERSION}/${pageId}/messages?access_token=${encodeURIComponent(token)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(pageText('6100001')),
        },
      );

      expect(response.status).toBe(200);
      expect(social.sent[0]).toMatchObject({ platform: 'messenger', from: pageId, accessToken: token });
      expect(social.requests[0]?.path).toBe(`/${VERSION}/${pageId}/messages`);
    });

    it("accepts Meta's documented form-encoded call (JSON-valued fields, token in the form)", async () => {
      const { pageId, token } = page();
      const form = new URLSearchParams({
        recipient: "{'id':'6100002'}",
        messaging_type: 'RESPONSE',
        message: "{'text':'hello, world'}",
        access_token: token,
      });

      const response = await fetch(`${social.url}/${VERSION}/${pageId}/messages`, { method: 'POST', body: form });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ recipient_id: '6100002', message_id: expect.stringMatching(/^m_/) });
      expect(social.sent[0]).toMatchObject({ to: '6100002', text: 'hello, world' });
    });
  });

  describe('Messenger and Instagram Send API', () => {
    it('sends as a Page and answers recipient_id and message_id', async () => {
      const { pageId, token } = page();
      const body = { ...pageText('24000000001', 'We open at nine.'), notification_type: 'REGULAR' };

      const { status, json } = await post(`/${VERSION}/${pageId}/messages`, body, token);

      expect(status).toBe(200);
      expect(json).toEqual({ recipient_id: '24000000001', message_id: expect.stringMatching(/^m_[A-Za-z0-9_-]+$/) });
      expect(social.sent).toEqual([
        {
          platform: 'messenger',
          from: pageId,
          to: '24000000001',
          text: 'We open at nine.',
          messageId: json.message_id,
          accessToken: token,
          body,
          at: expect.any(Number),
        },
      ]);
    });

    it('sends as an Instagram account when the id is registered as one', async () => {
      const { igId, token } = instagramAccount();

      const { status, json } = await post(
        `/${VERSION}/${igId}/messages`,
        pageText('17841400000000001', 'Hi from IG'),
        token,
      );

      expect(status).toBe(200);
      expect(json.recipient_id).toBe('17841400000000001');
      expect(social.sent[0]).toMatchObject({
        platform: 'instagram',
        from: igId,
        to: '17841400000000001',
        text: 'Hi from IG',
      });
    });

    it('resolves /me to the account of the token (Page or Instagram)', async () => {
      const p = page();
      const ig = instagramAccount();

      expect((await post(`/${VERSION}/me/messages`, pageText('1'), p.token)).status).toBe(200);
      expect((await post(`/${VERSION}/me/messages`, pageText('2'), ig.token)).status).toBe(200);
      expect((await post(`/${VERSION}/me/messages`, pageText('3'), 'EAAunknown')).status).toBe(401);

      expect(social.sent.map((m) => [m.platform, m.from, m.to])).toEqual([
        ['messenger', p.pageId, '1'],
        ['instagram', ig.igId, '2'],
      ]);
    });

    it('accepts UPDATE and MESSAGE_TAG with a tag', async () => {
      const { pageId, token } = page();
      expect(
        (await post(`/${VERSION}/${pageId}/messages`, { ...pageText('1'), messaging_type: 'UPDATE' }, token)).status,
      ).toBe(200);
      expect(
        (
          await post(
            `/${VERSION}/${pageId}/messages`,
            { ...pageText('1'), messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' },
            token,
          )
        ).status,
      ).toBe(200);
    });

    it.each([
      [
        'no recipient',
        { messaging_type: 'RESPONSE', message: { text: 'x' } },
        '(#100) The parameter recipient is required',
      ],
      ['no recipient id', { recipient: {}, messaging_type: 'RESPONSE', message: { text: 'x' } }, /recipient\[id\]/],
      [
        'no messaging_type',
        { recipient: { id: '1' }, message: { text: 'x' } },
        '(#100) The parameter messaging_type is required',
      ],
      [
        'an unknown messaging_type',
        { ...pageText('1'), messaging_type: 'PROMO' },
        /messaging_type must be one of \{RESPONSE, UPDATE, MESSAGE_TAG\}/,
      ],
      ['MESSAGE_TAG without a tag', { ...pageText('1'), messaging_type: 'MESSAGE_TAG' }, /tag is required/],
      [
        'no message',
        { recipient: { id: '1' }, messaging_type: 'RESPONSE' },
        '(#100) The parameter message is required',
      ],
      [
        'no message text',
        { recipient: { id: '1' }, messaging_type: 'RESPONSE', message: { attachment: {} } },
        /message\[text\]/,
      ],
      ['a text over 2000 characters', pageText('1', 'b'.repeat(2001)), /less than or equal to 2000/],
    ])('answers 400 code 100 on Messenger for %s', async (_case, body, message) => {
      const { pageId, token } = page();

      const { status, json } = await post(`/${VERSION}/${pageId}/messages`, body, token);

      expect(status).toBe(400);
      expect(json.error).toMatchObject({
        type: 'OAuthException',
        code: 100,
        message: typeof message === 'string' ? message : expect.stringMatching(message),
      });
      expect(social.sent).toEqual([]);
    });

    it('limits Instagram text to 1000 bytes', async () => {
      const { igId, token } = instagramAccount();
      expect((await post(`/${VERSION}/${igId}/messages`, pageText('1', 'é'.repeat(500)), token)).status).toBe(200);
      expect((await post(`/${VERSION}/${igId}/messages`, pageText('1', 'é'.repeat(501)), token)).status).toBe(400);
    });
  });

  describe('X API v2 one-to-one DMs', () => {
    it('answers 201 with the conversation and event ids, the sender coming from the token', async () => {
      const { userId, token } = xUser();
      const participant = '9876543210';

      const { status, json } = await post(
        `/2/dm_conversations/with/${participant}/messages`,
        { text: 'Hello!' },
        token,
      );

      expect(status).toBe(201);
      const [low, high] = BigInt(userId) < BigInt(participant) ? [userId, participant] : [participant, userId];
      expect(json).toEqual({
        data: { dm_conversation_id: `${low}-${high}`, dm_event_id: expect.stringMatching(/^\d{15,19}$/) },
      });
      expect(social.sent).toEqual([
        {
          platform: 'x',
          from: userId,
          to: participant,
          text: 'Hello!',
          messageId: json.data.dm_event_id,
          accessToken: token,
          body: { text: 'Hello!' },
          at: expect.any(Number),
        },
      ]);
    });

    it('gives every DM a new, increasing event id in the same conversation', async () => {
      const { token } = xUser();
      const first = await post('/2/dm_conversations/with/42/messages', { text: 'one' }, token);
      const second = await post('/2/dm_conversations/with/42/messages', { text: 'two' }, token);
      expect(second.json.data.dm_conversation_id).toBe(first.json.data.dm_conversation_id);
      expect(BigInt(second.json.data.dm_event_id)).toBeGreaterThan(BigInt(first.json.data.dm_event_id));
    });

    it.each([
      ['no token', undefined],
      ['an unknown token', 'not-a-user-token'],
    ])('answers 401 problem JSON for %s', async (_case, token) => {
      const { status, headers, json } = await post('/2/dm_conversations/with/42/messages', { text: 'hi' }, token);
      expect(status).toBe(401);
      expect(headers.get('content-type')).toContain('application/problem+json');
      expect(json).toEqual({ title: 'Unauthorized', detail: 'Unauthorized', type: 'about:blank', status: 401 });
    });

    it.each([
      ['a non-numeric participant id', '/2/dm_conversations/with/alice/messages', { text: 'hi' }],
      ['an empty text', '/2/dm_conversations/with/42/messages', { text: '' }],
      ['neither text nor attachments', '/2/dm_conversations/with/42/messages', {}],
      [
        'two attachments',
        '/2/dm_conversations/with/42/messages',
        { attachments: [{ media_id: '1' }, { media_id: '2' }] },
      ],
      ['a text over 10,000 characters', '/2/dm_conversations/with/42/messages', { text: 'c'.repeat(10_001) }],
    ])('answers 400 invalid-request for %s', async (_case, path, body) => {
      const { token } = xUser();
      const { status, json } = await post(path, body, token);
      expect(status).toBe(400);
      expect(json).toMatchObject({
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.x.com/2/problems/invalid-request',
        errors: [{ message: expect.any(String) }],
      });
      expect(social.sent).toEqual([]);
    });
  });

  describe('unknown routes', () => {
    it('answers 404 in the Graph style for Graph-looking paths, a wrong version and other methods', async () => {
      const { phoneNumberId, token } = whatsappAccount();
      for (const [method, path] of [
        ['POST', `/v19.0/${phoneNumberId}/messages`],
        ['POST', `/${VERSION}/${phoneNumberId}/media`],
        ['GET', `/${VERSION}/${phoneNumberId}/messages`],
        ['POST', '/nothing/here'],
      ] as const) {
        const response = await fetch(`${social.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(((await response.json()) as any).error).toMatchObject({
          type: 'OAuthException',
          code: 2500,
          fbtrace_id: expect.any(String),
        });
      }
    });

    it('answers 404 problem JSON for X-looking paths', async () => {
      const { token } = xUser();
      const { status, json } = await post('/2/dm_conversations/42/messages', { text: 'hi' }, token);
      expect(status).toBe(404);
      expect(json).toEqual({ title: 'Not Found', detail: 'Not Found', type: 'about:blank', status: 404 });
    });
  });

  describe('failNext', () => {
    const expected: Record<SocialPlatform, Partial<Record<SocialFailure, { status: number; body: unknown }>>> = {
      whatsapp: {
        rate_limited: {
          status: 429,
          body: {
            error: {
              message: '(#130429) Rate limit hit',
              type: 'OAuthException',
              code: 130429,
              error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
              fbtrace_id: expect.any(String),
            },
          },
        },
        server_error: {
          status: 500,
          body: {
            error: {
              message: '(#131000) Something went wrong',
              type: 'OAuthException',
              code: 131000,
              error_data: { messaging_product: 'whatsapp', details: 'Message failed to send due to an unknown error.' },
              fbtrace_id: expect.any(String),
            },
          },
        },
        outside_window: {
          status: 400,
          body: {
            error: {
              message: '(#131047) Re-engagement message',
              type: 'OAuthException',
              code: 131047,
              error_data: {
                messaging_product: 'whatsapp',
                details:
                  'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
              },
              fbtrace_id: expect.any(String),
            },
          },
        },
        invalid_recipient: {
          status: 400,
          body: {
            error: {
              message: '(#131026) Message Undeliverable',
              type: 'OAuthException',
              code: 131026,
              error_data: { messaging_product: 'whatsapp', details: 'Unable to deliver message.' },
              fbtrace_id: expect.any(String),
            },
          },
        },
      },
      messenger: {
        rate_limited: {
          status: 400,
          body: {
            error: {
              message: '(#613) Calls to this api have exceeded the rate limit.',
              type: 'OAuthException',
              code: 613,
              fbtrace_id: expect.any(String),
            },
          },
        },
        server_error: {
          status: 500,
          body: {
            error: {
              message: 'An unexpected error has occurred. Please retry your request later.',
              type: 'OAuthException',
              code: 2,
              is_transient: true,
              fbtrace_id: expect.any(String),
            },
          },
        },
        outside_window: {
          status: 403,
          body: {
            error: {
              message: '(#10) This message is sent outside of allowed window.',
              type: 'OAuthException',
              code: 10,
              error_subcode: 2018278,
              fbtrace_id: expect.any(String),
            },
          },
        },
        invalid_recipient: {
          status: 400,
          body: {
            error: {
              message: '(#100) No matching user found',
              type: 'OAuthException',
              code: 100,
              error_subcode: 2018001,
              fbtrace_id: expect.any(String),
            },
          },
        },
      },
      instagram: {
        rate_limited: {
          status: 400,
          body: {
            error: {
              message: '(#613) Calls to this api have exceeded the rate limit.',
              type: 'OAuthException',
              code: 613,
              fbtrace_id: expect.any(String),
            },
          },
        },
        server_error: {
          status: 500,
          body: {
            error: {
              message: 'An unexpected error has occurred. Please retry your request later.',
              type: 'OAuthException',
              code: 2,
              is_transient: true,
              fbtrace_id: expect.any(String),
            },
          },
        },
        outside_window: {
          status: 403,
          body: {
            error: {
              message: 'This message is sent outside of allowed window.',
              type: 'OAuthException',
              code: 10,
              error_subcode: 2534022,
              fbtrace_id: expect.any(String),
            },
          },
        },
        invalid_recipient: {
          status: 400,
          body: {
            error: {
              message: 'The requested user cannot be found.',
              type: 'OAuthException',
              code: 100,
              error_subcode: 2534014,
              fbtrace_id: expect.any(String),
            },
          },
        },
      },
      x: {
        rate_limited: {
          status: 429,
          body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        },
        server_error: {
          status: 500,
          body: { title: 'Internal Server Error', detail: 'Internal Server Error', type: 'about:blank', status: 500 },
        },
        invalid_recipient: {
          status: 403,
          body: { title: 'Forbidden', detail: 'Forbidden', type: 'about:blank', status: 403 },
        },
      },
    };
    const cases = Object.entries(expected).flatMap(([platform, byFailure]) =>
      Object.entries(byFailure).map(
        ([failure, answer]) => [platform as SocialPlatform, failure as SocialFailure, answer] as const,
      ),
    );

    it.each(cases)(
      '%s %s: answers the platform status and body, records no send, then recovers',
      async (platform, failure, answer) => {
        social.failNext(platform, failure);

        const failed = await sendOn(platform);
        expect(failed.status).toBe(answer!.status);
        expect(failed.json).toEqual(answer!.body);
        expect(social.sent).toEqual([]);

        const next = await sendOn(platform);
        expect(next.status).toBe(platform === 'x' ? 201 : 200);
        expect(social.sent).toHaveLength(1);
        expect(social.requests.map((r) => r.status)).toEqual([answer!.status, next.status]);
      },
    );

    it('puts the x-rate-limit-* headers on an X 429', async () => {
      social.failNext('x', 'rate_limited');
      const before = Math.floor(Date.now() / 1000);

      const { headers } = await sendOn('x');

      expect(headers.get('x-rate-limit-limit')).toBe('200');
      expect(headers.get('x-rate-limit-remaining')).toBe('0');
      const reset = Number(headers.get('x-rate-limit-reset'));
      expect(reset).toBeGreaterThan(before);
      expect(reset).toBeLessThanOrEqual(before + 3);
    });

    it('fails `times` sends in order, only on the platform named', async () => {
      social.failNext('whatsapp', 'rate_limited', 2);
      social.failNext('whatsapp', 'outside_window');

      expect((await sendOn('messenger')).status).toBe(200);
      expect((await sendOn('whatsapp')).status).toBe(429);
      expect((await sendOn('whatsapp')).status).toBe(429);
      expect((await sendOn('whatsapp')).json.error.code).toBe(131047);
      expect((await sendOn('whatsapp')).status).toBe(200);
    });

    it('lets token and validation errors through first, without consuming the planned failure', async () => {
      social.failNext('whatsapp', 'server_error');
      const { phoneNumberId, token } = whatsappAccount();

      expect((await post(`/${VERSION}/${phoneNumberId}/messages`, whatsappText('1'), 'EAAwrong')).status).toBe(401);
      expect(
        (await post(`/${VERSION}/${phoneNumberId}/messages`, { messaging_product: 'whatsapp' }, token)).status,
      ).toBe(400);
      expect((await post(`/${VERSION}/${phoneNumberId}/messages`, whatsappText('1'), token)).status).toBe(500);
    });

    it('refuses what the platforms cannot do and bad arguments', () => {
      expect(() => social.failNext('x', 'outside_window')).toThrow(/no customer-service window/);
      expect(() => social.failNext('sms' as SocialPlatform, 'server_error')).toThrow(/platform/);
      expect(() => social.failNext('whatsapp', 'timeout' as SocialFailure)).toThrow(/failure/);
      expect(() => social.failNext('whatsapp', 'server_error', 0)).toThrow(/times/);
    });
  });

  describe('holdNext', () => {
    it.each(['whatsapp', 'messenger', 'instagram', 'x'] as const)(
      '%s: records the send at once, answers only on releaseHeld()',
      async (platform) => {
        const arrived = social.holdNext(platform);
        let answered = false;
        const call = sendOn(platform).then((r) => {
          answered = true;
          return r;
        });

        await arrived;
        expect(social.sent).toHaveLength(1);
        expect(social.sent[0]?.platform).toBe(platform);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(answered).toBe(false);

        social.releaseHeld();
        const { status, json } = await call;
        expect(status).toBe(platform === 'x' ? 201 : 200);
        expect(JSON.stringify(json)).toContain(social.sent[0]!.messageId);
      },
    );

    it('keeps the send when the client gives up before the answer, and holds only one send', async () => {
      const arrived = social.holdNext('whatsapp');
      const controller = new AbortController();
      const call = sendOn('whatsapp', { signal: controller.signal });

      await arrived;
      controller.abort();
      await expect(call).rejects.toThrow(/abort/i);
      expect(social.sent).toHaveLength(1);
      expect(() => social.releaseHeld()).not.toThrow();

      expect((await sendOn('whatsapp')).status).toBe(200);
      expect(social.sent).toHaveLength(2);
    });

    it('holds nothing when the send fails, and applies to the next successful one', async () => {
      social.failNext('messenger', 'server_error');
      const arrived = social.holdNext('messenger');

      expect((await sendOn('messenger')).status).toBe(500);
      const held = sendOn('messenger');
      await arrived;
      social.releaseHeld();
      expect((await held).status).toBe(200);
    });
  });

  describe('reset', () => {
    it('forgets sends, requests, planned failures and holds, and keeps the accounts', async () => {
      const { phoneNumberId, token } = whatsappAccount();
      await post(`/${VERSION}/${phoneNumberId}/messages`, whatsappText('1'), token);
      social.failNext('whatsapp', 'server_error');
      const dropped = social.holdNext('whatsapp');

      social.reset();

      await expect(dropped).rejects.toThrow(/reset/);
      expect(social.sent).toEqual([]);
      expect(social.requests).toEqual([]);
      const { status } = await post(`/${VERSION}/${phoneNumberId}/messages`, whatsappText('1'), token);
      expect(status).toBe(200);
      expect(social.sent).toHaveLength(1);
    });

    it('answers a held send instead of leaving its client hanging', async () => {
      const arrived = social.holdNext('x');
      const call = sendOn('x');
      await arrived;

      social.reset();

      expect((await call).status).toBe(201);
    });
  });
});
