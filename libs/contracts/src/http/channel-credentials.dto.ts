/**
 * `channel_credentials` of the agent API: each channel's credential class lives with its adapter in @voca/channels,
 * and its leaf `@voca/channels/credentials` (which imports nothing of the engine's) puts them together.
 */
export {
  ChannelCredentialsDto,
  CREDENTIAL_DTOS,
  SmsNumberDto,
  type ChannelCredentials,
  type CredentialChannel,
} from '@voca/channels/credentials';
