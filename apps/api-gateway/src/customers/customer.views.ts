import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CHANNELS, type Channel, type InboundMedia } from '@voca/contracts';
import { EXAMPLE_IDS } from '../http/api-docs.js';

export class IdentityView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CHANNELS })
  channel: Channel;

  @ApiProperty({ example: '15551234567', description: "The customer's id on the channel" })
  external_id: string;

  @ApiPropertyOptional({ example: '+15551234567' })
  phone?: string;

  @ApiProperty({ enum: ['first_seen', 'phone', 'explicit'], description: 'How it joined this customer' })
  linked: string;
}

export class TurnView {
  @ApiProperty({ enum: ['customer', 'agent'] })
  role: 'customer' | 'agent';

  @ApiProperty({ enum: CHANNELS })
  channel: Channel;

  @ApiProperty({
    example: 'Is this one in stock?',
    description: "The words; a photo's or a document's caption (empty when none)",
  })
  text: string;

  @ApiPropertyOptional({
    example: [{ type: 'image', id: '1479537139650973', mime_type: 'image/jpeg' }],
    description:
      'What the customer sent besides words, as references (WhatsApp and X media ids, Messenger and Instagram URLs)',
  })
  media?: InboundMedia[];

  @ApiProperty({
    example: 'sent',
    description: 'Message status (received, answered, held... / sent, delivered, read...)',
  })
  status: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class CustomerContextView {
  @ApiProperty({ format: 'uuid' })
  customer_id: string;

  @ApiProperty({ format: 'uuid' })
  agent_id: string;

  @ApiPropertyOptional()
  display_name?: string;

  @ApiPropertyOptional({ example: '+15551234567' })
  phone?: string;

  @ApiProperty({ type: [IdentityView] })
  identities: IdentityView[];

  @ApiProperty({ type: [TurnView], description: 'The latest turns from every channel, oldest first' })
  turns: TurnView[];
}

export class ConversationSummaryView {
  @ApiProperty({ format: 'uuid' })
  customer_id: string;

  @ApiPropertyOptional()
  display_name?: string;

  @ApiProperty({ enum: CHANNELS, isArray: true })
  channels: Channel[];

  @ApiProperty()
  messages: number;

  @ApiProperty({ type: TurnView })
  last: TurnView;
}

export class ConversationPageView {
  @ApiProperty()
  total: number;

  @ApiProperty()
  skip: number;

  @ApiProperty()
  limit: number;

  @ApiProperty({ type: [ConversationSummaryView] })
  items: ConversationSummaryView[];
}

export class LinkIdentityDto {
  @ApiProperty({
    format: 'uuid',
    example: EXAMPLE_IDS.identity,
    description: 'An identity of another customer of the same agent, to join this one',
  })
  @IsUUID()
  identity_id: string;
}
