import { describe, expect, it } from 'vitest';
import { WebhookPayloadError } from '../../inbound/errors.js';
import { MAX_EVENTS_PER_PAYLOAD } from '../../inbound/limits.js';
import { parseMetaWebhook } from '../meta/meta-webhook.js';

/**
 * Payloads follow Meta's Messenger Platform webhook references (messages, message_echoes, messaging_postbacks,
 * message_deliveries, message_reads) and the Instagram messaging examples: the same envelope, object "page" or
 * "instagram", timestamps in milliseconds.
 */
const PAGE_ID = '104501215577894';
const PSID = '6885433241504917';
const IG_ACCOUNT_ID = '17841405822304914';
const IGSID = '1022334455667788';

function page(messaging: unknown[], object = 'page', accountId = PAGE_ID) {
  return { object, entry: [{ id: accountId, time: 1_750_000_001_000, messaging }] };
}

const textMessage = (mid: string, text: string, sender = PSID, recipient = PAGE_ID, timestamp = 1_750_000_000_000) => ({
  sender: { id: sender },
  recipient: { id: recipient },
  timestamp,
  message: { mid, text },
});

function errorOf(run: () => unknown): WebhookPayloadError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(WebhookPayloadError);
    return err as WebhookPayloadError;
  }
  throw new Error('expected a WebhookPayloadError');
}

