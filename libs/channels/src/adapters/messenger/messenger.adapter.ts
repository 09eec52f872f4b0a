import { sendApiAdapter } from '../meta/send-api-adapter.js';
import { FacebookCredentialsDto } from './messenger-credentials.js';

/** Facebook Messenger: a Page, on Meta's Graph API and Send API. */
export const messengerAdapter = sendApiAdapter({
  channel: 'facebook',
  displayName: 'Messenger',
  elizaPlugin: '@elizaos/plugin-facebook',
  dto: FacebookCredentialsDto,
  accountField: 'page_id',
  subscribedFields: 'messages,messaging_postbacks',
  // A Page token's `me` is the Page itself, not a user or another Page.
  ownershipNode: 'me',
});
