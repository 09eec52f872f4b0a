import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import type { GatewayEnv } from '@voca/config';
import { QueueName } from '@voca/contracts';
import { OutboundHttpModule } from '@voca/outbound-http';
import { gatewayQueue } from '../queues/queues.module.js';
import { KnowledgeController } from './knowledge.controller.js';
import { KnowledgeDocuments } from './knowledge-documents.service.js';

/**
 * /api/v1/agents/{id}/knowledge: an agent's documents, uploaded, versioned, listed and deleted; each version queued
 * for the indexer (context-service, queue `knowledge`).
 */
@Module({
  imports: [
    gatewayQueue(QueueName.Knowledge),
    OutboundHttpModule,
    MulterModule.registerAsync({
      inject: [ConfigService],
      // No storage named: multer keeps the file in memory, since its bytes go into the version's row.
      useFactory: (config: ConfigService<GatewayEnv, true>) => ({
        // Browsers and curl send a file's name as raw UTF-8; multer's default would read it as Latin-1.
        defParamCharset: 'utf8',
        limits: {
          fileSize: config.get('KNOWLEDGE_MAX_BYTES', { infer: true }),
          files: 1,
          fields: 4,
          fieldSize: 4 * 1024,
          parts: 6,
        },
      }),
    }),
  ],
  controllers: [KnowledgeController],
  providers: [KnowledgeDocuments],
})
export class KnowledgeModule {}
