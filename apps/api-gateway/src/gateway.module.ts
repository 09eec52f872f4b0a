import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PlatformModule } from '@voca/bootstrap';
import type { GatewayEnv } from '@voca/config';
import { QueueModule } from '@voca/queue';
import { queueDepthMetric, queueOldestWaitingMetric, QUEUES_WATCHED } from './queues/queue-depth.metric.js';
import { queueDashboard } from './queues/queue-dashboard.js';
import { AuthModule } from './auth/auth.module.js';
import { AgentViews } from './agents/agent-views.js';
import { AgentsController } from './agents/agents.controller.js';
import { JwtAuthGuard } from './auth/jwt-auth.guard.js';
import { CustomersController } from './customers/customers.controller.js';
import { CustomersService } from './customers/customers.service.js';
import { EventEndpointsController } from './event-endpoints/event-endpoints.controller.js';
import { EventEndpoints } from './event-endpoints/event-endpoints.service.js';
import { AgentLifecycle } from './lifecycle/agent-lifecycle.service.js';
import { AgentUpdates } from './lifecycle/agent-updates.service.js';
import { CredentialSealer } from './provisioning/credential-sealer.js';
import { LifecycleController } from './lifecycle/lifecycle.controller.js';
import { ApiExceptionFilter } from './http/api-exception.filter.js';
import { RateLimitGuard } from './http/rate-limit.guard.js';
import { StuckWorkController } from './operations/stuck-work.controller.js';
import { AgentOperations } from './operations/agent-operations.js';
import { HandoffsController } from './handoffs/handoffs.controller.js';
import { Handoffs } from './handoffs/handoffs.service.js';
import { AgentOperationsController } from './operations/agent-operations.controller.js';
import { OutboxRelay } from './provisioning/outbox-relay.js';
import { ProgressHub } from './provisioning/progress-hub.js';
import { AccountClaims } from './provisioning/account-claims.js';
import { StreamQuota } from './provisioning/stream-quota.js';
import { WebhookKeysController } from './webhook-keys/webhook-keys.controller.js';
import { WebhookKeys } from './webhook-keys/webhook-keys.service.js';
import { ProgressListener } from './provisioning/progress-listener.controller.js';
import { ProvisioningController } from './provisioning/provisioning.controller.js';
import { ProvisioningFlow } from './provisioning/provisioning-flow.js';
import { ProvisioningRequests } from './provisioning/provisioning-requests.js';
import { ProvisioningStatus } from './provisioning/provisioning-status.js';
import { ConnectWebhookController } from './webhooks/connect-webhook.controller.js';
import { ElizaosWebhookController } from './webhooks/elizaos-webhook.controller.js';
import { InboundIngest } from './webhooks/inbound-ingest.js';
import { webhookMetrics } from './webhooks/webhook-metrics.js';
import { MetaWebhookController } from './webhooks/meta-webhook.controller.js';
import { ReplyHub, ReplyListener } from './webhooks/reply-hub.js';
import { TwitterWebhookController } from './webhooks/twitter-webhook.controller.js';

export const GATEWAY = 'api-gateway';

/**
 * The HTTP API: accepts provisioning requests, puts their flows on BullMQ and reports their progress; receives the
 * platforms' webhooks, records each message and queues it for the context-service.
 */
@Module({})
export class GatewayModule {
  static forEnv(env: GatewayEnv): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forApp(GATEWAY, env),
        QueueModule.provisioningFlowProducer(),
        QueueModule.queues(...QUEUES_WATCHED),
        AuthModule.forEnv(env),
        ...queueDashboard(env),
      ],
      controllers: [
        AgentsController,
        WebhookKeysController,
        CustomersController,
        LifecycleController,
        ProvisioningController,
        ProgressListener,
        MetaWebhookController,
        TwitterWebhookController,
        ConnectWebhookController,
        ElizaosWebhookController,
        ReplyListener,
        StuckWorkController,
        EventEndpointsController,
        AgentOperationsController,
        HandoffsController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        // After authentication: the budget is per token.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        AgentViews,
        OutboxRelay,
        ProgressHub,
        StreamQuota,
        AccountClaims,
        WebhookKeys,
        ProvisioningFlow,
        ProvisioningRequests,
        ProvisioningStatus,
        queueDepthMetric,
        queueOldestWaitingMetric,
        InboundIngest,
        ...webhookMetrics,
        ReplyHub,
        CustomersService,
        AgentLifecycle,
        AgentUpdates,
        CredentialSealer,
        EventEndpoints,
        AgentOperations,
        Handoffs,
      ],
    };
  }
}
