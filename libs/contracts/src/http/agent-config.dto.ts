import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  Min,
  IsOptional,
  IsString,
  Matches,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { Length } from '../text/text-length.js';
import { BUSINESS_TYPES, CHANNELS, type BusinessType, type Channel } from '../channels.js';
import { unspokenVoiceLanguage } from '../voice-languages.js';
import { BusinessContextDto, CharacterConfigDto } from './business-profile.dto.js';
import { ChannelCredentialsDto } from './channel-credentials.dto.js';

export const VENDOR_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

function credentialChannelsOf(value: object): string[] {
  return Object.entries(value)
    .filter(([, credentials]) => credentials !== undefined)
    .map(([channel]) => channel);
}

/** Credentials may only be given for channels the agent actually has. */
function CredentialsForListedChannels() {
  return ValidateBy({
    name: 'credentialsForListedChannels',
    validator: {
      validate(value: unknown, args: ValidationArguments): boolean {
        if (value === null || typeof value !== 'object') return true;
        const channels = (args.object as { channels?: unknown }).channels;
        // An update that keeps the channel set is checked against the agent's channels by the service.
        if (channels === undefined) return true;
        const listed = Array.isArray(channels) ? channels : [];
        return credentialChannelsOf(value).every((channel) => listed.includes(channel));
      },
      defaultMessage(args: ValidationArguments): string {
        const channels = (args.object as { channels?: unknown }).channels;
        const listed = Array.isArray(channels) ? channels : [];
        const extra = credentialChannelsOf(args.value as object).filter((channel) => !listed.includes(channel));
        return `channel_credentials has credentials for channels the agent does not have: ${extra.join(', ')}`;
      },
    },
  });
}

/** An agent with the voice channel speaks a language the engine speaks on the phone (named as a nested path). */
function SpokenOnThePhone() {
  return ValidateBy({
    name: 'voiceLanguage',
    validator: {
      validate: (value: unknown, args: ValidationArguments) =>
        unspokenVoiceLanguage(
          (args.object as { channels?: string[] }).channels,
          (value as { language?: string } | undefined)?.language,
        ) === undefined,
      defaultMessage: (args: ValidationArguments) =>
        `character_config.language: ${unspokenVoiceLanguage(
          (args.object as { channels?: string[] }).channels,
          (args.value as { language?: string } | undefined)?.language,
        )}`,
    },
  });
}

/** The business profile an agent is provisioned from: the seed's `agent_config`. */
export class AgentConfigDto {
  @ApiProperty({ example: 'Cozy Comfort Bedding' })
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiPropertyOptional({ example: 'Premium bedding and home comfort store' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({ enum: BUSINESS_TYPES, example: 'retail' })
  @IsIn(BUSINESS_TYPES)
  business_type: BusinessType;

  @ApiProperty({ enum: CHANNELS, isArray: true, example: ['voice', 'whatsapp', 'instagram', 'facebook', 'twitter'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(CHANNELS.length)
  @IsIn(CHANNELS, { each: true, message: `each value in channels must be one of: ${CHANNELS.join(', ')}` })
  channels: Channel[];

  @ApiPropertyOptional({ type: CharacterConfigDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CharacterConfigDto)
  @SpokenOnThePhone()
  character_config?: CharacterConfigDto;

  @ApiPropertyOptional({ type: BusinessContextDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BusinessContextDto)
  context?: BusinessContextDto;

  @ApiPropertyOptional({ type: ChannelCredentialsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelCredentialsDto)
  @CredentialsForListedChannels()
  channel_credentials?: ChannelCredentialsDto;
}

/** `POST /api/v1/agents/provision`: the seed's request. */
export class ProvisionAgentRequestDto {
  @ApiPropertyOptional({
    example: 'vendor_cozy_001',
    description: 'Required with a service token; with a vendor token it may be omitted or must equal the token vendor',
  })
  @IsOptional()
  @IsString()
  @Matches(VENDOR_ID_PATTERN, { message: 'vendor_id must be 1-64 letters, digits, _ . or -' })
  vendor_id?: string;

  @ApiProperty({ type: AgentConfigDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AgentConfigDto)
  agent_config: AgentConfigDto;
}

/** `POST /api/v1/agents`: the same profile at the top level. */
export class CreateAgentRequestDto extends AgentConfigDto {
  @ApiPropertyOptional({ example: 'vendor_cozy_001' })
  @IsOptional()
  @IsString()
  @Matches(VENDOR_ID_PATTERN, { message: 'vendor_id must be 1-64 letters, digits, _ . or -' })
  vendor_id?: string;
}

/**
 * The statuses a `PUT` may ask for, as the spec names them; each is the matching transition (pause, stop, start or
 * resume).
 */
export const REQUESTABLE_AGENT_STATUSES = ['active', 'paused', 'stopped'] as const;
export type RequestableAgentStatus = (typeof REQUESTABLE_AGENT_STATUSES)[number];

/**
 * `PUT /api/v1/agents/{id}`: the spec's `{name, status}`, and any other field of the profile, the channel set and
 * the credentials. `version` (or `If-Match`) makes the write optimistic: a stale one is refused with 409.
 */
export class UpdateAgentRequestDto extends PartialType(AgentConfigDto) {
  @ApiPropertyOptional({
    enum: REQUESTABLE_AGENT_STATUSES,
    example: 'paused',
    description:
      'Moves the agent as POST .../pause, .../stop, .../start or .../resume would (409 lists what is allowed)',
  })
  @IsOptional()
  @IsIn(REQUESTABLE_AGENT_STATUSES, { message: `status must be one of: ${REQUESTABLE_AGENT_STATUSES.join(', ')}` })
  status?: RequestableAgentStatus;

  @ApiPropertyOptional({
    example: 3,
    description: 'The agent version this change is based on (from GET, also its ETag); a stale one is 409. Optional',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
