import { PlatformId, SecretToken } from '../../credentials/credential-fields.js';

export class TwitterCredentialsDto {
  @PlatformId({ example: '1456789012345678901', description: 'X user id of the business account (for_user_id)' })
  user_id: string;

  @SecretToken('OAuth 2.0 user-context token')
  access_token: string;
}
