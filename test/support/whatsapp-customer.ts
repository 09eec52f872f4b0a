import { expect } from 'vitest';
import type { SocialEmulator } from '../emulators/social/index.js';
import { checkedFetch } from './openapi-contract.js';
import { newWamid, signMeta, whatsappTextMessage } from './platform-webhooks.js';
import { waitFor } from './wait-for.js';

export interface WhatsAppLine {
  gatewayUrl: () => string;
  social: () => SocialEmulator;
  phoneNumberId: string;
  metaSecret: string;
}

/**
 * A WhatsApp customer `Shopper <from>` of the business's number: each message is posted as Meta signs it, and
 * answers the agent's next reply to them as the Graph API received it.
 */
export function whatsappCustomer(line: WhatsAppLine) {
  return async (text: string, from: string, timeoutMs = 60_000): Promise<string> => {
    const social = line.social();
    const before = social.sentTo(from).length;
    const body = whatsappTextMessage({
      phoneNumberId: line.phoneNumberId,
      from,
      name: `Shopper ${from}`,
      text,
      wamid: newWamid(),
    });
    const response = await checkedFetch(`${line.gatewayUrl()}/api/v1/webhooks/meta`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signMeta(body, line.metaSecret) },
      body,
    });
    expect(response.status).toBe(200);
    const sent = await waitFor(
      async () => (social.sentTo(from).length > before ? social.sentTo(from) : undefined),
      `a reply to ${from}`,
      timeoutMs,
    );
    return sent[before]!.text!;
  };
}
