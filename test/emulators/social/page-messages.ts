import { invalidPageParameter } from './graph-errors.js';

/** Messenger Send API: `message.text` "must be UTF-8 and has a 2000 character limit". */
export const MESSENGER_TEXT_MAX_CHARS = 2000;
/** Instagram messaging: text messages are limited to 1000 bytes of UTF-8. */
export const INSTAGRAM_TEXT_MAX_BYTES = 1000;

export const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] as const;

export interface PageText {
  recipientId: string;
  text: string;
}

/**
 * A text message as the Send API takes it on POST /{version}/{page-id | ig-id | me}/messages:
 * `{"recipient":{"id"},"messaging_type":"RESPONSE"|"UPDATE"|"MESSAGE_TAG","tag"?,"message":{"text"}}`.
 * Other recipients (user_ref, comment_id...) and attachments are real but not emulated, and are refused with a 400.
 */
export function validatePageText(body: any, platform: 'messenger' | 'instagram'): PageText {
  if (!isObject(body)) throw invalidPageParameter('The request body must be a JSON object');
  if (body.recipient === undefined) throw invalidPageParameter('The parameter recipient is required');
  const id = isObject(body.recipient) ? body.recipient.id : undefined;
  if ((typeof id !== 'string' || id.trim() === '') && typeof id !== 'number') {
    throw invalidPageParameter(
      'Param recipient[id] must be a non-empty string (the social emulator serves only recipient.id)',
    );
  }
  if (body.messaging_type === undefined) throw invalidPageParameter('The parameter messaging_type is required');
  if (!(MESSAGING_TYPES as readonly unknown[]).includes(body.messaging_type)) {
    throw invalidPageParameter(
      `Param messaging_type must be one of {${MESSAGING_TYPES.join(', ')}} - got "${String(body.messaging_type)}"`,
    );
  }
  if (body.messaging_type === 'MESSAGE_TAG' && (typeof body.tag !== 'string' || body.tag === '')) {
    throw invalidPageParameter('The parameter tag is required when messaging_type is MESSAGE_TAG');
  }
  if (body.message === undefined) throw invalidPageParameter('The parameter message is required');
  const text = isObject(body.message) ? body.message.text : undefined;
  if (typeof text !== 'string' || text.trim() === '') {
    throw invalidPageParameter(
      'Param message[text] must be a non-empty string (the social emulator serves only text messages)',
    );
  }
  if (platform === 'messenger' && [...text].length > MESSENGER_TEXT_MAX_CHARS) {
    throw invalidPageParameter(
      `Length of param message[text] must be less than or equal to ${MESSENGER_TEXT_MAX_CHARS}`,
    );
  }
  if (platform === 'instagram' && Buffer.byteLength(text, 'utf8') > INSTAGRAM_TEXT_MAX_BYTES) {
    throw invalidPageParameter(`Length of param message[text] must be at most ${INSTAGRAM_TEXT_MAX_BYTES} bytes`);
  }
  return { recipientId: String(id), text };
}

/** The 200 answer: `{"recipient_id","message_id"}`. */
export function pageAccepted(recipientId: string, messageId: string): unknown {
  return { recipient_id: recipientId, message_id: messageId };
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
