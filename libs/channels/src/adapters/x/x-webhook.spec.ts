import { describe, expect, it } from 'vitest';
import { WebhookPayloadError } from '../../inbound/errors.js';
import { MAX_EVENTS_PER_PAYLOAD } from '../../inbound/limits.js';
import { parseXWebhook } from './x-webhook.js';

/** Payloads follow X's Account Activity data objects and its Message Create Object example. */
const BUSINESS = '3805104374';
const CUSTOMER = '1234858592';

const dm = (id: string, sender: string, recipient: string, text: string, created = '1392078023603') => ({
  type: 'message_create',
  id,
  created_timestamp: created,
  message_create: {
    target: { recipient_id: recipient },
    sender_id: sender,
    source_app_id: '268278',
    message_data: { text, entities: { hashtags: [], symbols: [], urls: [], user_mentions: [] } },
  },
});

const users = {
  [CUSTOMER]: {
    id: CUSTOMER,
    created_timestamp: '1422556069340',
    name: 'Jordan Brinks',
    screen_name: 'furiouscamper',
    location: 'Boulder, CO',
    protected: false,
    verified: false,
    followers_count: 22,
    friends_count: 45,
    profile_image_url_https: 'https://pbs.twimg.com/profile_images/x_normal.jpg',
  },
  [BUSINESS]: { id: BUSINESS, created_timestamp: '1422556069340', name: 'Cozy Bedding', screen_name: 'cozybedding' },
};

function errorOf(run: () => unknown): WebhookPayloadError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(WebhookPayloadError);
    return err as WebhookPayloadError;
  }
  throw new Error('expected a WebhookPayloadError');
}

