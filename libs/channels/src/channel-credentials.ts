import type { SocialChannel } from '@voca/contracts';
import type { ChannelCredentials, CredentialChannel } from './credentials/index.js';
import { adapterOf } from './registry.js';

/** One channel's credentials as the API took them. */
type CredentialsOf = NonNullable<ChannelCredentials[CredentialChannel]>;

/** The platform's business-side id of a channel's credentials: what an inbound webhook names to reach the agent. */
export function externalAccountIdOf(channel: CredentialChannel, all: ChannelCredentials): string | undefined {
  if (channel === 'sms') return all.sms?.source_phone_number_arn;
  const credentials = all[channel];
  return credentials ? adapterOf(channel).credentials.accountIdOf(credentials) : undefined;
}

/** Whether a channel's credentials hold a secret to encrypt (an SMS number ARN does not). */
export function credentialsHoldSecret(channel: CredentialChannel, credentials: CredentialsOf): boolean {
  return channel !== 'sms' && adapterOf(channel).credentials.secretField in credentials;
}

/** Why a messaging channel provisioned without credentials is `pending_configuration`, naming what is missing. */
export function awaitingCredentials(channel: SocialChannel): string {
  const fields = adapterOf(channel).credentials.required.map((field) => `channel_credentials.${channel}.${field}`);
  return `${channel} needs the business's account before it can receive or answer messages: supply ${fields.join(' and ')} with PUT /api/v1/agents/{id}`;
}
