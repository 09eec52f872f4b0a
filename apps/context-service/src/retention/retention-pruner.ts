import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContextServiceEnv } from '@voca/config';
import { InjectMetric, makeCounterProvider } from '@voca/observability';
import {
  onOneReplica,
  pruneBatch,
  RETENTION_KINDS,
  retentionSettingOf,
  type RetentionDays,
  type RetentionKind,
} from '@voca/persistence';
import type { Counter } from 'prom-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';

export const RETENTION_PRUNED = 'voca_retention_pruned_total';

export const retentionPrunedMetric = makeCounterProvider({
  name: RETENTION_PRUNED,
  help: 'Rows removed by retention (RETENTION_*_DAYS), by kind: messages, handoffs, customers, events, audit, erasures',
  labelNames: ['kind'],
});

/** One replica at a time prunes: the others skip their pass while one holds this lock. */
const LOCK_KEY = 'voca:retention';

export type PruneReport = Partial<Record<RetentionKind, number>>;

/**
 * Removes what is older than its retention setting (RETENTION_MESSAGE_DAYS, RETENTION_EVENT_DAYS,
 * RETENTION_AUDIT_DAYS; 0 keeps it for good), every RETENTION_INTERVAL_MS on one replica at a time, in batches of
 * RETENTION_BATCH rows with a pause between them, so a backlog of millions drains in the background without holding
 * locks or the database away from the message path.
 */
@Injectable()
export class RetentionPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionPruner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<ContextServiceEnv, true>,
    @InjectMetric(RETENTION_PRUNED) private readonly pruned: Counter<'kind'>,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.get('RETENTION', { infer: true }) === 'off') return;
    this.timer = setInterval(
      () => {
        this.running ??= this.pass()
          .catch((error) => this.logger.warn({ err: error }, 'retention pass failed'))
          .finally(() => (this.running = undefined));
      },
      this.config.get('RETENTION_INTERVAL_MS', { infer: true }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * One pass over every kind, until nothing old is left or the pass has run for its interval; undefined when another
   * replica prunes.
   */
  async pass(): Promise<PruneReport | undefined> {
    return onOneReplica(this.db, LOCK_KEY, async () => {
      const deadline = Date.now() + this.config.get('RETENTION_INTERVAL_MS', { infer: true });
      const report: PruneReport = {};
      for (const kind of RETENTION_KINDS) report[kind] = await this.prune(kind, deadline);
      return report;
    });
  }

  private async prune(kind: RetentionKind, deadline: number): Promise<number> {
    const days = this.days()[retentionSettingOf(kind)];
    if (!days) return 0;
    const batch = this.config.get('RETENTION_BATCH', { infer: true });
    const pause = this.config.get('RETENTION_PAUSE_MS', { infer: true });
    let total = 0;
    while (!this.stopped && Date.now() < deadline) {
      const deleted = await pruneBatch(this.db, kind, days, batch);
      total += deleted;
      if (deleted) this.pruned.inc({ kind }, deleted);
      if (deleted < batch) break;
      await sleep(pause);
    }
    if (total) this.logger.log({ kind, removed: total, olderThanDays: days }, 'retention pruned');
    return total;
  }

  private days(): RetentionDays {
    return {
      messages: this.config.get('RETENTION_MESSAGE_DAYS', { infer: true }),
      events: this.config.get('RETENTION_EVENT_DAYS', { infer: true }),
      audit: this.config.get('RETENTION_AUDIT_DAYS', { infer: true }),
    };
  }
}