describe('parseXWebhook', () => {
  it('reads a direct message to the subscribed account', () => {
    const body = {
      for_user_id: BUSINESS,
      direct_message_events: [dm('1234858589', CUSTOMER, BUSINESS, 'Blue Bird')],
      users,
      apps: { '268278': { id: '268278', name: 'Twitter Web Client', url: 'http://twitter.com' } },
    };
    expect(parseXWebhook(body)).toStrictEqual({
      events: [
        {
          kind: 'message',
          channel: 'twitter',
          businessAccountId: BUSINESS,
          platformMessageId: '1234858589',
          sender: { id: CUSTOMER, name: 'Jordan Brinks' },
          text: 'Blue Bird',
          sentAt: '2014-02-11T00:20:23.603Z',
        },
      ],
      skipped: [],
    });
  });

  it('keeps an attached photo as a reference, without its t.co link in the words', () => {
    const withPhoto = dm('1234858590', CUSTOMER, BUSINESS, 'Does this come in blue? https://t.co/AbC123');
    withPhoto.message_create.message_data = {
      ...withPhoto.message_create.message_data,
      attachment: {
        type: 'media',
        media: {
          id_str: '9876543210',
          media_url_https: 'https://ton.twitter.com/1.1/ton/data/dm/x.jpg',
          type: 'photo',
          url: 'https://t.co/AbC123',
        },
      },
    } as never;
    const onlyPhoto = dm('1234858591', CUSTOMER, BUSINESS, 'https://t.co/XyZ789');
    onlyPhoto.message_create.message_data = {
      ...onlyPhoto.message_create.message_data,
      attachment: {
        type: 'media',
        media: {
          id_str: '555',
          media_url_https: 'https://ton.twitter.com/v.mp4',
          type: 'video',
          url: 'https://t.co/XyZ789',
        },
      },
    } as never;
    const { events, skipped } = parseXWebhook({
      for_user_id: BUSINESS,
      direct_message_events: [withPhoto, onlyPhoto],
      users,
    });
    expect(skipped).toEqual([]);
    expect(events.map((e) => (e.kind === 'message' ? [e.text, e.media] : []))).toEqual([
      [
        'Does this come in blue?',
        [{ type: 'image', id: '9876543210', url: 'https://ton.twitter.com/1.1/ton/data/dm/x.jpg' }],
      ],
      ['', [{ type: 'video', id: '555', url: 'https://ton.twitter.com/v.mp4' }]],
    ]);
  });

  it("skips the account's own messages", () => {
    const body = {
      for_user_id: BUSINESS,
      direct_message_events: [
        dm('1', BUSINESS, CUSTOMER, "What's your favorite type of bird?"),
        dm('2', CUSTOMER, BUSINESS, 'Blue Bird'),
      ],
      users,
    };
    expect(parseXWebhook(body)).toEqual({
      events: [expect.objectContaining({ platformMessageId: '2' })],
      skipped: [{ reason: 'own_message', detail: 'x direct message "1"' }],
    });
  });

  it('gives no events for other activities', () => {
    expect(
      parseXWebhook({ for_user_id: BUSINESS, favorite_events: [{ id: 'a', favorited_status: {}, user: {} }] }),
    ).toEqual({
      events: [],
      skipped: [{ reason: 'unsupported_type', detail: 'x "favorite_events"' }],
    });
    expect(parseXWebhook({ for_user_id: BUSINESS, tweet_create_events: [{}] }).skipped).toEqual([
      { reason: 'unsupported_type', detail: 'x "tweet_create_events"' },
    ]);
    expect(
      parseXWebhook({ for_user_id: BUSINESS, direct_message_indicate_typing_events: [{ sender_id: CUSTOMER }] }).events,
    ).toEqual([]);
  });

  it('skips other direct message event types and empty texts, and names nobody missing from users', () => {
    const body = {
      for_user_id: BUSINESS,
      direct_message_events: [
        { type: 'participants_join', id: 'p' },
        dm('3', CUSTOMER, BUSINESS, '  '),
        dm('4', '999', BUSINESS, 'hey'),
      ],
      users,
    };
    const { events, skipped } = parseXWebhook(body);
    expect(skipped).toEqual([
      { reason: 'unsupported_type', detail: 'x direct message event "participants_join"' },
      { reason: 'empty', detail: 'x direct message "3" has no text' },
    ]);
    expect(events).toEqual([expect.objectContaining({ platformMessageId: '4', sender: { id: '999' } })]);
  });

  it('never takes a name from the prototype of users', () => {
    const body = { for_user_id: BUSINESS, direct_message_events: [dm('5', 'constructor', BUSINESS, 'hi')], users: {} };
    expect(parseXWebhook(body).events[0]).toMatchObject({ sender: { id: 'constructor' } });
    expect((parseXWebhook(body).events[0] as { sender: object }).sender).not.toHaveProperty('name');
  });

  it('refuses a payload that is not an Account Activity delivery, naming the field', () => {
    const cases: [unknown, string][] = [
      [null, 'payload must be a JSON object'],
      [{ direct_message_events: [] }, 'for_user_id is missing'],
      [{ for_user_id: 3805104374, direct_message_events: [] }, 'for_user_id must be a string'],
      [{ for_user_id: BUSINESS, direct_message_events: {} }, 'direct_message_events must be an array'],
    ];
    for (const [body, message] of cases) expect(errorOf(() => parseXWebhook(body)).message).toBe(message);
  });

  it('skips a malformed direct message event, naming its id and the field, and reads the others', () => {
    const good = dm('9', CUSTOMER, BUSINESS, 'still here');
    const cases: [unknown, string][] = [
      [{ id: '1' }, 'x direct message event "1": direct_message_events[0].type is missing'],
      [
        { type: 'message_create', id: '1' },
        'x direct message event "1": direct_message_events[0].message_create is missing',
      ],
      [
        { ...dm('1', CUSTOMER, BUSINESS, 'x'), created_timestamp: 'soon' },
        'x direct message event "1": direct_message_events[0].created_timestamp must be an epoch timestamp',
      ],
      [
        { ...dm('1', CUSTOMER, BUSINESS, 'x'), message_create: { sender_id: CUSTOMER, message_data: { text: 'x' } } },
        'x direct message event "1": direct_message_events[0].message_create.target is missing',
      ],
      [
        {
          ...dm('1', CUSTOMER, BUSINESS, 'x'),
          message_create: { sender_id: CUSTOMER, target: { recipient_id: BUSINESS }, message_data: {} },
        },
        'x direct message event "1": direct_message_events[0].message_create.message_data.text is missing',
      ],
    ];
    for (const [bad, detail] of cases) {
      const parsed = parseXWebhook({ for_user_id: BUSINESS, direct_message_events: [bad, good] });
      expect(parsed.skipped).toEqual([{ reason: 'malformed', detail }]);
      expect(parsed.events.map((e) => e.platformMessageId)).toEqual(['9']);
    }
  });

  it('gives back the text X HTML-escaped: &amp;, &lt; and &gt; once, nothing else', () => {
    // As X delivers `Fish & chips <3 > pizza, and I typed &lt; myself`.
    const escaped = 'Fish &amp; chips &lt;3 &gt; pizza, and I typed &amp;lt; myself &quot;';
    const parsed = parseXWebhook({
      for_user_id: BUSINESS,
      direct_message_events: [dm('1', CUSTOMER, BUSINESS, escaped)],
    });
    expect(parsed.events[0]).toMatchObject({ text: 'Fish & chips <3 > pizza, and I typed &lt; myself &quot;' });
  });

  it('ignores a users map that is not one: names are optional', () => {
    const parsed = parseXWebhook({
      for_user_id: BUSINESS,
      direct_message_events: [dm('1', CUSTOMER, BUSINESS, 'x')],
      users: [],
    });
    expect(parsed.events).toHaveLength(1);
  });

  it(`refuses more than ${MAX_EVENTS_PER_PAYLOAD} events`, () => {
    const events = Array.from({ length: MAX_EVENTS_PER_PAYLOAD + 1 }, (_, i) => dm(String(i), CUSTOMER, BUSINESS, 'x'));
    expect(errorOf(() => parseXWebhook({ for_user_id: BUSINESS, direct_message_events: events })).message).toBe(
      `direct_message_events has more than ${MAX_EVENTS_PER_PAYLOAD} items`,
    );
  });
});
