import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from '@voca/config';
import {
  credentialsHoldSecret,
  externalAccountIdOf,
  type Channel,
  type ChannelCredentialsDto,
  type CredentialChannel,
} from '@voca/contracts';
import { CredentialCipher } from '@voca/secrets';

/** A channel's credentials as stored: the routing id in clear, the token encrypted (AES-256-GCM). */
@Injectable()
export class CredentialSealer {
  private readonly cipher: CredentialCipher;

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.cipher = new CredentialCipher(config.get('CREDENTIALS_ENCRYPTION_KEY', { infer: true }));
  }

  seal(all: ChannelCredentialsDto | undefined, channel: Channel) {
    const credentials = all?.[channel as CredentialChannel];
    if (!credentials || !all) return { externalAccountId: null, credentialsCiphertext: null };
    return {
      externalAccountId: externalAccountIdOf(channel as CredentialChannel, all) ?? null,
      credentialsCiphertext: credentialsHoldSecret(credentials) ? this.cipher.encrypt(credentials) : null,
    };
  }
}
