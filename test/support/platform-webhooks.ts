import { createHmac, randomBytes, randomInt } from 'node:crypto';

/**
 * Realistic platform webhook deliveries for integration and end-to-end tests: the payloads Meta (WhatsApp Cloud API,
 * Messenger, Instagram) and X (Account Activity) send, in their documented shapes, and the headers that sign them.
 *
 * Every builder returns the body as the exact string to send, so that a signature computed over it (signMeta,
 * signX) matches the bytes on the wire. Meta bodies are serialised the way Meta sends them, with every non-ASCII
 * character escaped (`"caf\u00e9"`), which is also what Meta signs. The signatures are computed here with node:crypto,
 * independently of the engine's own code. Nothing here depends on a test runner.
 */

// ------------------------------------------------------------------------------------------------- serialisation

/**
 * JSON as Meta writes it: non-ASCII characters as \uXXXX escapes (UTF-16 units, so an emoji becomes two escapes)
 * and `/` as `\/`. The parsed value is unchanged; only the bytes, and so the signature, differ from JSON.stringify.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The `X-Hub-Signature-256` header Meta sends with `body`: sha256=<hex HMAC-SHA256(app secret, body bytes)>. */
export function signMeta(body: string, appSecret: string): { 'x-hub-signature-256': string } {
  return { 'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(body, 'utf8').digest('hex')}` };
}

/** The header X sends with `body`: sha256=<base64 HMAC-SHA256(consumer secret, body bytes)>. */
export function signX(body: string, consumerSecret: string): { 'x-twitter-webhooks-signature': string } {
  return {
    'x-twitter-webhooks-signature': `sha256=${createHmac('sha256', consumerSecret).update(body, 'utf8').digest('base64')}`,
  };
}

/** X's answer to a CRC `GET ?crc_token=T`, as the engine must compute it. */
export function xCrcAnswer(crcToken: string, consumerSecret: string): { response_token: string } {
  return { response_token: `sha256=${createHmac('sha256', consumerSecret).update(crcToken).digest('base64')}` };
}

// ------------------------------------------------------------------------------------------------------ defaults

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const digits = (n: number): string =>
  Array.from({ length: n }, (_, i) => String(i === 0 ? randomInt(1, 10) : randomInt(0, 10))).join('');

/** A WhatsApp message id as the Cloud API makes them: `wamid.` and base64. */
export function newWamid(): string {
  return `wamid.${randomBytes(30).toString('base64')}`;
}

/** A Messenger / Instagram message id. */
export function newMid(): string {
  return `m_${randomBytes(24).toString('base64url')}`;
}

/** An X id (a snowflake-sized decimal string). */
export function newXId(): string {
  return digits(19);
}

// ------------------------------------------------------------------------------------------------------ WhatsApp

export interface WhatsAppEnvelope {
  /** The business phone number id (routes the message): `value.metadata.phone_number_id`. */
  phoneNumberId: string;
  /** `value.metadata.display_phone_number`, digits only. */
  displayPhoneNumber?: string;
  /** The WhatsApp Business Account id: `entry[0].id`. */
  wabaId?: string;
}

function whatsappEnvelope(env: WhatsAppEnvelope, value: Record<string, unknown>): string {
  return metaJson({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: env.wabaId ?? '102290129340398',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: env.displayPhoneNumber ?? '15550783881',
                phone_number_id: env.phoneNumberId,
              },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  });
}

export interface WhatsAppTextMessage extends WhatsAppEnvelope {
  /** The customer's phone number, digits only (the wa_id). Omit it for a username-only user (then give userId). */
  from?: string;
  /** The profile name in `contacts[0].profile.name`. */
  name?: string;
  text: string;
  wamid?: string;
  /** Epoch seconds (the builder writes it as a string, as WhatsApp does). Defaults to now. */
  timestamp?: number;
  /**
   * The business-scoped user id (BSUID, e.g. `US.13491208655302741918`), sent since 2026 as the message's
   * `from_user_id` and the contact's `user_id`.
   */
  userId?: string;
}

