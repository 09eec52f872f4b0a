import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { RuntimeHost } from '@voca/elizaos';

/** Stops every hosted runtime when the process shuts down (after the consumers have drained their jobs). */
@Injectable()
export class RuntimeHostLifecycle implements OnApplicationShutdown {
  constructor(private readonly host: RuntimeHost) {}

  async onApplicationShutdown(): Promise<void> {
    await this.host.close();
  }
}
