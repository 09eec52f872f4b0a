import type { ParsedWebhook } from '@voca/contracts';
import { WebhookPayloadError } from './errors.js';
import { parseMessengerWebhook } from './messenger.js';
import { isObject, prop, quote, requireString } from './read.js';
import { parseWhatsAppWebhook } from './whatsapp.js';

/** The `object` values of the Meta webhooks the engine subscribes to. */
export const META_OBJECTS = ['whatsapp_business_account', 'page', 'instagram'] as const;

/**
 * One Meta webhook delivery (the body already verified with verifyMetaSignature and parsed as JSON), as the
 * engine's events: WhatsApp messages and delivery statuses, Messenger and Instagram messages. What carries no
 * customer message (echoes, receipts, media, other fields) is listed in `skipped` with the reason. A body that is
 * not one of these documented shapes throws WebhookPayloadError naming the field.
 */
export function parseMetaWebhook(body: unknown): ParsedWebhook {
  if (!isObject(body)) throw new WebhookPayloadError('payload must be a JSON object');
  const object = requireString(prop(body, 'object'), 'object');
  switch (object) {
    case 'whatsapp_business_account':
      return parseWhatsAppWebhook(body);
    case 'page':
      return parseMessengerWebhook(body, 'facebook');
    case 'instagram':
      return parseMessengerWebhook(body, 'instagram');
    default:
      throw new WebhookPayloadError(
        `object ${quote(object)} is not a Meta messaging webhook (expected ${META_OBJECTS.join(', ')})`,
        'object',
      );
  }
}
