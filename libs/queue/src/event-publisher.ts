import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ClientProxy, ClientsModule, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { EventsSubscription } from './events-subscription.js';
import { closedWithin, pubSubTransportOptions } from './redis-connection.js';

const EVENTS_CLIENT = Symbol('EVENTS_CLIENT');
const PUBLISH_TIMEOUT_MS = 2_000;
const CLOSE_MS = 1_000;

/**
 * Publishes the engine's events on Redis pub/sub (Nest microservices, Redis transport): progress ticks, character
 * changes, replies for waiting webhooks. Best effort by design: every event announces state already in Postgres.
 */
@Injectable()
export class EventPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(EventPublisher.name);

  constructor(@Inject(EVENTS_CLIENT) private readonly client: ClientProxy) {}

  /** True when Redis took the event in time. */
  async publish(pattern: string, event: object): Promise<boolean> {
    try {
      await firstValueFrom(this.client.emit(pattern, event).pipe(timeout(PUBLISH_TIMEOUT_MS)), {
        defaultValue: undefined,
      });
      return true;
    } catch (error) {
      this.logger.warn({ pattern, err: error }, 'event not published');
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Quitting waits for Redis to answer; a Redis that is gone never does.
    await closedWithin(this.client.close(), CLOSE_MS);
  }
}

@Global()
@Module({
  imports: [
    ClientsModule.registerAsync([
      {
        name: EVENTS_CLIENT,
        inject: [ConfigService],
        useFactory: (config: ConfigService) => ({
          transport: Transport.REDIS,
          options: pubSubTransportOptions(config.getOrThrow('REDIS_URL')),
        }),
      },
    ]),
  ],
  providers: [EventPublisher, EventsSubscription],
  exports: [EventPublisher, EventsSubscription],
})
export class EventsModule {}
