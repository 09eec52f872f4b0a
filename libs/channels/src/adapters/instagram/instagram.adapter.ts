import { sendApiAdapter } from '../meta/send-api-adapter.js';
import { InstagramCredentialsDto } from './instagram-credentials.js';

/** Instagram messaging: a professional account, on Meta's Graph API and Send API (its budget shared with Messenger). */
export const instagramAdapter = sendApiAdapter({
  channel: 'instagram',
  displayName: 'Instagram',
  elizaPlugin: '@elizaos/plugin-instagram',
  dto: InstagramCredentialsDto,
  accountField: 'account_id',
  subscribedFields: 'messages',
});
