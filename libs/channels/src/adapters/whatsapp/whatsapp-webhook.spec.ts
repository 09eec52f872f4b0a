import { describe, expect, it } from 'vitest';
import { WebhookPayloadError } from '../../inbound/errors.js';
import { MAX_TEXT_LENGTH } from '../../inbound/limits.js';
import { parseMetaWebhook } from '../meta/meta-webhook.js';

/**
 * Payloads follow the examples of Meta's "messages webhook reference" (WhatsApp Business Platform): the text message
 * sample (WABA 102290129340398, phone number id 106540352242922, Sheena Nelson, 16505551234), the status, interactive,
 * button and business-scoped user id (BSUID) variants.
 */
const WABA_ID = '102290129340398';
const PHONE_NUMBER_ID = '106540352242922';
const WAMID = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=';

function envelope(value: Record<string, unknown>, field = 'messages') {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA_ID,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              ...value,
            },
            field,
          },
        ],
      },
    ],
  };
}

/** A JSON document, loosely typed so that tests can reach into it and break it. */
type Doc = Record<string, any>;

const documentedText = (): Doc =>
  envelope({
    contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
    messages: [
      {
        from: '16505551234',
        id: WAMID,
        timestamp: '1749416383',
        type: 'text',
        text: { body: 'Does it come in another color?' },
      },
    ],
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

describe('parseMetaWebhook: WhatsApp messages', () => {
  it('reads the documented text message', () => {
    expect(parseMetaWebhook(documentedText())).toStrictEqual({
      events: [
        {
          kind: 'message',
          channel: 'whatsapp',
          businessAccountId: PHONE_NUMBER_ID,
          platformMessageId: WAMID,
          sender: { id: '16505551234', name: 'Sheena Nelson', phone: '+16505551234' },
          text: 'Does it come in another color?',
          sentAt: '2025-06-08T20:59:43.000Z',
        },
      ],
      skipped: [],
    });
  });

  it('reads several messages from several customers, each named from its contact', () => {
    const body = envelope({
      contacts: [
        { profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' },
        { profile: { name: 'Kofi Mensah' }, wa_id: '233201234567' },
      ],
      messages: [
        { from: '233201234567', id: 'wamid.B', timestamp: '1749416390', type: 'text', text: { body: 'Hello?' } },
        { from: '16505551234', id: 'wamid.A', timestamp: '1749416383', type: 'text', text: { body: 'Blue, please' } },
        { from: '16505551234', id: 'wamid.C', timestamp: '1749416399', type: 'text', text: { body: 'And size M' } },
      ],
    });
    const { events, skipped } = parseMetaWebhook(body);
    expect(skipped).toEqual([]);
    expect(
      events.map((e) => e.kind === 'message' && [e.platformMessageId, e.sender.name, e.sender.phone, e.text]),
    ).toEqual([
      ['wamid.B', 'Kofi Mensah', '+233201234567', 'Hello?'],
      ['wamid.A', 'Sheena Nelson', '+16505551234', 'Blue, please'],
      ['wamid.C', 'Sheena Nelson', '+16505551234', 'And size M'],
    ]);
  });

  it('reads every entry and change of a batched delivery', () => {
    const first = documentedText();
    const second = envelope({
      contacts: [{ profile: { name: 'Ama' }, wa_id: '233241112222' }],
      messages: [{ from: '233241112222', id: 'wamid.2', timestamp: '1749416400', type: 'text', text: { body: 'Hi' } }],
    });
    const body = { object: first.object, entry: [...first.entry, ...second.entry] };
    expect(parseMetaWebhook(body).events.map((e) => e.platformMessageId)).toEqual([WAMID, 'wamid.2']);
  });

  it('takes the title of an interactive button or list reply, and of a template quick-reply button, as the text', () => {
    const context = { from: '15550783881', id: 'wamid.ASKED' };
    const body = envelope({
      contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
      messages: [
        {
          context,
          from: '16505551234',
          id: 'wamid.BTN',
          timestamp: '1749416383',
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'change-button', title: 'Change' } },
        },
        {
          context,
          from: '16505551234',
          id: 'wamid.LIST',
          timestamp: '1749416384',
          type: 'interactive',
          interactive: {
            type: 'list_reply',
            list_reply: { id: 'priority_express', title: 'Express', description: 'Next day' },
          },
        },
        {
          context,
          from: '16505551234',
          id: 'wamid.QR',
          timestamp: '1749416385',
          type: 'button',
          button: { payload: 'STOP_PROMOS', text: 'Stop promotions' },
        },
      ],
    });
    expect(parseMetaWebhook(body).events.map((e) => e.kind === 'message' && e.text)).toEqual([
      'Change',
      'Express',
      'Stop promotions',
    ]);
  });

  it('keeps photos, voice notes, documents, stickers, locations and contact cards as references, the caption as the words', () => {
    const from = '16505551234';
    const body = envelope({
      contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: from }],
      messages: [
        {
          from,
          id: 'wamid.IMG',
          timestamp: '1749416383',
          type: 'image',
          image: { caption: 'is this one in stock?', mime_type: 'image/jpeg', sha256: 'x', id: '1' },
        },
        {
          from,
          id: 'wamid.AUD',
          timestamp: '1749416383',
          type: 'audio',
          audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'x', id: '2', voice: true },
        },
        {
          from,
          id: 'wamid.DOC',
          timestamp: '1749416383',
          type: 'document',
          document: { filename: 'receipt.pdf', mime_type: 'application/pdf', sha256: 'x', id: '3' },
        },
        {
          from,
          id: 'wamid.STK',
          timestamp: '1749416383',
          type: 'sticker',
          sticker: { mime_type: 'image/webp', sha256: 'x', id: '4', animated: false },
        },
        {
          from,
          id: 'wamid.LOC',
          timestamp: '1749416383',
          type: 'location',
          location: { latitude: 5.6, longitude: -0.19, name: 'Osu Mall', address: 'Oxford St' },
        },
        {
          from,
          id: 'wamid.VCF',
          timestamp: '1749416383',
          type: 'contacts',
          contacts: [
            {
              name: { formatted_name: 'Kofi Mensah', first_name: 'Kofi' },
              phones: [{ phone: '+233 20 000 0000', type: 'CELL' }],
            },
          ],
        },
      ],
    });
    const { events, skipped } = parseMetaWebhook(body);
    expect(skipped).toEqual([]);
    expect(events.map((e) => (e.kind === 'message' ? [e.platformMessageId, e.text, e.media] : []))).toEqual([
      ['wamid.IMG', 'is this one in stock?', [{ type: 'image', id: '1', mime_type: 'image/jpeg' }]],
      ['wamid.AUD', '', [{ type: 'audio', id: '2', mime_type: 'audio/ogg; codecs=opus', voice: true }]],
      ['wamid.DOC', '', [{ type: 'document', id: '3', mime_type: 'application/pdf', filename: 'receipt.pdf' }]],
      ['wamid.STK', '', [{ type: 'sticker', id: '4', mime_type: 'image/webp' }]],
      [
        'wamid.LOC',
        '',
        [{ type: 'location', latitude: 5.6, longitude: -0.19, name: 'Osu Mall', address: 'Oxford St' }],
      ],
      ['wamid.VCF', '', [{ type: 'contacts', contacts: [{ name: 'Kofi Mensah', phones: ['+233 20 000 0000'] }] }]],
    ]);
  });

  it('skips a media message whose media is not an object, naming the field', () => {
    const body = envelope({
      messages: [{ from: '16505551234', id: 'wamid.BAD', timestamp: '1749416383', type: 'image', image: 'nope' }],
    });
    expect(parseMetaWebhook(body).skipped).toEqual([
      {
        reason: 'malformed',
        detail: 'whatsapp message "wamid.BAD": entry[0].changes[0].value.messages[0].image must be an object',
      },
    ]);
  });

  it('skips reactions, system messages, unsupported messages and other interactive replies as unsupported', () => {
    const from = '16505551234';
    const body = envelope({
      contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: from }],
      messages: [
        {
          from,
          id: 'wamid.REACT',
          timestamp: '1749416383',
          type: 'reaction',
          reaction: { message_id: 'wamid.OURS', emoji: '\u{1F44D}' },
        },
        {
          from,
          id: 'wamid.SYS',
          timestamp: '1749416383',
          type: 'system',
          system: { body: 'User changed number', type: 'user_changed_number' },
        },
        {
          from,
          id: 'wamid.NFM',
          timestamp: '1749416383',
          type: 'interactive',
          interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{}' } },
        },
        {
          from,
          id: 'wamid.UNS',
          timestamp: '1749416383',
          type: 'unsupported',
          errors: [
            {
              code: 131051,
              title: 'Message type unknown',
              message: 'Message type unknown',
              error_data: { details: 'Message type is currently not supported.' },
            },
          ],
        },
      ],
    });
    const { events, skipped } = parseMetaWebhook(body);
    expect(events).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual(Array(4).fill('unsupported_type'));
    expect(skipped[0]!.detail).toBe('whatsapp message "wamid.REACT" of type "reaction"');
  });

  it('skips group messages and whitespace-only texts', () => {
    const body = envelope({
      contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
      messages: [
        {
          from: '16505551234',
          group_id: 'GROUP-1',
          id: 'wamid.G',
          timestamp: '1749416383',
          type: 'text',
          text: { body: 'hi all' },
        },
        { from: '16505551234', id: 'wamid.E', timestamp: '1749416383', type: 'text', text: { body: '  \n ' } },
      ],
    });
    expect(parseMetaWebhook(body)).toEqual({
      events: [],
      skipped: [
        { reason: 'unsupported_type', detail: 'whatsapp group message "wamid.G"' },
        { reason: 'empty', detail: 'whatsapp message "wamid.E" has no text' },
      ],
    });
  });

  it('skips changes of other fields', () => {
    const body = envelope({ event: 'APPROVED', message_template_id: 12345678 }, 'message_template_status_update');
    expect(parseMetaWebhook(body)).toEqual({
      events: [],
      skipped: [{ reason: 'unsupported_type', detail: 'whatsapp field "message_template_status_update"' }],
    });
  });

  it('skips the errors-only variant and values without messages or statuses', () => {
    const errorsOnly = envelope({
      errors: [
        {
          code: 130429,
          title: 'Rate limit hit',
          message: 'Rate limit hit',
          error_data: { details: 'Cloud API message throughput has been reached.' },
        },
      ],
    });
    expect(parseMetaWebhook(errorsOnly).skipped).toEqual([
      { reason: 'unsupported_type', detail: 'entry[0].changes[0].value reports errors only' },
    ]);
    expect(parseMetaWebhook(envelope({})).skipped).toEqual([
      { reason: 'empty', detail: 'entry[0].changes[0].value has no messages or statuses' },
    ]);
    expect(parseMetaWebhook({ object: 'whatsapp_business_account', entry: [] })).toEqual({
      events: [],
      skipped: [{ reason: 'empty', detail: 'whatsapp payload without entries' }],
    });
  });

  it('truncates a text longer than the limit', () => {
    const long = `${'\u{1F600}'.repeat(MAX_TEXT_LENGTH - 1)}abc`;
    const body = documentedText();
    body.entry[0].changes[0].value.messages[0].text.body = long;
    const [event] = parseMetaWebhook(body).events;
    const text = event!.kind === 'message' ? event!.text : '';
    expect([...text]).toHaveLength(MAX_TEXT_LENGTH);
    expect(text.endsWith('\u{1F600}a')).toBe(true);
  });

  it('keeps a text Postgres could not store, cleaned: NUL dropped, a lone surrogate replaced', () => {
    const body = documentedText();
    body.entry[0].changes[0].value.messages[0].text.body = 'Blue\u0000 or \ud83d red?';
    body.entry[0].changes[0].value.contacts[0].profile.name = 'Sheena\u0000';
    const [event] = parseMetaWebhook(body).events;
    expect(event).toMatchObject({ text: 'Blue or \ufffd red?', sender: { id: '16505551234', name: 'Sheena' } });
  });

  it('skips a message whose id Postgres could not store, naming the field', () => {
    const body = documentedText();
    body.entry[0].changes[0].value.messages[0].id = 'wamid.\u0000';
    expect(parseMetaWebhook(body).skipped).toEqual([
      {
        reason: 'malformed',
        detail:
          'whatsapp message "wamid.\\u0000": entry[0].changes[0].value.messages[0].id contains a character that cannot be stored',
      },
    ]);
  });
});

