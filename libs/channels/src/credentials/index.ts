import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { InstagramCredentialsDto } from '../adapters/instagram/instagram-credentials.js';
import { FacebookCredentialsDto } from '../adapters/messenger/messenger-credentials.js';
import { TelegramCredentialsDto } from '../adapters/telegram/telegram-credentials.js';
import { WhatsappCredentialsDto } from '../adapters/whatsapp/whatsapp-credentials.js';
import { TwitterCredentialsDto } from '../adapters/x/x-credentials.js';
import { SmsNumberDto } from './sms-number.dto.js';

/**
 * The credentials of every channel, as the API takes them (`channel_credentials`). The contracts read this part of
 * @voca/channels alone (`@voca/channels/credentials`), which imports nothing of the engine's: each adapter's
 * credential class is listed here once, and the registry's spec checks the list against the adapters.
 */
export const CREDENTIAL_DTOS = {
  sms: SmsNumberDto,
  whatsapp: WhatsappCredentialsDto,
  facebook: FacebookCredentialsDto,
  instagram: InstagramCredentialsDto,
  twitter: TwitterCredentialsDto,
  telegram: TelegramCredentialsDto,
} as const;

export type CredentialChannel = keyof typeof CREDENTIAL_DTOS;

export type ChannelCredentials = { [C in CredentialChannel]?: InstanceType<(typeof CREDENTIAL_DTOS)[C]> };

/** The platform accounts the agent answers for, per channel: a class for validation and OpenAPI, decorated below. */
export const ChannelCredentialsDto = class ChannelCredentialsDto {} as new () => ChannelCredentials;
export type ChannelCredentialsDto = ChannelCredentials;

const NOTES: Partial<Record<CredentialChannel, string>> = {
  sms: 'Without it, the sms channel waits for configuration',
};

for (const [channel, dto] of Object.entries(CREDENTIAL_DTOS) as [CredentialChannel, new () => object][]) {
  const note = NOTES[channel];
  for (const decorate of [
    ApiPropertyOptional({ type: dto, ...(note ? { description: note } : {}) }),
    IsOptional(),
    IsObject(),
    ValidateNested(),
    Type(() => dto),
  ]) {
    decorate(ChannelCredentialsDto.prototype, channel);
  }
}

export { SmsNumberDto };
