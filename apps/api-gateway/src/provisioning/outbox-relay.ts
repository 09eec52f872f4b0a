import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from '@voca/config';
import { ProvisioningOperations } from '@voca/persistence';
import { DataSource } from 'typeorm';
import { ProvisioningFlow } from './provisioning-flow.js';

const BATCH = 50;

/**
 * Adds the flows of operations that were recorded but never reached BullMQ (Redis was down when the request came).
 * Rows are claimed with SKIP LOCKED, so several gateway replicas share the work without doing it twice.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly flow: ProvisioningFlow,
    private readonly config: ConfigService<GatewayEnv, true>,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.get('OUTBOX_RELAY_INTERVAL_MS', { infer: true });
    this.timer = setInterval(() => {
      this.running ??= this.relay()
        .catch((error) => this.logger.warn({ err: error }, 'outbox relay pass failed'))
        .finally(() => (this.running = undefined));
    }, interval);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: enqueues every operation left unenqueued for longer than one interval. Returns how many. */
  async relay(): Promise<number> {
    const interval = this.config.get('OUTBOX_RELAY_INTERVAL_MS', { infer: true });
    return this.db.transaction(async (tx) => {
      const ids = await new ProvisioningOperations(tx).unenqueued(interval, BATCH);
      for (const id of ids) {
        await this.flow.enqueue(id, tx);
        this.logger.log({ operationId: id }, 'relayed provisioning flow');
      }
      return ids.length;
    });
  }
}
