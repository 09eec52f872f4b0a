import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { DeliveryStatus } from '@voca/contracts';
import { EngineEvent } from './engine-event.entity.js';
import { EventEndpoint } from './event-endpoint.entity.js';

export interface DeliveryAttempt {
  at: string;
  status_code?: number;
  error?: string;
  duration_ms: number;
}

/**
 * One event for one endpoint, until a 2xx answer or the retry window's end. Deliveries of one endpoint and agent go
 * out in `seq` order: only the oldest pending one of each line is attempted.
 */
@Entity({ name: 'event_deliveries' })
@Index('idx_event_deliveries_event', ['eventId'])
@Unique('uq_event_deliveries_endpoint_event', ['endpointId', 'eventId'])
@Index('idx_event_deliveries_due', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('idx_event_deliveries_line', ['endpointId', 'agentId', 'seq'], { where: `"status" = 'pending'` })
@Index('idx_event_deliveries_endpoint_created', ['endpointId', 'createdAt'])
@Check('chk_event_deliveries_status', `"status" IN ('pending', 'delivered', 'failed')`)
export class EventDelivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_event_deliveries' })
  id: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  @ForeignKey(() => EventEndpoint, { name: 'fk_event_deliveries_endpoint', onDelete: 'CASCADE' })
  endpointId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  @ForeignKey(() => EngineEvent, { name: 'fk_event_deliveries_event', onDelete: 'CASCADE' })
  eventId: string;

  /** The event's agent and sequence number: the order deliveries of one endpoint and agent go out in. */
  @Column({ name: 'agent_id', type: 'uuid' })
  agentId: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DeliveryStatus;

  /** Attempts started, including one that is running or that a stopped replica left unfinished. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'attempt_log', type: 'jsonb', default: () => `'[]'` })
  attemptLog: DeliveryAttempt[];

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
