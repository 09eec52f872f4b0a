import { invalidWhatsAppParameter } from './graph-errors.js';

/** WhatsApp's limit on a text message body (Cloud API messages reference: text.body, 4096 characters). */
export const WHATSAPP_TEXT_MAX = 4096;

export interface WhatsAppText {
  to: string;
  text: string;
}

/**
 * A text message as the Cloud API takes it on POST /{version}/{phone-number-id}/messages:
 * `{"messaging_product":"whatsapp","recipient_type":"individual"?,"to","type":"text"?,"text":{"body","preview_url"?}}`
 * (`type` defaults to text). Other message types are real but not emulated, and are refused with the same 400.
 */
export function validateWhatsAppText(body: any): WhatsAppText {
  if (!isObject(body)) throw invalidWhatsAppParameter('The request body must be a JSON object.');
  if (body.messaging_product === undefined)
    throw invalidWhatsAppParameter('The parameter messaging_product is required.');
  if (body.messaging_product !== 'whatsapp')
    throw invalidWhatsAppParameter("Param messaging_product must be 'whatsapp'.");
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual' && body.recipient_type !== 'group') {
    throw invalidWhatsAppParameter('Param recipient_type must be one of {individual, group}.');
  }
  if (body.to === undefined) throw invalidWhatsAppParameter('The parameter to is required.');
  if (typeof body.to !== 'string' || !/\d/.test(body.to))
    throw invalidWhatsAppParameter('Param to must be a phone number or WhatsApp ID.');
  const type = body.type ?? 'text';
  if (type !== 'text')
    throw invalidWhatsAppParameter(
      `Param type '${String(type)}' is not emulated: the social emulator sends only type 'text'.`,
    );
  if (!isObject(body.text)) throw invalidWhatsAppParameter('The parameter text is required.');
  const text = body.text.body;
  if (text === undefined) throw invalidWhatsAppParameter("The parameter text['body'] is required.");
  if (typeof text !== 'string' || text.trim() === '')
    throw invalidWhatsAppParameter("Param text['body'] must be a non-empty string.");
  if ([...text].length > WHATSAPP_TEXT_MAX)
    throw invalidWhatsAppParameter(`Param text['body'] must be at most ${WHATSAPP_TEXT_MAX} characters long.`);
  if (body.text.preview_url !== undefined && typeof body.text.preview_url !== 'boolean') {
    throw invalidWhatsAppParameter("Param text['preview_url'] must be a boolean.");
  }
  return { to: body.to, text };
}

/** The 200 answer: `{"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid..."}]}`. */
export function whatsAppAccepted(to: string, messageId: string): unknown {
  return {
    messaging_product: 'whatsapp',
    contacts: [{ input: to, wa_id: to.replace(/\D/g, '') }],
    messages: [{ id: messageId }],
  };
}

/** True when a Graph `/{id}/messages` body is a WhatsApp call rather than a Messenger / Instagram one. */
export function looksLikeWhatsApp(body: any): boolean {
  return isObject(body) && ('messaging_product' in body || ('to' in body && !('recipient' in body)));
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
