import { PlatformId, SecretToken } from '../../credentials/credential-fields.js';

export class FacebookCredentialsDto {
  @PlatformId({ example: '104882412345678', description: 'Facebook Page id; routes inbound Messenger messages' })
  page_id: string;

  @SecretToken('Page access token')
  access_token: string;
}