/** A customer's text message to the business number. */
export function whatsappTextMessage(m: WhatsAppTextMessage): string {
  if (m.from === undefined && m.userId === undefined) throw new Error('whatsappTextMessage needs from or userId');
  const contact: Record<string, unknown> = { profile: { name: m.name ?? 'Sheena Nelson' } };
  if (m.from !== undefined) contact.wa_id = m.from;
  if (m.userId !== undefined) contact.user_id = m.userId;
  const message: Record<string, unknown> = {};
  if (m.from !== undefined) message.from = m.from;
  if (m.userId !== undefined) message.from_user_id = m.userId;
  Object.assign(message, {
    id: m.wamid ?? newWamid(),
    timestamp: String(m.timestamp ?? nowSeconds()),
    type: 'text',
    text: { body: m.text },
  });
  return whatsappEnvelope(m, { contacts: [contact], messages: [message] });
}

export interface WhatsAppMediaMessage extends WhatsAppEnvelope {
  from: string;
  /**
   * `image`, `audio`, `video`, `document`, `sticker`, `location` or `contacts`, with its object as WhatsApp sends it.
   */
  type: string;
  content: unknown;
  wamid?: string;
}

/** A customer's photo, voice note, document, sticker, location or contact card to the business number. */
export function whatsappMediaMessage(m: WhatsAppMediaMessage): string {
  return whatsappEnvelope(m, {
    contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: m.from }],
    messages: [
      { from: m.from, id: m.wamid ?? newWamid(), timestamp: String(nowSeconds()), type: m.type, [m.type]: m.content },
    ],
  });
}

export type WhatsAppStatusValue = 'sent' | 'delivered' | 'read' | 'failed';

export interface WhatsAppStatus extends WhatsAppEnvelope {
  /** The id the Cloud API gave our outbound message. */
  wamid: string;
  status: WhatsAppStatusValue;
  /** The customer's phone number, digits only. */
  recipientId: string;
  timestamp?: number;
}

