export * from './inbound/index.js';
export * from './outbound/index.js';
export * from './subscriptions/index.js';
export * from './ownership/account-ownership.js';
export * from './channel-adapter.js';
export * from './channel-credentials.js';
export * from './registry.js';
export {
  ChannelCredentialsDto,
  CREDENTIAL_DTOS,
  type ChannelCredentials,
  type CredentialChannel,
} from './credentials/index.js';
