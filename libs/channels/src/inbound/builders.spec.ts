import { describe, expect, it } from 'vitest';
import {
  instagramEcho,
  instagramTextMessage,
  messengerEcho,
  messengerTextMessage,
  metaJson,
  signMeta,
  signX,
  whatsappStatus,
  whatsappTextMessage,
  xCrcAnswer,
  xDirectMessage,
} from '../../../../test/support/platform-webhooks.js';
import { parseMetaWebhook } from '../adapters/meta/meta-webhook.js';
import { verifyMetaSignature } from '../adapters/meta/meta-signature.js';
import { verifyXSignature, xCrcResponse } from '../adapters/x/x-signature.js';
import { parseXWebhook } from '../adapters/x/x-webhook.js';

/** The test-support builders produce what the platforms send: it parses, and their signatures verify. */
const APP_SECRET = 'builder-app-secret';
const CONSUMER_SECRET = 'builder-consumer-secret';

function metaRoundTrip(body: string) {
  const { 'x-hub-signature-256': signature } = signMeta(body, APP_SECRET);
  expect(verifyMetaSignature(Buffer.from(body, 'utf8'), signature, APP_SECRET)).toBe(true);
  expect(verifyMetaSignature(Buffer.from(body, 'utf8'), signature, 'another-secret')).toBe(false);
  return parseMetaWebhook(JSON.parse(body));
}

