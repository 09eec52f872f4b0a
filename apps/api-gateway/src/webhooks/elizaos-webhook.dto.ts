import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, ValidateBy } from 'class-validator';
import { Length, SOCIAL_CHANNELS, type SocialChannel } from '@voca/contracts';
import { EXAMPLE_IDS } from '../http/api-docs.js';

function IsTimestamp() {
  return ValidateBy({
    name: 'isTimestamp',
    validator: {
      // Within the range a Date can hold (new Date() beyond it is invalid and cannot be formatted).
      validate: (value: unknown) =>
        ((typeof value === 'number' && value > 0) || (typeof value === 'string' && value.length <= 40)) &&
        !Number.isNaN(new Date(value as string | number).getTime()),
      defaultMessage: () => 'timestamp must be an ISO 8601 date or epoch milliseconds',
    },
  });
}

/**
 * The spec's generic message shape `{platform, agent_id, message, user_id, timestamp?}`, for platforms the engine has
 * no native webhook for (or a backend relay).
 */
export class ElizaosWebhookDto {
  @ApiProperty({ enum: SOCIAL_CHANNELS, example: 'whatsapp' })
  @IsIn(SOCIAL_CHANNELS)
  platform: SocialChannel;

  @ApiProperty({ format: 'uuid', example: EXAMPLE_IDS.agent })
  @IsUUID()
  agent_id: string;

  @ApiProperty({ example: 'Do you deliver on Saturdays?' })
  @IsString()
  @Length(1, 4096)
  message: string;

  @ApiProperty({ example: '15551234567', description: "The customer's id on the platform" })
  @IsString()
  @Length(1, 128)
  user_id: string;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', maxLength: 40, description: 'ISO 8601' },
      { type: 'integer', minimum: 1, description: 'epoch milliseconds' },
    ],
    example: '2026-11-25T10:00:00Z',
    description:
      'When the customer sent it (ISO 8601 or epoch milliseconds); a retry with the same one is recognised. Default: now',
  })
  @IsOptional()
  @IsTimestamp()
  timestamp?: string | number;
}

export class ElizaosWebhookReply {
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'We deliver Monday to Saturday; shipping is free on orders over $75.',
    description: "The agent's reply; null when it comes later on the channel (202)",
  })
  message: string | null;

  @ApiProperty({ format: 'uuid', example: EXAMPLE_IDS.agent })
  agent_id: string;

  @ApiProperty({ enum: SOCIAL_CHANNELS, example: 'whatsapp' })
  channel: SocialChannel;

  @ApiProperty({ example: true, description: "The message is in the customer's cross-channel history" })
  context_updated: boolean;
}
