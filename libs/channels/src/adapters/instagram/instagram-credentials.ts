import { PlatformId, SecretToken } from '../../credentials/credential-fields.js';

export class InstagramCredentialsDto {
  @PlatformId({ example: '17841400000000000', description: 'Instagram professional account id' })
  account_id: string;

  @SecretToken('Access token')
  access_token: string;
}