describe('parseMetaWebhook: Messenger', () => {
  it('reads a text message, routed by the Page id, from the PSID', () => {
    expect(
      parseMetaWebhook(page([textMessage('m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM', 'Do you deliver to Kumasi?')])),
    ).toStrictEqual({
      events: [
        {
          kind: 'message',
          channel: 'facebook',
          businessAccountId: PAGE_ID,
          platformMessageId: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM',
          sender: { id: PSID },
          text: 'Do you deliver to Kumasi?',
          sentAt: '2025-06-15T15:06:40.000Z',
        },
      ],
      skipped: [],
    });
  });

  it("skips echoes of the Page's own messages", () => {
    const echo = {
      sender: { id: PAGE_ID },
      recipient: { id: PSID },
      timestamp: 1_457_764_197_627,
      message: {
        is_echo: true,
        app_id: 1517776481860111,
        metadata: 'agent-reply',
        mid: 'mid.1457764197618:41d102a3e1ae206a38',
        text: 'We do!',
      },
    };
    expect(parseMetaWebhook(page([echo, textMessage('m_1', 'Great, thanks')]))).toEqual({
      events: [expect.objectContaining({ platformMessageId: 'm_1', text: 'Great, thanks' })],
      skipped: [{ reason: 'echo', detail: 'facebook echo "mid.1457764197618:41d102a3e1ae206a38"' }],
    });
  });

  it('skips delivery and read receipts (per watermark, not per message)', () => {
    const delivery = {
      sender: { id: PSID },
      recipient: { id: PAGE_ID },
      delivery: { mids: ['mid.1458668856218:ed81099e15d3f4f233'], watermark: 1458668856253 },
    };
    const read = {
      sender: { id: PSID },
      recipient: { id: PAGE_ID },
      timestamp: 1458668856463,
      read: { watermark: 1458668856253 },
    };
    expect(parseMetaWebhook(page([delivery, read]))).toEqual({
      events: [],
      skipped: [
        { reason: 'unsupported_type', detail: 'facebook delivery' },
        { reason: 'unsupported_type', detail: 'facebook read' },
      ],
    });
  });

  it("takes a postback's title as the text", () => {
    const postback = {
      sender: { id: PSID },
      recipient: { id: PAGE_ID },
      timestamp: 1_750_000_000_000,
      postback: { mid: 'm_POSTBACK', title: 'Get Started', payload: 'GET_STARTED' },
    };
    expect(parseMetaWebhook(page([postback])).events).toStrictEqual([
      {
        kind: 'message',
        channel: 'facebook',
        businessAccountId: PAGE_ID,
        platformMessageId: 'm_POSTBACK',
        sender: { id: PSID },
        text: 'Get Started',
        sentAt: '2025-06-15T15:06:40.000Z',
      },
    ]);
  });

  it('gives an older postback without mid a stable id made of the sender and the time', () => {
    const postback = {
      sender: { id: PSID },
      recipient: { id: PAGE_ID },
      timestamp: 1_458_692_752_478,
      postback: { title: 'Menu', payload: 'MENU' },
    };
    const first = parseMetaWebhook(page([postback])).events[0];
    expect(first).toMatchObject({ platformMessageId: `postback:${PSID}:1458692752478`, text: 'Menu' });
    expect(parseMetaWebhook(page([postback])).events[0]!.platformMessageId).toBe(first!.platformMessageId);
  });

  it("reads the seconds of Meta's reference examples as seconds", () => {
    const postback = {
      sender: { id: PSID },
      recipient: { id: PAGE_ID },
      timestamp: '1527459824',
      postback: { mid: 'm_X', title: 'Yes', payload: 'Y' },
    };
    expect(parseMetaWebhook(page([postback])).events[0]).toMatchObject({ sentAt: '2018-05-27T22:23:44.000Z' });
  });

  it('keeps photos, stickers, files and locations as references, with the text sent alongside', () => {
    const at = { sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: 1_750_000_000_000 };
    const photos = {
      ...at,
      message: {
        mid: 'm_IMG',
        attachments: [
          { type: 'image', payload: { url: 'https://scontent.example/a.jpg' } },
          { type: 'image', payload: { url: 'https://scontent.example/like.png', sticker_id: 369239263222822 } },
        ],
      },
    };
    const file = {
      ...at,
      message: {
        mid: 'm_PDF',
        text: 'my receipt',
        attachments: [{ type: 'file', payload: { url: 'https://cdn.example/r.pdf' } }],
      },
    };
    const place = {
      ...at,
      message: {
        mid: 'm_LOC',
        attachments: [{ type: 'location', payload: { title: 'Our house', coordinates: { lat: 40.7, long: -74 } } }],
      },
    };
    const template = {
      ...at,
      message: { mid: 'm_TPL', attachments: [{ type: 'template', payload: { template_type: 'generic' } }] },
    };
    const { events, skipped } = parseMetaWebhook(page([photos, file, place, template]));
    expect(events.map((e) => (e.kind === 'message' ? [e.platformMessageId, e.text, e.media] : []))).toEqual([
      [
        'm_IMG',
        '',
        [
          { type: 'image', url: 'https://scontent.example/a.jpg' },
          { type: 'sticker', url: 'https://scontent.example/like.png' },
        ],
      ],
      ['m_PDF', 'my receipt', [{ type: 'document', url: 'https://cdn.example/r.pdf' }]],
      ['m_LOC', '', [{ type: 'location', latitude: 40.7, longitude: -74, name: 'Our house' }]],
    ]);
    expect(skipped).toEqual([{ reason: 'unsupported_type', detail: 'facebook message "m_TPL" without text or media' }]);
  });

  it('skips unsent messages, reactions and chat-plugin guests', () => {
    const deleted = {
      sender: { id: PSID },
      recipient: { id: PAGE_ID },
      timestamp: 1_750_000_000_000,
      message: { mid: 'm_DEL', is_deleted: true },
    };
    const reaction = {
      sender: { id: PSID },
      recipient: { id: PAGE_ID },
      timestamp: 1_750_000_000_000,
      reaction: { mid: 'm_OURS', action: 'react', reaction: 'love', emoji: '\u2764' },
    };
    const guest = {
      sender: { user_ref: 'USER-REF-ID' },
      recipient: { id: PAGE_ID },
      timestamp: 1_750_000_000_000,
      message: { mid: 'm_G', text: 'hi' },
    };
    expect(parseMetaWebhook(page([deleted, reaction, guest]))).toEqual({
      events: [],
      skipped: [
        { reason: 'unsupported_type', detail: 'facebook unsent message "m_DEL"' },
        { reason: 'unsupported_type', detail: 'facebook reaction' },
        { reason: 'unsupported_type', detail: 'facebook sender without id (user_ref)' },
      ],
    });
  });

  it('skips standby entries (handover protocol) and whitespace-only texts', () => {
    const standby = {
      object: 'page',
      entry: [{ id: PAGE_ID, time: 1570053170926, standby: [textMessage('m_S', 'hello')] }],
    };
    expect(parseMetaWebhook(standby).skipped).toEqual([
      { reason: 'unsupported_type', detail: 'facebook entry[0].standby' },
    ]);
    expect(parseMetaWebhook(page([textMessage('m_W', ' \t ')])).skipped).toEqual([
      { reason: 'empty', detail: 'facebook message without text' },
    ]);
  });

  it('reads every messaging item of every entry', () => {
    const body = {
      object: 'page',
      entry: [
        { id: PAGE_ID, time: 1, messaging: [textMessage('m_1', 'one'), textMessage('m_2', 'two')] },
        { id: '999', time: 2, messaging: [textMessage('m_3', 'three', '555', '999')] },
      ],
    };
    expect(parseMetaWebhook(body).events.map((e) => [e.businessAccountId, e.platformMessageId])).toEqual([
      [PAGE_ID, 'm_1'],
      [PAGE_ID, 'm_2'],
      ['999', 'm_3'],
    ]);
  });

  it('skips a malformed item, naming its id and the missing field, and reads the others', () => {
    const noSender = { recipient: { id: PAGE_ID }, timestamp: 1, message: { mid: 'm_1', text: 'x' } };
    const noMid = { sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: 1, message: { text: 'x' } };
    const noRecipient = { sender: { id: PSID }, recipient: {}, timestamp: 1, message: { mid: 'm_3', text: 'x' } };
    const noTimestamp = { sender: { id: PSID }, recipient: { id: PAGE_ID }, message: { mid: 'm_4', text: 'x' } };
    const parsed = parseMetaWebhook(
      page([noSender, textMessage('m_ok', 'fine'), noMid, noRecipient, noTimestamp, 'hello']),
    );
    expect(parsed.events.map((e) => e.platformMessageId)).toEqual(['m_ok']);
    expect(parsed.skipped).toEqual([
      { reason: 'malformed', detail: 'facebook messaging item "m_1": entry[0].messaging[0].sender is missing' },
      { reason: 'malformed', detail: 'facebook messaging item: entry[0].messaging[2].message.mid is missing' },
      { reason: 'malformed', detail: 'facebook messaging item "m_3": entry[0].messaging[3].recipient.id is missing' },
      { reason: 'malformed', detail: 'facebook messaging item "m_4": entry[0].messaging[4].timestamp is missing' },
      { reason: 'malformed', detail: 'facebook messaging item: entry[0].messaging[5] must be an object' },
    ]);
  });

  it('skips an entry without messaging, and reads the next entry', () => {
    const body = {
      object: 'page',
      entry: [
        { id: PAGE_ID, time: 1 },
        { id: PAGE_ID, time: 1, messaging: [textMessage('m_next', 'hi')] },
      ],
    };
    const parsed = parseMetaWebhook(body);
    expect(parsed.events.map((e) => e.platformMessageId)).toEqual(['m_next']);
    expect(parsed.skipped).toEqual([
      { reason: 'malformed', detail: `facebook entry[0] "${PAGE_ID}": entry[0].messaging is missing` },
    ]);
  });
});

