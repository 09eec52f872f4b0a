import { createHmac, randomBytes } from 'node:crypto';
import { BENCH_CUSTOMER_TEXT } from './bench-agent.js';

/** The Meta app secret every bench target is configured with. */
export const BENCH_APP_SECRET = 'bench-meta-app-secret';

/** A WhatsApp Cloud API text message as Meta delivers it, with a message id of its own. */
export function whatsappBody(
  phoneNumberId: string,
  from = `1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
  text = BENCH_CUSTOMER_TEXT,
): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: 'Bench' }, wa_id: from }],
              messages: [
                {
                  from,
                  id: `wamid.${randomBytes(24).toString('base64')}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

/** The headers Meta signs a delivery with. */
export function metaHeaders(body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-hub-signature-256': `sha256=${createHmac('sha256', BENCH_APP_SECRET).update(body).digest('hex')}`,
  };
}
