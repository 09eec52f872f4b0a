import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ConversationMessages } from '@voca/persistence';
import type { DataSource } from 'typeorm';
import { AgentResumption } from './agent-resumption.js';
import { conversationMetrics } from './conversation-metrics.js';
import { DeliverConsumer } from './deliver.consumer.js';
import { DeliveryReceipts } from './delivery-receipts.js';
import { HeldMessageStore } from './held-messages.js';
import { InboundConsumer } from './inbound.consumer.js';
import { InboundRecording } from './inbound-recording.js';
import { ReplyDelivery } from './reply-delivery.js';
import { SendRateLimits } from './send-rate-limits.js';
import { TurnCompletion } from './turn-completion.js';
import { TurnScheduler } from './turn-scheduler.js';
import { TurnSettlement } from './turn-settlement.js';

/** The message path of the context-service: its consumers, the services they hand jobs to, and their stores. */
export const conversationProviders: Provider[] = [
  InboundConsumer,
  DeliverConsumer,
  InboundRecording,
  DeliveryReceipts,
  AgentResumption,
  HeldMessageStore,
  TurnScheduler,
  TurnCompletion,
  TurnSettlement,
  ReplyDelivery,
  SendRateLimits,
  ...conversationMetrics,
  {
    provide: ConversationMessages,
    useFactory: (db: DataSource) => new ConversationMessages(db.manager),
    inject: [getDataSourceToken()],
  },
];