describe('parseMetaWebhook: Instagram', () => {
  it('reads a direct message, routed by the Instagram account id, from the IGSID', () => {
    const body = page(
      [textMessage('aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx', 'Is the blue one in stock?', IGSID, IG_ACCOUNT_ID)],
      'instagram',
      IG_ACCOUNT_ID,
    );
    expect(parseMetaWebhook(body).events).toStrictEqual([
      {
        kind: 'message',
        channel: 'instagram',
        businessAccountId: IG_ACCOUNT_ID,
        platformMessageId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx',
        sender: { id: IGSID },
        text: 'Is the blue one in stock?',
        sentAt: '2025-06-15T15:06:40.000Z',
      },
    ]);
  });

  it("skips the account's own messages, echoed with is_echo", () => {
    const echo = {
      sender: { id: IG_ACCOUNT_ID },
      recipient: { id: IGSID },
      timestamp: 1_750_000_000_000,
      message: { mid: 'm_E', text: 'Yes!', is_echo: true },
    };
    expect(parseMetaWebhook(page([echo], 'instagram', IG_ACCOUNT_ID))).toEqual({
      events: [],
      skipped: [{ reason: 'echo', detail: 'instagram echo "m_E"' }],
    });
  });

  it('keeps shared posts and reels as links, and skips unsupported media and seen receipts', () => {
    const shared = {
      sender: { id: IGSID },
      recipient: { id: IG_ACCOUNT_ID },
      timestamp: 1,
      message: {
        mid: 'm_R',
        attachments: [{ type: 'ig_reel', payload: { url: 'https://lookaside.example/reel', title: 'Cozy nights' } }],
      },
    };
    const unsupported = {
      sender: { id: IGSID },
      recipient: { id: IG_ACCOUNT_ID },
      timestamp: 1,
      message: { mid: 'm_U', is_unsupported: true },
    };
    const seen = { sender: { id: IGSID }, recipient: { id: IG_ACCOUNT_ID }, timestamp: 1, read: { mid: 'm_OURS' } };
    const { events, skipped } = parseMetaWebhook(page([shared, unsupported, seen], 'instagram', IG_ACCOUNT_ID));
    expect(events).toMatchObject([
      {
        channel: 'instagram',
        text: '',
        media: [{ type: 'share', url: 'https://lookaside.example/reel', name: 'Cozy nights' }],
      },
    ]);
    expect(skipped.map((s) => s.detail)).toEqual(['instagram message "m_U" without text or media', 'instagram read']);
  });
});

