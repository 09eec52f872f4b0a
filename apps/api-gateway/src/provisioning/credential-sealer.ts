import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from '@voca/config';
import { adapterOf, credentialsHoldSecret, externalAccountIdOf } from '@voca/channels';
import { isSocialChannel, type Channel, type ChannelCredentialsDto, type CredentialChannel } from '@voca/contracts';
import { credentialCipherFrom, type CredentialCipher } from '@voca/secrets';

/** A channel's credentials as stored: the routing id in clear, the token encrypted (AES-256-GCM). */
@Injectable()
export class CredentialSealer {
  private readonly cipher: CredentialCipher;

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.cipher = credentialCipherFrom(config);
  }

  /**
   * Whether new credentials name another platform account than the stored ones: the webhook subscription has to
   * follow (for WhatsApp, the Business Account counts too: its adapter says). A new token for the same account does
   * not.
   */
  namesAnotherAccount(
    channel: Channel,
    stored: { agentId: string; externalAccountId: string | null; credentialsCiphertext: string | null },
    all: ChannelCredentialsDto,
  ): boolean {
    if (externalAccountIdOf(channel as CredentialChannel, all) !== (stored.externalAccountId ?? undefined)) return true;
    const after = all[channel as CredentialChannel];
    if (!isSocialChannel(channel) || !after) return false;
    const before = stored.credentialsCiphertext
      ? this.cipher.decrypt<object>(stored.credentialsCiphertext, { agentId: stored.agentId, channel })
      : {};
    return adapterOf(channel).credentials.movesSubscription(before, after);
  }

  /** The channel's credentials as stored for the agent: sealed to that agent and channel. */
  seal(all: ChannelCredentialsDto | undefined, channel: Channel, agentId: string) {
    const credentials = all?.[channel as CredentialChannel];
    if (!credentials || !all) return { externalAccountId: null, credentialsCiphertext: null };
    return {
      externalAccountId: externalAccountIdOf(channel as CredentialChannel, all) ?? null,
      credentialsCiphertext: credentialsHoldSecret(channel as CredentialChannel, credentials)
        ? this.cipher.encrypt(credentials, { agentId, channel })
        : null,
    };
  }
}
