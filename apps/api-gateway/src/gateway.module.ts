import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PlatformModule } from '@voca/bootstrap';
import type { GatewayEnv } from '@voca/config';
import { AgentsModule } from './agents/agents.module.js';
import { AuthModule } from './auth/auth.module.js';
import { JwtAuthGuard } from './auth/jwt-auth.guard.js';
import { KnowledgeModule } from './knowledge/knowledge.module.js';
import { CustomersModule } from './customers/customers.module.js';
import { EventEndpointsModule } from './event-endpoints/event-endpoints.module.js';
import { HandoffsModule } from './handoffs/handoffs.module.js';
import { ApiExceptionFilter } from './http/api-exception.filter.js';
import { RateLimitGuard } from './http/rate-limit.guard.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { OperationsModule } from './operations/operations.module.js';
import { ProvisioningFlowModule } from './provisioning/provisioning-flow.module.js';
import { ProvisioningStatusModule } from './provisioning/provisioning-status.module.js';
import { QueuesModule } from './queues/queues.module.js';
import { ToolsModule } from './tools/tools.module.js';
import { WebhookKeysModule } from './webhook-keys/webhook-keys.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

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
        AuthModule.forEnv(env),
        QueuesModule.forEnv(env),
        ProvisioningFlowModule,
        AgentsModule,
        // Before LifecycleModule: its POST /api/v1/agents/{id}/{action} would take .../{id}/knowledge and .../tools.
        KnowledgeModule,
        ToolsModule,
        LifecycleModule,
        ProvisioningStatusModule,
        OperationsModule,
        WebhookKeysModule,
        CustomersModule,
        HandoffsModule,
        EventEndpointsModule,
        WebhooksModule,
      ],
      // Global to every feature: bearer tokens (unless @PublicRoute()), request budgets, errors in the API's shape.
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        // After authentication: the budget is per token.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