describe('parseMetaWebhook: the envelope', () => {
  it('refuses a body that is not a Meta messaging webhook', () => {
    expect(errorOf(() => parseMetaWebhook(null)).message).toBe('payload must be a JSON object');
    expect(errorOf(() => parseMetaWebhook([])).message).toBe('payload must be a JSON object');
    expect(errorOf(() => parseMetaWebhook({ entry: [] })).message).toBe('object is missing');
    const other = errorOf(() => parseMetaWebhook({ object: 'permissions', entry: [] }));
    expect(other.message).toBe(
      'object "permissions" is not a Meta messaging webhook (expected whatsapp_business_account, page, instagram)',
    );
    expect(other.field).toBe('object');
  });

  it(`refuses more than ${MAX_EVENTS_PER_PAYLOAD} events in one payload`, () => {
    const many = (n: number) => page(Array.from({ length: n }, (_, i) => textMessage(`m_${i}`, 'x')));
    expect(parseMetaWebhook(many(MAX_EVENTS_PER_PAYLOAD)).events).toHaveLength(MAX_EVENTS_PER_PAYLOAD);
    expect(errorOf(() => parseMetaWebhook(many(MAX_EVENTS_PER_PAYLOAD + 1))).message).toBe(
      `entry[0].messaging has more than ${MAX_EVENTS_PER_PAYLOAD} items`,
    );
    // Spread over entries, the budget still holds.
    const spread = {
      object: 'page',
      entry: Array.from({ length: 3 }, () => ({ id: PAGE_ID, time: 1, messaging: many(400).entry[0]!.messaging })),
    };
    expect(errorOf(() => parseMetaWebhook(spread)).message).toBe(
      `payload carries more than ${MAX_EVENTS_PER_PAYLOAD} events (at entry[2].messaging[200])`,
    );
  });
});
