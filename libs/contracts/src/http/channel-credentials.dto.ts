import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import type { SocialChannel } from '../channels.js';
import { Length } from '../text/text-length.js';

/**
 * Meta's ids (WhatsApp phone number and business account, Page, Instagram account) and X's user ids are decimal
 * numbers. Nothing else may pass: the ids are put into Graph and X API paths (`..` would walk them).
 */
const PLATFORM_ID = /^[1-9]\d{0,31}$/;
const platformIdMessage = '$property must be the numeric id the platform shows (digits only)';

export class WhatsappCredentialsDto {
  @ApiProperty({
    example: '106540352242922',
    description: 'WhatsApp Cloud API phone number id; routes inbound messages',
  })
  @IsString()
  @Matches(PLATFORM_ID, { message: platformIdMessage })
  phone_number_id: string;

  @ApiPropertyOptional({ example: '102290129340398' })
  @IsOptional()
  @IsString()
  @Matches(PLATFORM_ID, { message: platformIdMessage })
  business_account_id?: string;

  @ApiProperty({ description: 'System user access token; stored encrypted, never returned', writeOnly: true })
  @IsString()
  @Length(8, 4096)
  access_token: string;
}

export class FacebookCredentialsDto {
  @ApiProperty({ example: '104882412345678', description: 'Facebook Page id; routes inbound Messenger messages' })
  @IsString()
  @Matches(PLATFORM_ID, { message: platformIdMessage })
  page_id: string;

  @ApiProperty({ description: 'Page access token; stored encrypted, never returned', writeOnly: true })
  @IsString()
  @Length(8, 4096)
  access_token: string;
}

export class InstagramCredentialsDto {
  @ApiProperty({ example: '17841400000000000', description: 'Instagram professional account id' })
  @IsString()
  @Matches(PLATFORM_ID, { message: platformIdMessage })
  account_id: string;

  @ApiProperty({ description: 'Access token; stored encrypted, never returned', writeOnly: true })
  @IsString()
  @Length(8, 4096)
  access_token: string;
}

export class TwitterCredentialsDto {
  @ApiProperty({ example: '1456789012345678901', description: 'X user id of the business account (for_user_id)' })
  @IsString()
  @Matches(PLATFORM_ID, { message: platformIdMessage })
  user_id: string;

  @ApiProperty({ description: 'OAuth 2.0 user-context token; stored encrypted, never returned', writeOnly: true })
  @IsString()
  @Length(8, 4096)
  access_token: string;
}

export class SmsNumberDto {
  @ApiProperty({
    example: 'arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef',
    description: 'An AWS End User Messaging SMS number with two-way SMS to Amazon Connect; imported into Connect',
  })
  @IsString()
  @Matches(/^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:phone-number\/[A-Za-z0-9_-]+$/, {
    message: 'source_phone_number_arn must be an End User Messaging SMS phone number ARN',
  })
  source_phone_number_arn: string;
}

/** The platform accounts the agent answers for, per channel. */
export class ChannelCredentialsDto {
  @ApiPropertyOptional({ type: SmsNumberDto, description: 'Without it, the sms channel waits for configuration' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SmsNumberDto)
  sms?: SmsNumberDto;

  @ApiPropertyOptional({ type: WhatsappCredentialsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WhatsappCredentialsDto)
  whatsapp?: WhatsappCredentialsDto;

  @ApiPropertyOptional({ type: FacebookCredentialsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FacebookCredentialsDto)
  facebook?: FacebookCredentialsDto;

  @ApiPropertyOptional({ type: InstagramCredentialsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InstagramCredentialsDto)
  instagram?: InstagramCredentialsDto;

  @ApiPropertyOptional({ type: TwitterCredentialsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TwitterCredentialsDto)
  twitter?: TwitterCredentialsDto;
}

export type CredentialChannel = keyof ChannelCredentialsDto;

/** Whether a channel's credentials hold a secret to encrypt (an SMS number ARN does not). */
export function credentialsHoldSecret(credentials: object): boolean {
  return 'access_token' in credentials;
}

/** The platform's business-side id of each credential: what an inbound webhook names to reach the agent. */
export function externalAccountIdOf(
  channel: CredentialChannel,
  credentials: ChannelCredentialsDto,
): string | undefined {
  switch (channel) {
    case 'sms':
      return credentials.sms?.source_phone_number_arn;
    case 'whatsapp':
      return credentials.whatsapp?.phone_number_id;
    case 'facebook':
      return credentials.facebook?.page_id;
    case 'instagram':
      return credentials.instagram?.account_id;
    case 'twitter':
      return credentials.twitter?.user_id;
  }
}

/** What a social channel's credentials must give before the channel can receive and answer messages. */
export const REQUIRED_CREDENTIAL_FIELDS: Record<SocialChannel, readonly string[]> = {
  whatsapp: ['phone_number_id', 'access_token'],
  facebook: ['page_id', 'access_token'],
  instagram: ['account_id', 'access_token'],
  twitter: ['user_id', 'access_token'],
};

/** Why a social channel provisioned without credentials is `pending_configuration`, naming what is missing. */
export function awaitingCredentials(channel: SocialChannel): string {
  const fields = REQUIRED_CREDENTIAL_FIELDS[channel].map((field) => `channel_credentials.${channel}.${field}`);
  return `${channel} needs the business's account before it can receive or answer messages: supply ${fields.join(' and ')} with PUT /api/v1/agents/{id}`;
}