describe('parseMetaWebhook: WhatsApp business-scoped user ids', () => {
  it('keys a username-only user (no phone number) on the BSUID, with no phone', () => {
    const body = envelope({
      contacts: [{ profile: { name: 'Maria', username: '@maria.lopez' }, user_id: 'US.13491208655302741918' }],
      messages: [
        {
          from_user_id: 'US.13491208655302741918',
          id: 'wamid.U',
          timestamp: '1775000000',
          type: 'text',
          text: { body: 'Hola' },
        },
      ],
    });
    const [event] = parseMetaWebhook(body).events;
    expect(event).toMatchObject({ businessAccountId: PHONE_NUMBER_ID, platformMessageId: 'wamid.U', text: 'Hola' });
    expect(event!.kind === 'message' && event!.sender).toStrictEqual({ id: 'US.13491208655302741918', name: 'Maria' });
  });

  it('accepts the BSUID as the message user_id, and from the only contact when the message carries none', () => {
    const viaUserId = envelope({
      contacts: [{ profile: { name: 'Maria' }, user_id: 'BR.1502576394655843' }],
      messages: [
        { user_id: 'BR.1502576394655843', id: 'wamid.V', timestamp: '1775000000', type: 'text', text: { body: 'Oi' } },
      ],
    });
    const viaContact = envelope({
      contacts: [{ profile: { name: 'Maria' }, user_id: 'BR.1502576394655843' }],
      messages: [{ id: 'wamid.W', timestamp: '1775000000', type: 'text', text: { body: 'Oi' } }],
    });
    for (const body of [viaUserId, viaContact]) {
      const [event] = parseMetaWebhook(body).events;
      expect(event!.kind === 'message' && event!.sender).toStrictEqual({ id: 'BR.1502576394655843', name: 'Maria' });
    }
  });

  it('prefers the phone number when both are present', () => {
    const body = envelope({
      contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234', user_id: 'US.13491208655302741918' }],
      messages: [
        {
          from: '16505551234',
          from_user_id: 'US.13491208655302741918',
          id: WAMID,
          timestamp: '1749416383',
          type: 'text',
          text: { body: 'Hi' },
        },
      ],
    });
    const [event] = parseMetaWebhook(body).events;
    expect(event!.kind === 'message' && event!.sender).toStrictEqual({
      id: '16505551234',
      name: 'Sheena Nelson',
      phone: '+16505551234',
    });
  });

  it('skips a message that names no sender at all', () => {
    const body = envelope({
      messages: [{ id: 'wamid.X', timestamp: '1749416383', type: 'text', text: { body: 'Hi' } }],
    });
    expect(parseMetaWebhook(body).skipped).toEqual([
      {
        reason: 'malformed',
        detail:
          'whatsapp message "wamid.X": entry[0].changes[0].value.messages[0].from is missing, and no business-scoped user id either',
      },
    ]);
  });
});

