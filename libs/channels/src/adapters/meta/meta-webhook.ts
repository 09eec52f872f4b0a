import type { ParsedWebhook } from '@voca/contracts';
import { settingsOf, type ChannelEnv, type WebhookDoor } from '../../channel-adapter.js';
import { WebhookPayloadError } from '../../inbound/errors.js';
import { parseMessengerWebhook } from '../messenger/messenger-webhook.js';
import { isObject, prop, quote, requireString } from '../../inbound/read.js';
import { parseWhatsAppWebhook } from '../whatsapp/whatsapp-webhook.js';
import { META_SETTINGS } from './meta-settings.js';
import { metaVerificationChallenge, verifyMetaSignature } from './meta-signature.js';

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

/** A WhatsApp message as Meta's webhook reference shows it. */
const EXAMPLE = {
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
            contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
            messages: [
              {
                from: '16505551234',
                id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
                timestamp: '1749416383',
                type: 'text',
                text: { body: 'Does it come in another color?' },
              },
            ],
          },
        },
      ],
    },
  ],
};

/** Meta's one webhook for WhatsApp, Messenger and Instagram: signed with the app secret, checked by a handshake. */
export function metaWebhookDoor(env: ChannelEnv): WebhookDoor {
  const settings = settingsOf(META_SETTINGS, env);
  return {
    name: 'meta',
    path: 'meta',
    authenticate(request) {
      const secret = settings.META_APP_SECRET;
      if (!secret) return { kind: 'not_configured', message: 'this webhook is not configured: set META_APP_SECRET' };
      return verifyMetaSignature(request.rawBody, request.header('x-hub-signature-256'), secret)
        ? undefined
        : { kind: 'unauthorized', message: 'X-Hub-Signature-256 does not match the body' };
    },
    parse: (body) => parseMetaWebhook(body),
    handshake: {
      answer(query) {
        const token = settings.META_VERIFY_TOKEN;
        if (!token) return { kind: 'not_configured', message: 'this webhook is not configured: set META_VERIFY_TOKEN' };
        const challenge = metaVerificationChallenge(query as Record<string, unknown>, token);
        return challenge === undefined
          ? { kind: 'forbidden', message: 'hub.verify_token does not match' }
          : { kind: 'answer', contentType: 'text/plain', body: challenge };
      },
    },
    docs: {
      summary: 'Messages and delivery statuses; signed with X-Hub-Signature-256 (META_APP_SECRET)',
      body: { example: EXAMPLE, description: 'A WhatsApp, Messenger (page) or Instagram delivery' },
      malformed: 'The body is not valid JSON, or a payload that is not a Meta delivery, naming the field',
      signature: {
        header: 'X-Hub-Signature-256',
        example: 'sha256=6b2e0d5c...',
        description: 'HMAC-SHA256 of the raw body with META_APP_SECRET',
      },
      setting: 'META_APP_SECRET',
      handshake: {
        summary: "Meta's verification handshake: answers hub.challenge when hub.verify_token is ours",
        query: [
          { name: 'hub.mode', example: 'subscribe' },
          { name: 'hub.verify_token', example: 'my-verify-token', description: 'Must equal META_VERIFY_TOKEN' },
          { name: 'hub.challenge', example: '1158201444' },
        ],
        answer: { contentType: 'text/plain', example: '1158201444', description: 'hub.challenge, as text' },
        errors: [
          { status: 400, description: 'A query value nested too deeply, or with text the engine cannot store' },
          { status: 403, description: 'hub.verify_token does not match' },
          { status: 503, description: 'This webhook is not configured (META_VERIFY_TOKEN)' },
        ],
      },
    },
  };
}