describe('test/support/platform-webhooks', () => {
  it('whatsappTextMessage: a signed, documented text message', () => {
    const body = whatsappTextMessage({
      phoneNumberId: '106540352242922',
      from: '16505551234',
      name: 'Sheena Nelson',
      text: 'Does it come in another color?',
      wamid: 'wamid.TEST1',
      timestamp: 1749416383,
    });
    expect(JSON.parse(body)).toMatchObject({
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            {
              field: 'messages',
              value: { messaging_product: 'whatsapp', metadata: { display_phone_number: expect.any(String) } },
            },
          ],
        },
      ],
    });
    expect(metaRoundTrip(body)).toStrictEqual({
      events: [
        {
          kind: 'message',
          channel: 'whatsapp',
          businessAccountId: '106540352242922',
          platformMessageId: 'wamid.TEST1',
          sender: { id: '16505551234', name: 'Sheena Nelson', phone: '+16505551234' },
          text: 'Does it come in another color?',
          sentAt: '2025-06-08T20:59:43.000Z',
        },
      ],
      skipped: [],
    });
  });

  it("whatsappTextMessage: non-ASCII text is sent and signed in Meta's escaped form", () => {
    const body = whatsappTextMessage({
      phoneNumberId: '1',
      from: '233201234567',
      name: 'Kwabena Ɔsei',
      text: '¿Tienen envío? 🙂',
    });
    // eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
    expect(body).not.toMatch(/[^\x00-\x7f]/);
    expect(body).toContain('\\u00bfTienen env\\u00edo? \\ud83d\\ude42');
    const [event] = metaRoundTrip(body).events;
    expect(event).toMatchObject({ text: '¿Tienen envío? 🙂', sender: { name: 'Kwabena Ɔsei' } });
    expect(metaJson({ a: 'é' })).toBe('{"a":"\\u00e9"}');
  });

  it('whatsappTextMessage: a username-only user, with a business-scoped id and no phone number', () => {
    const body = whatsappTextMessage({
      phoneNumberId: '1',
      userId: 'US.13491208655302741918',
      name: 'Maria',
      text: 'Hola',
    });
    const message = JSON.parse(body).entry[0].changes[0].value.messages[0];
    expect(message).not.toHaveProperty('from');
    const [event] = metaRoundTrip(body).events;
    expect(event!.kind === 'message' && event!.sender).toStrictEqual({ id: 'US.13491208655302741918', name: 'Maria' });
    expect(() => whatsappTextMessage({ phoneNumberId: '1', text: 'x' })).toThrow();
  });

  it('whatsappStatus: every status, failed ones with their error', () => {
    for (const status of ['sent', 'delivered', 'read', 'failed'] as const) {
      const body = whatsappStatus({
        phoneNumberId: '106540352242922',
        wamid: 'wamid.OUT',
        status,
        recipientId: '16505551234',
        timestamp: 1749416400,
      });
      const [event] = metaRoundTrip(body).events;
      expect(event).toMatchObject({
        kind: 'status',
        channel: 'whatsapp',
        businessAccountId: '106540352242922',
        platformMessageId: 'wamid.OUT',
        status,
      });
      if (status === 'failed') expect(event).toMatchObject({ error: 'Message undeliverable (code 131026)' });
    }
  });

  it('messengerTextMessage and messengerEcho', () => {
    const body = messengerTextMessage({
      pageId: '104501215577894',
      psid: '6885433241504917',
      text: 'Hi there',
      mid: 'm_T1',
    });
    expect(metaRoundTrip(body).events).toEqual([
      expect.objectContaining({
        channel: 'facebook',
        businessAccountId: '104501215577894',
        platformMessageId: 'm_T1',
        sender: { id: '6885433241504917' },
        text: 'Hi there',
      }),
    ]);
    const echo = messengerEcho({ pageId: '104501215577894', psid: '6885433241504917', text: 'Hello!' });
    expect(metaRoundTrip(echo)).toEqual({ events: [], skipped: [expect.objectContaining({ reason: 'echo' })] });
  });

  it('instagramTextMessage and instagramEcho', () => {
    const body = instagramTextMessage({
      igAccountId: '17841405822304914',
      igsid: '1022334455667788',
      text: 'In stock?',
    });
    const [event] = metaRoundTrip(body).events;
    expect(event).toMatchObject({
      channel: 'instagram',
      businessAccountId: '17841405822304914',
      sender: { id: '1022334455667788' },
      text: 'In stock?',
    });
    expect(event!.platformMessageId).toMatch(/^m_/);
    const echo = instagramEcho({ igAccountId: '17841405822304914', igsid: '1022334455667788', text: 'Yes' });
    expect(metaRoundTrip(echo).skipped).toEqual([expect.objectContaining({ reason: 'echo' })]);
  });

  it('generated ids differ between calls', () => {
    const ids = new Set(
      Array.from(
        { length: 5 },
        () =>
          parseMetaWebhook(JSON.parse(messengerTextMessage({ pageId: '1', psid: '2', text: 'x' }))).events[0]!
            .platformMessageId,
      ),
    );
    expect(ids.size).toBe(5);
  });

  it("xDirectMessage: a signed DM, and the account's own DM", () => {
    const body = xDirectMessage({
      forUserId: '3805104374',
      senderId: '1234858592',
      text: '¿Abren el domingo?',
      id: '1234858589',
      name: 'Jordan Brinks',
    });
    const { 'x-twitter-webhooks-signature': signature } = signX(body, CONSUMER_SECRET);
    expect(verifyXSignature(Buffer.from(body, 'utf8'), signature, CONSUMER_SECRET)).toBe(true);
    expect(verifyXSignature(Buffer.from(body, 'utf8'), signature, 'wrong')).toBe(false);
    expect(parseXWebhook(JSON.parse(body)).events).toEqual([
      expect.objectContaining({
        channel: 'twitter',
        businessAccountId: '3805104374',
        platformMessageId: '1234858589',
        sender: { id: '1234858592', name: 'Jordan Brinks' },
        text: '¿Abren el domingo?',
      }),
    ]);
    const own = xDirectMessage({ forUserId: '3805104374', senderId: '3805104374', text: 'Thanks for reaching out' });
    expect(parseXWebhook(JSON.parse(own))).toEqual({
      events: [],
      skipped: [expect.objectContaining({ reason: 'own_message' })],
    });
  });

  it("xCrcAnswer agrees with the engine's xCrcResponse", () => {
    expect(xCrcAnswer('crc-token-1', CONSUMER_SECRET)).toEqual(xCrcResponse('crc-token-1', CONSUMER_SECRET));
  });
});
