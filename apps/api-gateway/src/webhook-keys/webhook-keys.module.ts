import { Module } from '@nestjs/common';
import { WebhookKeysController } from './webhook-keys.controller.js';
import { WebhookKeys } from './webhook-keys.service.js';

/** An agent's key for signing the generic webhook: reading it and rotating it. */
@Module({
  controllers: [WebhookKeysController],
  providers: [WebhookKeys],
})
export class WebhookKeysModule {}
