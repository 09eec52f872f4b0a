import { Module } from '@nestjs/common';
import { QueueName } from '@voca/contracts';
import { gatewayQueue } from '../queues/queues.module.js';
import { HandoffsController } from './handoffs.controller.js';
import { Handoffs } from './handoffs.service.js';

/** /api/v1/handoffs: conversations waiting for a person, a person's reply, and handing back to the agent. */
@Module({
  // A person's reply goes to the context-service on `conversations`, which sends it.
  imports: [gatewayQueue(QueueName.Conversations)],
  controllers: [HandoffsController],
  providers: [Handoffs],
})
export class HandoffsModule {}
