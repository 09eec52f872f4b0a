import {
  Controller,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ElizaosWorkerEnv } from '@voca/config';
import { CUSTOMER_FORGOTTEN_PATTERN, type CustomerForgottenEvent } from '@voca/contracts';
import { RuntimeHost } from '@voca/elizaos';

/** An erased customer is forgotten by every replica's ElizaOS (the context-service publishes it once per erasure). */
@Controller()
export class CustomerForgottenListener {
  private readonly logger = new Logger(CustomerForgottenListener.name);

  constructor(private readonly host: RuntimeHost) {}

  @EventPattern(CUSTOMER_FORGOTTEN_PATTERN)
  async onCustomerForgotten(@Payload() event: CustomerForgottenEvent): Promise<void> {
    if (typeof event?.agentId !== 'string' || typeof event.customerId !== 'string') return;
    await this.host.forget(event.agentId, event.customerId);
    this.logger.log({ agentId: event.agentId, customerId: event.customerId }, 'customer forgotten');
  }
}

/**
 * Keeps this replica's ElizaOS working memory bounded: conversations not touched for ELIZAOS_MEMORY_HOURS go, about
 * every tenth of that. It also catches what a replica that was away from Redis missed of an erasure.
 */
@Injectable()
export class WorkingMemoryPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkingMemoryPruner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly host: RuntimeHost,
    private readonly config: ConfigService<ElizaosWorkerEnv, true>,
  ) {}

  onApplicationBootstrap(): void {
    const hours = this.config.get('ELIZAOS_MEMORY_HOURS', { infer: true });
    this.timer = setInterval(
      () => {
        this.running ??= this.host
          .pruneMemory(hours)
          .then((rooms) => rooms && this.logger.log({ rooms, olderThanHours: hours }, 'working memory pruned'))
          .catch((error) => this.logger.warn({ err: error }, 'working memory pruning failed'))
          .finally(() => (this.running = undefined));
      },
      Math.max(60_000, (hours * 3_600_000) / 10),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