/** A delivery status of a message the business sent (failed ones carry Meta's error object). */
export function whatsappStatus(s: WhatsAppStatus): string {
  const status: Record<string, unknown> = {
    id: s.wamid,
    status: s.status,
    timestamp: String(s.timestamp ?? nowSeconds()),
    recipient_id: s.recipientId,
  };
  if (s.status === 'failed') {
    status.errors = [
      {
        code: 131026,
        title: 'Message undeliverable',
        message: 'Message undeliverable',
        error_data: { details: 'Message Undeliverable.' },
        href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
      },
    ];
  } else if (s.status !== 'read') {
    status.conversation = { id: randomBytes(16).toString('hex'), origin: { type: 'service' } };
    status.pricing = { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' };
  }
  return whatsappEnvelope(s, { statuses: [status] });
}

// -------------------------------------------------------------------------------------------- Messenger, Instagram

function messagingEnvelope(object: 'page' | 'instagram', accountId: string, item: Record<string, unknown>): string {
  return metaJson({ object, entry: [{ id: accountId, time: Date.now(), messaging: [item] }] });
}

export interface MessengerTextMessage {
  pageId: string;
  /** The customer's page-scoped id. */
  psid: string;
  text: string;
  mid?: string;
  /** Epoch milliseconds. Defaults to now. */
  timestamp?: number;
}

/** A customer's text message to a Facebook Page. */
export function messengerTextMessage(m: MessengerTextMessage): string {
  return messagingEnvelope('page', m.pageId, {
    sender: { id: m.psid },
    recipient: { id: m.pageId },
    timestamp: m.timestamp ?? Date.now(),
    message: { mid: m.mid ?? newMid(), text: m.text },
  });
}

/** A customer's attachments (photos, a location...) to a Facebook Page, with no text. */
export function messengerAttachments(m: Omit<MessengerTextMessage, 'text'> & { attachments: unknown[] }): string {
  return messagingEnvelope('page', m.pageId, {
    sender: { id: m.psid },
    recipient: { id: m.pageId },
    timestamp: m.timestamp ?? Date.now(),
    message: { mid: m.mid ?? newMid(), attachments: m.attachments },
  });
}

export interface MessengerEcho extends MessengerTextMessage {
  /** The app that sent the message. */
  appId?: number;
}

/** The echo of a message the Page itself sent to the customer (sender and recipient swapped, is_echo true). */
export function messengerEcho(m: MessengerEcho): string {
  return messagingEnvelope('page', m.pageId, {
    sender: { id: m.pageId },
    recipient: { id: m.psid },
    timestamp: m.timestamp ?? Date.now(),
    message: { is_echo: true, app_id: m.appId ?? 1517776481860111, mid: m.mid ?? newMid(), text: m.text },
  });
}

export interface InstagramTextMessage {
  /** The business's Instagram professional account id. */
  igAccountId: string;
  /** The customer's Instagram-scoped id. */
  igsid: string;
  text: string;
  mid?: string;
  /** Epoch milliseconds. Defaults to now. */
  timestamp?: number;
}

/** A customer's Instagram direct message to the business account. */
export function instagramTextMessage(m: InstagramTextMessage): string {
  return messagingEnvelope('instagram', m.igAccountId, {
    sender: { id: m.igsid },
    recipient: { id: m.igAccountId },
    timestamp: m.timestamp ?? Date.now(),
    message: { mid: m.mid ?? newMid(), text: m.text },
  });
}

/** The echo of a message the Instagram account itself sent. */
export function instagramEcho(m: InstagramTextMessage): string {
  return messagingEnvelope('instagram', m.igAccountId, {
    sender: { id: m.igAccountId },
    recipient: { id: m.igsid },
    timestamp: m.timestamp ?? Date.now(),
    message: { mid: m.mid ?? newMid(), text: m.text, is_echo: true },
  });
}

// ------------------------------------------------------------------------------------------------------------- X

export interface XDirectMessage {
  /** The subscribed (business) account. */
  forUserId: string;
  senderId: string;
  text: string;
  /** The DM event id. */
  id?: string;
  /** The sender's display name, in `users`. */
  name?: string;
  /** Who receives it; defaults to forUserId (or, for a DM the business sends, to a customer id). */
  recipientId?: string;
  /** Epoch milliseconds. Defaults to now. */
  createdTimestamp?: number;
}

function xUser(id: string, name: string): Record<string, unknown> {
  const screenName = name.replace(/[^A-Za-z0-9_]/g, '').slice(0, 15) || `user${id.slice(-6)}`;
  return {
    id,
    created_timestamp: '1422556069340',
    name,
    screen_name: screenName,
    location: '',
    description: '',
    protected: false,
    verified: false,
    followers_count: 22,
    friends_count: 45,
    statuses_count: 142,
    profile_image_url: 'http://pbs.twimg.com/profile_images/default_profile_normal.png',
    profile_image_url_https: 'https://pbs.twimg.com/profile_images/default_profile_normal.png',
  };
}

/** A direct message event delivered by the Account Activity API for the subscribed account forUserId. */
export function xDirectMessage(m: XDirectMessage): string {
  const recipientId = m.recipientId ?? (m.senderId === m.forUserId ? newXId() : m.forUserId);
  const senderName = m.name ?? 'Jordan Brinks';
  return JSON.stringify({
    for_user_id: m.forUserId,
    direct_message_events: [
      {
        type: 'message_create',
        id: m.id ?? newXId(),
        created_timestamp: String(m.createdTimestamp ?? Date.now()),
        message_create: {
          target: { recipient_id: recipientId },
          sender_id: m.senderId,
          message_data: {
            text: m.text,
            entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
          },
        },
      },
    ],
    users: {
      [m.senderId]: xUser(m.senderId, senderName),
      [recipientId]: xUser(recipientId, m.senderId === m.forUserId ? 'A Customer' : 'The Business'),
    },
  });
}
