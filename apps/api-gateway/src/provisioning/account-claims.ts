import { BadRequestException, ForbiddenException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { adapterOf, channelEnvFrom, externalAccountIdOf, type OwnershipProver } from '@voca/channels';
import type { GatewayEnv } from '@voca/config';
import { SOCIAL_CHANNELS, type ChannelCredentialsDto, type SocialChannel } from '@voca/contracts';
import { fieldError } from '../http/field-errors.js';
import { RetryLaterException } from '../http/retry-later.exception.js';

const PLATFORM_RETRY_AFTER_S = 30;

/**
 * Before an agent claims a social account (and with it the account's customers' messages), the account's platform
 * must confirm the token the vendor gave belongs to it: first come, first served would let anyone claim anyone's
 * Page. PLATFORM_OWNERSHIP_CHECK=off skips this in development only.
 */
@Injectable()
export class AccountClaims {
  private readonly logger = new Logger(AccountClaims.name);
  private readonly provers?: Map<SocialChannel, OwnershipProver<object>>;

  constructor(config: ConfigService<GatewayEnv, true>) {
    if (config.get('PLATFORM_OWNERSHIP_CHECK', { infer: true }) === 'off') return;
    const env = channelEnvFrom((key) => config.get(key as keyof GatewayEnv));
    const options = { timeoutMs: config.get('OWNERSHIP_CHECK_TIMEOUT_MS', { infer: true }) };
    this.provers = new Map(SOCIAL_CHANNELS.map((channel) => [channel, adapterOf(channel).ownership(env, options)]));
  }

  /** Throws unless every social account in the credentials is proved to belong to its token (403 names the field). */
  async prove(credentials: ChannelCredentialsDto | undefined, fieldPrefix: string): Promise<void> {
    if (!this.provers || !credentials) return;
    for (const [channel, prover] of this.provers) {
      const given = credentials[channel];
      const accountId = given ? externalAccountIdOf(channel, credentials) : undefined;
      if (!given || !accountId) continue;
      const schema = adapterOf(channel).credentials;
      const field = `${fieldPrefix}channel_credentials.${channel}.${schema.secretField}`;
      if (!schema.tokenOf(given)) {
        throw new BadRequestException(
          fieldError(field, `is needed to prove the ${channel} account ${accountId} is yours`),
        );
      }
      const proof = await prover.prove(given);
      if (proof.kind === 'owned') continue;
      this.logger.warn(
        { channel, accountId, outcome: proof.kind, reason: proof.reason },
        'account ownership not proved',
      );
      if (proof.kind === 'unknown') {
        throw new RetryLaterException(
          `${channel} could not confirm the account belongs to the token (${proof.reason}); retry shortly`,
          PLATFORM_RETRY_AFTER_S,
          HttpStatus.SERVICE_UNAVAILABLE,
        );
      }
      throw new ForbiddenException(
        fieldError(field, `does not prove the ${channel} account ${accountId} is yours: ${proof.reason}`),
      );
    }
  }
}
