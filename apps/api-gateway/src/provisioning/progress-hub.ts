import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ProvisioningProgressEvent } from '@voca/contracts';
import { filter, Subject, type Observable } from 'rxjs';

/**
 * Fans the progress ticks this gateway receives from Redis out to the SSE streams watching each operation.
 * Completes on shutdown so open streams end and the server can close.
 */
@Injectable()
export class ProgressHub implements OnApplicationShutdown {
  private readonly ticks = new Subject<ProvisioningProgressEvent>();
  private readonly closing = new Subject<void>();
  readonly shutdown$: Observable<void> = this.closing.asObservable();

  push(event: ProvisioningProgressEvent): void {
    this.ticks.next(event);
  }

  ticksOf(operationId: string): Observable<ProvisioningProgressEvent> {
    return this.ticks.pipe(filter((event) => event.operationId === operationId));
  }

  onApplicationShutdown(): void {
    this.closing.next();
    this.closing.complete();
    this.ticks.complete();
  }
}
