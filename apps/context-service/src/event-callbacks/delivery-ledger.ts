import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EngineEventBody, EventType } from '@voca/contracts';
import type { DeliveryAttempt } from '@voca/persistence';
import { DataSource } from 'typeorm';

/** A delivery taken for one attempt: the event as it goes out and where to. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  url: string;
  secretCiphertext: string;
  attempt: number;
  createdAt: Date;
  event: EngineEventBody;
}

interface ClaimedRow {
  id: string;
  endpoint_id: string;
  url: string;
  secret_ciphertext: string;
  attempts: number;
  created_at: Date;
  event_id: string;
  type: EventType;
  event_created_at: Date;
  vendor_id: string;
  agent_id: string;
  data: Record<string, unknown>;
}

/**
 * The deliveries table as the dispatcher uses it. A claim takes due deliveries that are first in their line (the
 * oldest pending one of an endpoint and agent) and leases them: their next attempt moves `leaseMs` ahead, so one that
 * a stopped replica was attempting is attempted again after the lease, and the rest of its line waits meanwhile.
 */
@Injectable()
export class DeliveryLedger {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = (await this.db.query(
      `WITH due AS (
         SELECT d.id FROM event_deliveries d
          WHERE d.status = 'pending' AND d.next_attempt_at <= now()
            AND NOT EXISTS (
              SELECT 1 FROM event_deliveries earlier
               WHERE earlier.endpoint_id = d.endpoint_id AND earlier.agent_id = d.agent_id
                 AND earlier.status = 'pending' AND earlier.seq < d.seq)
          ORDER BY d.next_attempt_at
          LIMIT $1
          FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE event_deliveries d
          SET attempts = d.attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond'
         FROM due, events e, event_endpoints ep
        WHERE d.id = due.id AND e.id = d.event_id AND ep.id = d.endpoint_id
       RETURNING d.id, d.endpoint_id, ep.url, ep.secret_ciphertext, d.attempts, d.created_at,
                 e.id AS event_id, e.type, e.created_at AS event_created_at, e.vendor_id, e.agent_id, e.data`,
      [limit, leaseMs],
    )) as [ClaimedRow[], number] | ClaimedRow[];
    const claimed = (Array.isArray(rows[0]) ? rows[0] : rows) as ClaimedRow[];
    return claimed.map((row) => ({
      id: row.id,
      endpointId: row.endpoint_id,
      url: row.url,
      secretCiphertext: row.secret_ciphertext,
      attempt: row.attempts,
      createdAt: row.created_at,
      event: {
        id: row.event_id,
        type: row.type,
        created_at: row.event_created_at.toISOString(),
        vendor_id: row.vendor_id,
        agent_id: row.agent_id,
        data: row.data,
      },
    }));
  }

  async delivered(id: string, attempt: DeliveryAttempt): Promise<void> {
    await this.db.query(
      `UPDATE event_deliveries SET status = 'delivered', delivered_at = now(), attempt_log = attempt_log || $2::jsonb
        WHERE id = $1 AND status = 'pending'`,
      [id, JSON.stringify([attempt])],
    );
  }

  /** A failed attempt: retried after `retryInMs`, or given up (`failed`) once the delivery is older than the window. */
  /** Records a failed attempt: the delivery is retried later, or, past the retry window, given up (`failed`). */
  async attemptFailed(
    id: string,
    attempt: DeliveryAttempt,
    retryInMs: number,
    windowMs: number,
  ): Promise<'retrying' | 'gave_up' | undefined> {
    const result = (await this.db.query(
      `UPDATE event_deliveries
          SET attempt_log = attempt_log || $2::jsonb,
              next_attempt_at = now() + $3 * interval '1 millisecond',
              status = CASE WHEN created_at + $4 * interval '1 millisecond' <= now() + $3 * interval '1 millisecond'
                            THEN 'failed' ELSE 'pending' END
        WHERE id = $1 AND status = 'pending'
       RETURNING status`,
      [id, JSON.stringify([attempt]), retryInMs, windowMs],
    )) as [{ status: string }[], number] | { status: string }[];
    const [row] = (Array.isArray(result[0]) ? result[0] : result) as { status: string }[];
    return row ? (row.status === 'failed' ? 'gave_up' : 'retrying') : undefined;
  }

  /**
   * A delivery this replica cannot attempt (its secret does not open here): back in line after a pause, no attempt
   * counted.
   */
  async release(id: string, pauseMs: number): Promise<void> {
    await this.db.query(
      `UPDATE event_deliveries SET attempts = attempts - 1, next_attempt_at = now() + $2 * interval '1 millisecond'
        WHERE id = $1 AND status = 'pending'`,
      [id, pauseMs],
    );
  }
}