describe('parseMetaWebhook: WhatsApp statuses', () => {
  const status = (id: string, value: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
    id,
    status: value,
    timestamp,
    recipient_id: '16505551234',
    ...extra,
  });

  it('reads statuses as they come, out of order included', () => {
    const body = envelope({
      statuses: [
        status('wamid.OUT1', 'read', '1749416500'),
        status('wamid.OUT1', 'delivered', '1749416450', {
          conversation: { id: 'CONVERSATION_ID', origin: { type: 'service' } },
          pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
        }),
        status('wamid.OUT1', 'sent', '1749416400'),
      ],
    });
    expect(parseMetaWebhook(body)).toStrictEqual({
      events: [
        {
          kind: 'status',
          channel: 'whatsapp',
          businessAccountId: PHONE_NUMBER_ID,
          platformMessageId: 'wamid.OUT1',
          status: 'read',
          at: '2025-06-08T21:01:40.000Z',
        },
        {
          kind: 'status',
          channel: 'whatsapp',
          businessAccountId: PHONE_NUMBER_ID,
          platformMessageId: 'wamid.OUT1',
          status: 'delivered',
          at: '2025-06-08T21:00:50.000Z',
        },
        {
          kind: 'status',
          channel: 'whatsapp',
          businessAccountId: PHONE_NUMBER_ID,
          platformMessageId: 'wamid.OUT1',
          status: 'sent',
          at: '2025-06-08T21:00:00.000Z',
        },
      ],
      skipped: [],
    });
  });

  it('gives a failure its reason from errors[0]', () => {
    const failed = (error: Record<string, unknown>) =>
      parseMetaWebhook(envelope({ statuses: [status('wamid.OUT2', 'failed', '1749416400', { errors: [error] })] }))
        .events[0];
    expect(
      failed({
        code: 131047,
        title: 'Re-engagement message',
        message: 'Re-engagement message',
        error_data: {
          details:
            'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        },
        href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
      }),
    ).toMatchObject({ status: 'failed', error: 'Re-engagement message (code 131047)' });
    expect(
      failed({
        code: 131026,
        title: 'Message undeliverable',
        message: 'Receiver is incapable of receiving this message',
      }),
    ).toMatchObject({
      error: 'Message undeliverable: Receiver is incapable of receiving this message (code 131026)',
    });
    const withoutErrors = parseMetaWebhook(envelope({ statuses: [status('wamid.OUT3', 'failed', '1749416400')] }))
      .events[0];
    expect(withoutErrors).not.toHaveProperty('error');
  });

  it('skips statuses the engine does not track (a voice message played)', () => {
    const body = envelope({ statuses: [status('wamid.VOICE', 'played', '1749416400')] });
    expect(parseMetaWebhook(body)).toEqual({
      events: [],
      skipped: [{ reason: 'unsupported_type', detail: 'whatsapp status "played" of "wamid.VOICE"' }],
    });
  });

  it('reads messages and statuses of one value together', () => {
    const body = documentedText();
    body.entry[0].changes[0].value.statuses = [status('wamid.OUT4', 'delivered', '1749416400')];
    expect(parseMetaWebhook(body).events.map((e) => e.kind)).toEqual(['message', 'status']);
  });
});

