import { Module } from '@nestjs/common';
import { OutboundHttpModule } from '@voca/outbound-http';
import { EventEndpointsController } from './event-endpoints.controller.js';
import { EventEndpoints } from './event-endpoints.service.js';

/** /api/v1/event-endpoints: the backend's endpoints for event callbacks, and each one's deliveries. */
@Module({
  controllers: [EventEndpointsController],
  imports: [OutboundHttpModule],
  providers: [EventEndpoints],
})
export class EventEndpointsModule {}
