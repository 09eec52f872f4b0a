import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EngineEventBody, EventType } from '@voca/contracts';
import type { DeliveryAttempt } from '@voca/persistence';
import { DataSource } from 'typeorm';
import { MAX_RETRY_DELAY_MS } from './retry-delay.js';

/** What an attempt's log entry says from the moment it starts until its outcome replaces it. */
export const UNFINISHED_ATTEMPT = 'no outcome recorded: the attempt is running, or its process stopped during it';

export interface ClaimTiming {
  /** The least time before a claimed delivery may be claimed again: longer than an attempt takes. */
  leaseMs: number;
  /** EVENT_RETRY_BASE_MS: an unfinished attempt is followed by the same backoff as a failed one. */
  retryBaseMs: number;
  /** EVENT_RETRY_WINDOW_MS: a delivery attempted before and now past it is given up, never attempted again. */
  retryWindowMs: number;
}

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
 * oldest pending one of an endpoint and agent) and leases them: their next attempt moves ahead, so one that a stopped
 * replica was attempting is attempted again later, and the rest of its line waits meanwhile.
 */
@Injectable()
export class DeliveryLedger {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Takes up to `limit` due deliveries for an attempt each. The attempt is recorded before it is made (counted, and
   * logged as unfinished until its outcome replaces that entry), so one whose process dies during it still counts:
   * its delivery comes back after the usual backoff (or the lease, if longer) and is given up past the retry window.
   */
  async claim(limit: number, timing: ClaimTiming): Promise<ClaimedDelivery[]> {
    const rows = (await this.db.query(
      `WITH due AS (
         SELECT d.id FROM event_deliveries d
          WHERE d.status = 'pending' AND d.next_attempt_at <= now()
            -- What giveUpUnfinished gives up is never taken, even when it became due between the two statements.
            AND (d.attempts = 0 OR d.created_at + $6 * interval '1 millisecond' > now())
            AND NOT EXISTS (
              SELECT 1 FROM event_deliveries earlier
               WHERE earlier.endpoint_id = d.endpoint_id AND earlier.agent_id = d.agent_id
                 AND earlier.status = 'pending' AND earlier.seq < d.seq)
          ORDER BY d.next_attempt_at
          LIMIT $1
          FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE event_deliveries d
          SET attempts = d.attempts + 1,
              next_attempt_at = now() + GREATEST($2, LEAST($4, $3 * power(2, LEAST(d.attempts, 30))))
                                         * interval '1 millisecond',
              attempt_log = d.attempt_log || $5::jsonb
         FROM due, events e, event_endpoints ep
        WHERE d.id = due.id AND e.id = d.event_id AND ep.id = d.endpoint_id
       RETURNING d.id, d.endpoint_id, ep.url, ep.secret_ciphertext, d.attempts, d.created_at,
                 e.id AS event_id, e.type, e.created_at AS event_created_at, e.vendor_id, e.agent_id, e.data`,
      [
        limit,
        timing.leaseMs,
        timing.retryBaseMs,
        MAX_RETRY_DELAY_MS,
        JSON.stringify([{ at: new Date().toISOString(), error: UNFINISHED_ATTEMPT, duration_ms: 0 }]),
        timing.retryWindowMs,
      ],
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

  /**
   * Gives up the due deliveries whose last attempt never finished (its process stopped during it) once they are past
   * the retry window, as a failed attempt would have; returns how many.
   */
  async giveUpUnfinished(windowMs: number): Promise<number> {
    const result = (await this.db.query(
      `UPDATE event_deliveries SET status = 'failed'
        WHERE status = 'pending' AND attempts > 0 AND next_attempt_at <= now()
          AND created_at + $1 * interval '1 millisecond' <= now()`,
      [windowMs],
    )) as [unknown[], number];
    return result[1] ?? 0;
  }

  async delivered(id: string, attempt: DeliveryAttempt): Promise<void> {
    await this.db.query(
      `UPDATE event_deliveries SET status = 'delivered', delivered_at = now(), attempt_log = (attempt_log - -1) || $2::jsonb
        WHERE id = $1 AND status = 'pending'`,
      [id, JSON.stringify([attempt])],
    );
  }

  /** Records a failed attempt: the delivery is retried later, or, past the retry window, given up (`failed`). */
  async attemptFailed(
    id: string,
    attempt: DeliveryAttempt,
    retryInMs: number,
    windowMs: number,
  ): Promise<'retrying' | 'gave_up' | undefined> {
    const result = (await this.db.query(
      `UPDATE event_deliveries
          SET attempt_log = (attempt_log - -1) || $2::jsonb,
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
      `UPDATE event_deliveries
          SET attempts = attempts - 1, attempt_log = attempt_log - -1,
              next_attempt_at = now() + $2 * interval '1 millisecond'
        WHERE id = $1 AND status = 'pending'`,
      [id, pauseMs],
    );
  }
}
