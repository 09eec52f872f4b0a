import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@voca/bootstrap';
import type { ContextServiceEnv } from '@voca/config';
import { QueueName } from '@voca/contracts';
import { OutboundHttpModule } from '@voca/outbound-http';
import { ProvisioningModule } from '@voca/provisioning';
import { QueueModule } from '@voca/queue';
import { ContextConsumer } from './context/context.consumer.js';
import { conversationProviders } from './conversations/conversation-providers.js';
import { CONVERSATION_FLOW } from './conversations/turn-scheduler.js';
import { operationMetrics } from './provisioning/operation-metrics.js';
import { OperationFinalization } from './provisioning/operation-finalization.js';
import { ProvisioningFinalizer } from './provisioning/provisioning-finalizer.consumer.js';
import { Reconciler } from './reconciler/reconciler.js';
import { reconcilerMetrics } from './reconciler/reconciler-metrics.js';
import { DeliveryLedger } from './event-callbacks/delivery-ledger.js';
import { EventDispatcher, eventDeliveryMetric } from './event-callbacks/event-dispatcher.js';
import { EventPoster } from './event-callbacks/event-poster.js';
import { CustomerForgetter } from './customers/customer-forgetter.js';
import { RetentionPruner, retentionPrunedMetric } from './retention/retention-pruner.js';
import { DocumentSource } from './knowledge/document-source.js';
import { KnowledgeIndexer } from './knowledge/knowledge-indexer.consumer.js';
import { knowledgeIndexMetrics } from './knowledge/knowledge-metrics.js';

export const CONTEXT_SERVICE = 'context-service';

/**
 * The record of agents' context and conversations. Consumes `context` (the agent's shared context), `provisioning`
 * (finalising operations), `inbound` (messages and receipts from the webhooks), `conversations` (recording and
 * delivering replies) and `knowledge` (indexing the agents' documents); produces `connect.deprovision`
 * (compensation) and each message's turn flow; reconciles stuck work and prunes what is past its retention (one
 * replica at a time each); sends recorded events to the backend's endpoints; forgets erased customers outside the
 * record.
 */
@Module({})
export class ContextServiceModule {
  static forEnv(env: ContextServiceEnv): DynamicModule {
    return {
      module: ContextServiceModule,
      imports: [
        PlatformModule.forApp(CONTEXT_SERVICE, env),
        // AwsConnect for compensation; all of them for the reconciler, which checks on jobs and queues them again.
        QueueModule.queues(
          QueueName.AwsConnect,
          QueueName.ElizaOS,
          QueueName.Context,
          QueueName.Provisioning,
          QueueName.Inbound,
          QueueName.Conversations,
          // Only to remove an erased customer's reply jobs: the elizaos-worker consumes it.
          QueueName.Messages,
          QueueName.Knowledge,
        ),
        QueueModule.flowProducer(CONVERSATION_FLOW),
        ProvisioningModule,
        OutboundHttpModule,
      ],
      providers: [
        ContextConsumer,
        ProvisioningFinalizer,
        OperationFinalization,
        ...operationMetrics,
        ...conversationProviders,
        Reconciler,
        ...reconcilerMetrics,
        DeliveryLedger,
        EventDispatcher,
        EventPoster,
        eventDeliveryMetric,
        CustomerForgetter,
        RetentionPruner,
        retentionPrunedMetric,
        KnowledgeIndexer,
        DocumentSource,
        ...knowledgeIndexMetrics,
      ],
    };
  }
}
