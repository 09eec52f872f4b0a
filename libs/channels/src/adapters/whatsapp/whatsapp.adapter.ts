import { textAt } from '../../platform-call.js';
import { settingsOf, type ChannelAdapter } from '../../channel-adapter.js';
import { accountCredentials } from '../../credential-schema.js';
import { z } from 'zod';
import { graphOwns } from '../meta/graph-ownership.js';
import { GraphSender } from '../meta/graph-sender.js';
import { GraphSubscriptions } from '../meta/graph-subscriptions.js';
import { META_SETTINGS } from '../meta/meta-settings.js';
import { metaWebhookDoor } from '../meta/meta-webhook.js';
import { WhatsappCredentialsDto } from './whatsapp-credentials.js';

const SETTINGS = {
  ...META_SETTINGS,
  /** Sends per second per WhatsApp number (Cloud API: about 80). */
  WHATSAPP_SENDS_PER_SECOND: z.coerce.number().int().positive().default(80),
};

/** WhatsApp Cloud API: a business phone number (and its Business Account) on Meta's Graph API. */
export const whatsappAdapter = {
  channel: 'whatsapp',
  displayName: 'WhatsApp',
  elizaPlugin: '@elizaos/plugin-whatsapp',
  settings: SETTINGS,
  credentials: accountCredentials({
    dto: WhatsappCredentialsDto,
    required: ['phone_number_id', 'access_token'],
    secretField: 'access_token',
    accountIdOf: (credentials) => credentials.phone_number_id,
    tokenOf: (credentials) => credentials.access_token,
    // A number's webhooks come through its Business Account, which the credentials may not name.
    subscriptionAccountOf: (credentials) =>
      credentials.business_account_id ?? {
        note: 'no business_account_id: subscribe the WhatsApp Business Account in the dashboard',
      },
    movesSubscription: (before, after) => before.business_account_id !== after.business_account_id,
  }),
  webhookSetBy: 'either',
  webhook: metaWebhookDoor,
  replyWindowMs: 24 * 3600_000,
  sendLimit: (env) => ({
    bucket: 'whatsapp',
    points: settingsOf(SETTINGS, env).WHATSAPP_SENDS_PER_SECOND,
    durationSeconds: 1,
  }),
  sender: (env, { timeoutMs }) =>
    new GraphSender(settingsOf(META_SETTINGS, env), timeoutMs, {
      body: (message) => ({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: message.recipientId,
        type: 'text',
        text: { body: message.text },
      }),
      idOf: (answer) => textAt(answer, 'messages', 0, 'id'),
    }),
  // A WABA takes no field list: the app's own `messages` subscription applies to every WABA subscribed to it.
  subscriptions: (env, { timeoutMs }) => new GraphSubscriptions(settingsOf(META_SETTINGS, env), timeoutMs, undefined),
  ownership: (env, { timeoutMs }) => {
    const settings = settingsOf(META_SETTINGS, env);
    return {
      // The token can read the number, and the Business Account when the vendor named one.
      async prove(credentials) {
        const number = await graphOwns(settings, timeoutMs, credentials.access_token, credentials.phone_number_id);
        if (number.kind !== 'owned' || !credentials.business_account_id) return number;
        return graphOwns(settings, timeoutMs, credentials.access_token, credentials.business_account_id);
      },
    };
  },
} satisfies ChannelAdapter<WhatsappCredentialsDto>;
