/**
 * Public face of the social emulator for tests: the Meta Graph API send endpoints (WhatsApp Cloud API, Messenger and
 * Instagram Send API) and the X API v2 one-to-one DM send, on one local port.
 *
 * ```ts
 * const social = await SocialEmulator.start({ graphVersion: 'v21.0' });
 * process.env.META_GRAPH_BASE_URL = social.url;   // `${url}/v21.0/{phone-number-id | page-id | ig-id}/messages`
 * process.env.X_API_BASE_URL = social.url;        // `${url}/2/dm_conversations/with/{participant_id}/messages`
 * social.allowToken('1065403522', 'wa-token');    // a WhatsApp phone number id and its bearer token
 * social.allowToken('page-1', 'page-token');      // a Facebook Page
 * social.registerInstagramAccount('ig-1');        // ids registered here are Instagram accounts
 * social.allowToken('ig-1', 'ig-token');
 * social.allowXUser('2244994945', 'x-user-token');
 * social.failNext('whatsapp', 'outside_window');  // the next WhatsApp send: 400, code 131047
 * social.sentTo('15551234567');                   // what reached that customer
 * social.registerWhatsAppBusinessAccount('waba-1'); // webhook subscriptions: `${url}/v21.0/{node}/subscribed_apps`
 * social.registerXWebhook('1146654567674912769', 'x-app-token');  // and X Account Activity subscriptions
 * social.subscriptions();                         // [{platform: 'graph', account: 'page-1', fields: ['messages']},
 * ...]
 * ```
 */
export { SocialEmulator } from './social-emulator.js';
export { WHATSAPP_TEXT_MAX } from './whatsapp.js';
export { MESSENGER_TEXT_MAX_CHARS, INSTAGRAM_TEXT_MAX_BYTES, MESSAGING_TYPES } from './page-messages.js';
export { X_TEXT_MAX } from './x-dm.js';
export type { RequestRecord, SentMessage, SocialEmulatorOptions, SocialFailure, SocialPlatform } from './types.js';
export type { Subscription } from './subscriptions.js';
