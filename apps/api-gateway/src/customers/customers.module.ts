import { Module } from '@nestjs/common';
import { QueueName } from '@voca/contracts';
import { gatewayQueue } from '../queues/queues.module.js';
import { CustomersController } from './customers.controller.js';
import { CustomersService } from './customers.service.js';

/**
 * An agent's conversations and customers: their context across channels, linking their identities, exporting and
 * erasing one customer.
 */
@Module({
  imports: [gatewayQueue(QueueName.Context)],
  controllers: [CustomersController],
  providers: [CustomersService],
})
export class CustomersModule {}
