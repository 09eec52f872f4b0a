import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { INestApplication } from '@nestjs/common';
import { redisConnectionOptions } from '@voca/queue';

/** Lets the app's @EventPattern handlers receive the engine's Redis pub/sub events (Nest microservices transport). */
export async function listenForEvents(app: INestApplication, redisUrl: string): Promise<void> {
  app.connectMicroservice<MicroserviceOptions>({ transport: Transport.REDIS, options: redisConnectionOptions(redisUrl) });
  await app.startAllMicroservices();
}
