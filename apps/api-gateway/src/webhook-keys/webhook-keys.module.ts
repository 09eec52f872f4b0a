import { Module } from '@nestjs/common';
import { ConnectKeyController } from './connect-key.controller.js';
import { WebhookKeysController } from './webhook-keys.controller.js';
import { WebhookKeys } from './webhook-keys.service.js';

/**
 * The keys a backend signs the engine's own webhooks with: an agent's key for the generic webhook (read, rotated),
 * and the voice Lambda's key for the Connect webhook (read, by the service role).
 */
@Module({
  controllers: [WebhookKeysController, ConnectKeyController],
  providers: [WebhookKeys],
})
export class WebhookKeysModule {}
