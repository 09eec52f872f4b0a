import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { INestApplication } from '@nestjs/common';
import { EventsSubscription, pubSubTransportOptions } from '@voca/queue';
import type { Redis } from 'ioredis';

/**
 * Lets the app's @EventPattern handlers receive the engine's Redis pub/sub events (Nest microservices transport),
 * reconnecting and subscribing again after any Redis restart; readiness reports whether the subscriber is connected.
 */
export async function listenForEvents(app: INestApplication, redisUrl: string): Promise<void> {
  const microservice = app.connectMicroservice<MicroserviceOptions>({
    transport: Transport.REDIS,
    options: pubSubTransportOptions(redisUrl),
  });
  await app.startAllMicroservices();
  const [, subscriber] = microservice.unwrap<[Redis, Redis]>();
  app.get(EventsSubscription).watch(subscriber);
}
