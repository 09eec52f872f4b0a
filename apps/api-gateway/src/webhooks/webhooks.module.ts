import { Module } from '@nestjs/common';
import { QueueName } from '@voca/contracts';
import { gatewayQueue } from '../queues/queues.module.js';
import { CHANNEL_WEBHOOK_CONTROLLERS, DoorSignatureGuard, OpenDoors } from './channel-webhooks.js';
import { ConnectWebhookController } from './connect-webhook.controller.js';
import { ElizaosWebhookController } from './elizaos-webhook.controller.js';
import { DeliverySkips } from './delivery-skips.js';
import { InboundIngest } from './inbound-ingest.js';
import { ReplyHub, ReplyListener } from './reply-hub.js';
import { webhookMetrics } from './webhook-metrics.js';

/**
 * The platforms' webhooks (the messaging channels' doors, Amazon Connect, generic): each message recorded and queued on
 * `inbound`.
 */
@Module({
  imports: [gatewayQueue(QueueName.Inbound)],
  // ReplyListener takes the context-service's replies off pub/sub for the webhooks that answer synchronously.
  controllers: [...CHANNEL_WEBHOOK_CONTROLLERS, ConnectWebhookController, ElizaosWebhookController, ReplyListener],
  // The metrics are also injected by the signature guards these controllers use.
  providers: [InboundIngest, DeliverySkips, ReplyHub, OpenDoors, DoorSignatureGuard, ...webhookMetrics],
})
export class WebhooksModule {}
