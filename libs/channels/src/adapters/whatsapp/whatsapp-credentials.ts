import { PlatformId, SecretToken } from '../../credentials/credential-fields.js';

export class WhatsappCredentialsDto {
  @PlatformId({
    example: '106540352242922',
    description: 'WhatsApp Cloud API phone number id; routes inbound messages',
  })
  phone_number_id: string;

  @PlatformId({ example: '102290129340398' }, true)
  business_account_id?: string;

  @SecretToken('System user access token')
  access_token: string;
}
