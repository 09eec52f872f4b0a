import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EventType } from '@voca/contracts';

/** An HTTPS endpoint of the backend and the event types it receives there, for one vendor or (null) every vendor. */
@Entity({ name: 'event_endpoints' })
@Index('idx_event_endpoints_vendor', ['vendorId'])
export class EventEndpoint {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_event_endpoints' })
  id: string;

  @Column({ name: 'vendor_id', type: 'varchar', length: 64, nullable: true })
  vendorId: string | null;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes: EventType[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;

  /**
   * The signing secret, sealed like platform credentials (bound to this endpoint's id); shown once, at registration.
   */
  @Column({ name: 'secret_ciphertext', type: 'text' })
  secretCiphertext: string;

  /** Who registered it, as the audit trail names actors. */
  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