describe('parseMetaWebhook: malformed WhatsApp payloads', () => {
  const message0 = (b: Doc): Doc => b.entry[0].changes[0].value.messages[0];
  const cases: [string, (body: Doc) => void, string][] = [
    [
      'phone_number_id missing',
      (b) => delete b.entry[0].changes[0].value.metadata.phone_number_id,
      'entry[0].changes[0].value.metadata.phone_number_id is missing',
    ],
    [
      'metadata missing',
      (b) => delete b.entry[0].changes[0].value.metadata,
      'entry[0].changes[0].value.metadata is missing',
    ],
    ['changes not an array', (b) => (b.entry[0].changes = {}), 'entry[0].changes must be an array'],
    ['field missing', (b) => delete b.entry[0].changes[0].field, 'entry[0].changes[0].field is missing'],
    [
      'messages not an array',
      (b) => (b.entry[0].changes[0].value.messages = 'hi'),
      'entry[0].changes[0].value.messages must be an array',
    ],
    ['message id missing', (b) => delete message0(b).id, 'entry[0].changes[0].value.messages[0].id is missing'],
    [
      'text body not a string',
      (b) => (message0(b).text.body = 42),
      'entry[0].changes[0].value.messages[0].text.body must be a string',
    ],
    ['text object missing', (b) => delete message0(b).text, 'entry[0].changes[0].value.messages[0].text is missing'],
    [
      'timestamp garbled',
      (b) => (message0(b).timestamp = 'yesterday'),
      'entry[0].changes[0].value.messages[0].timestamp must be an epoch timestamp',
    ],
    [
      'timestamp out of range',
      (b) => (message0(b).timestamp = '9999999999999999'),
      'entry[0].changes[0].value.messages[0].timestamp is out of range',
    ],
    [
      'from not a string',
      (b) => (message0(b).from = 16505551234),
      'entry[0].changes[0].value.messages[0].from must be a string',
    ],
  ];

  it.each(cases)('%s: skipped as malformed, naming the field', (_name, mutate, message) => {
    const body = documentedText();
    mutate(body);
    const parsed = parseMetaWebhook(body);
    expect(parsed.events).toEqual([]);
    expect(parsed.skipped).toEqual([{ reason: 'malformed', detail: expect.stringContaining(message) }]);
  });

  it('names the message by its id when it has one', () => {
    const body = documentedText();
    message0(body).timestamp = 'yesterday';
    expect(parseMetaWebhook(body).skipped[0]!.detail).toBe(
      `whatsapp message "${WAMID}": entry[0].changes[0].value.messages[0].timestamp must be an epoch timestamp`,
    );
  });

  it('refuses a payload without entries: it is not a delivery', () => {
    const body = documentedText();
    delete body.entry;
    expect(errorOf(() => parseMetaWebhook(body)).message).toBe('entry is missing');
  });

  it('skips a status without id or with an invalid timestamp', () => {
    expect(parseMetaWebhook(envelope({ statuses: [{ status: 'sent', timestamp: '1' }] })).skipped).toEqual([
      { reason: 'malformed', detail: 'whatsapp status: entry[0].changes[0].value.statuses[0].id is missing' },
    ]);
    expect(parseMetaWebhook(envelope({ statuses: [{ id: 'w', status: 'sent', timestamp: -5 }] })).skipped).toEqual([
      {
        reason: 'malformed',
        detail: 'whatsapp status "w": entry[0].changes[0].value.statuses[0].timestamp must be an epoch timestamp',
      },
    ]);
  });

  it('reads every other message, status and change of a batch around a malformed one', () => {
    const good = (id: string) => ({
      from: '16505551234',
      id,
      timestamp: '1749416383',
      type: 'text',
      text: { body: id },
    });
    const value = (messages: unknown[]) => ({
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
      messages,
    });
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA_ID,
          changes: [
            { field: 'messages', value: value([good('wamid.A'), { id: 'wamid.BAD', type: 'text' }, good('wamid.B')]) },
            { field: 'messages', value: { messaging_product: 'whatsapp', messages: [good('wamid.LOST')] } },
            {
              field: 'messages',
              value: { ...value([]), statuses: [{ id: 'wamid.OUT', status: 'read', timestamp: '1749416400' }] },
            },
          ],
        },
        'not an entry',
        { id: WABA_ID, changes: [{ field: 'messages', value: value([good('wamid.C')]) }] },
      ],
    };
    const parsed = parseMetaWebhook(body);
    expect(parsed.events.map((e) => e.platformMessageId)).toEqual(['wamid.A', 'wamid.B', 'wamid.OUT', 'wamid.C']);
    expect(parsed.skipped).toEqual([
      {
        reason: 'malformed',
        detail: 'whatsapp message "wamid.BAD": entry[0].changes[0].value.messages[1].text is missing',
      },
      {
        reason: 'malformed',
        detail: 'whatsapp entry[0].changes[1]: entry[0].changes[1].value.metadata is missing',
      },
      { reason: 'malformed', detail: 'whatsapp entry[1]: entry[1] must be an object' },
    ]);
  });
});

describe('parseMetaWebhook: WhatsApp limits', () => {
  it('counts skipped changes against the event budget', () => {
    const change = { field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } };
    const entry = (n: number) => ({ id: WABA_ID, changes: Array.from({ length: n }, () => change) });
    const within = { object: 'whatsapp_business_account', entry: [entry(600), entry(400)] };
    expect(parseMetaWebhook(within).skipped).toHaveLength(1000);
    const over = { object: 'whatsapp_business_account', entry: [entry(600), entry(401)] };
    expect(errorOf(() => parseMetaWebhook(over)).message).toBe(
      'payload carries more than 1000 events (at entry[1].changes[400])',
    );
  });
});
