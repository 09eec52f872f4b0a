import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES, EVENT_TYPES, type DeliveryStatus, type EventType } from './event-types.js';

export class EventEndpointView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'https://backend.example.com/voca/events' })
  url: string;

  @ApiProperty({ enum: EVENT_TYPES, isArray: true, example: ['operation.completed', 'conversation.handoff'] })
  events: EventType[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'vendor_cozy_comfort',
    description: "null: every vendor's events",
  })
  vendor_id: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'production backend' })
  description: string | null;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  created_at: string;
}

/** The answer to a registration: the only time the signing secret is shown. */
export class EventEndpointCreatedView extends EventEndpointView {
  @ApiProperty({
    example: 'whsec_pR0m3x4mpl3S3cr3tV4lu3F0rD0cs0nly00000000',
    description: 'Verifies the voca-signature header of every delivery; shown once, store it now',
  })
  secret: string;
}

export class EventEndpointPageView {
  @ApiProperty({ type: [EventEndpointView] })
  items: EventEndpointView[];
}

export class DeliveryAttemptView {
  @ApiProperty({ example: '2026-12-01T10:00:01.000Z' })
  at: string;

  @ApiPropertyOptional({
    example: 503,
    description: 'The HTTP status the endpoint answered; absent when it did not answer',
  })
  status_code?: number;

  @ApiPropertyOptional({ example: 'the endpoint answered 503' })
  error?: string;

  @ApiProperty({ example: 42 })
  duration_ms: number;
}

export class EventDeliveryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The event id: the same in every attempt, so the receiver can drop repeats',
  })
  event_id: string;

  @ApiProperty({ enum: EVENT_TYPES, example: 'operation.completed' })
  event_type: EventType;

  @ApiProperty({ format: 'uuid' })
  agent_id: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'delivered' })
  status: DeliveryStatus;

  @ApiProperty({ example: 1 })
  attempts: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'When the next attempt is due (pending only)',
  })
  next_attempt_at: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-01T10:00:01.000Z' })
  delivered_at: string | null;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  created_at: string;

  @ApiProperty({ type: [DeliveryAttemptView] })
  attempt_log: DeliveryAttemptView[];

  @ApiProperty({ description: 'The event exactly as delivered (the body of every attempt)' })
  event: Record<string, unknown>;
}

export class EventDeliveryPageView {
  @ApiProperty({ type: [EventDeliveryView] })
  items: EventDeliveryView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next (older) page' })
  next_cursor: string | null;
}
