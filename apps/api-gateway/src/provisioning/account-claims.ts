import { BadRequestException, ForbiddenException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AccountOwnership } from '@voca/channels';
import type { GatewayEnv } from '@voca/config';
import { externalAccountIdOf, isSocialChannel, SOCIAL_CHANNELS, type ChannelCredentialsDto } from '@voca/contracts';
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
  private readonly ownership?: AccountOwnership;

  constructor(config: ConfigService<GatewayEnv, true>) {
    if (config.get('PLATFORM_OWNERSHIP_CHECK', { infer: true }) === 'off') return;
    this.ownership = new AccountOwnership({
      metaGraphBaseUrl: config.get('META_GRAPH_BASE_URL', { infer: true }),
      metaGraphVersion: config.get('META_GRAPH_VERSION', { infer: true }),
      xApiBaseUrl: config.get('X_API_BASE_URL', { infer: true }),
      timeoutMs: config.get('OWNERSHIP_CHECK_TIMEOUT_MS', { infer: true }),
    });
  }

  /** Throws unless every social account in the credentials is proved to belong to its token (403 names the field). */
  async prove(credentials: ChannelCredentialsDto | undefined, fieldPrefix: string): Promise<void> {
    if (!this.ownership || !credentials) return;
    for (const channel of SOCIAL_CHANNELS) {
      const given = credentials[channel] as { access_token?: string; business_account_id?: string } | undefined;
      const accountId = given && isSocialChannel(channel) ? externalAccountIdOf(channel, credentials) : undefined;
      if (!given || !accountId) continue;
      const field = `${fieldPrefix}channel_credentials.${channel}.access_token`;
      if (!given.access_token) {
        throw new BadRequestException(
          fieldError(field, `is needed to prove the ${channel} account ${accountId} is yours`),
        );
      }
      const proof = await this.ownership.prove({
        channel,
        accountId,
        businessAccountId: given.business_account_id,
        accessToken: given.access_token,
      });
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
