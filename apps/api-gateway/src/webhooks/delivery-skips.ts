import { Injectable, Logger } from '@nestjs/common';
import type { ParsedWebhook } from '@voca/contracts';
import { InjectMetric } from '@voca/observability';
import type { Counter } from 'prom-client';
import { WEBHOOK_SKIPPED } from './webhook-metrics.js';

/**
 * What a messaging platform's delivery (Meta, X, ...) carried that is not a customer message: counted by reason, and
 * logged. A malformed item is a warning naming its id and field (the rest of its delivery was recorded and
 * acknowledged, so the platform will not send it again); echoes, receipts and other kinds are routine and only debug
 * lines.
 */
@Injectable()
export class DeliverySkips {
  private readonly logger = new Logger(DeliverySkips.name);

  constructor(@InjectMetric(WEBHOOK_SKIPPED) private readonly skippedTotal: Counter<'webhook' | 'reason'>) {}

  record(webhook: string, skipped: ParsedWebhook['skipped'], requestId: string): void {
    for (const { reason, detail } of skipped) {
      this.skippedTotal.inc({ webhook, reason });
      if (reason === 'malformed') this.logger.warn({ webhook, detail, requestId }, 'malformed item skipped');
      else this.logger.debug({ webhook, reason, detail, requestId }, 'item skipped');
    }
  }
}
