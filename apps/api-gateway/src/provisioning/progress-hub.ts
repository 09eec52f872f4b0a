import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ProvisioningProgressEvent } from '@voca/contracts';
import { filter, Subject, type Observable } from 'rxjs';

/**
 * Fans the progress ticks this gateway receives from Redis out to the SSE streams watching each operation.
 * Completes as shutdown begins, before the HTTP server closes: the server waits for open connections, and an open
 * stream would otherwise hold it until the operation ended.
 */
@Injectable()
export class ProgressHub implements BeforeApplicationShutdown {
  private readonly ticks = new Subject<ProvisioningProgressEvent>();
  private readonly closing = new Subject<void>();
  readonly shutdown$: Observable<void> = this.closing.asObservable();

  push(event: ProvisioningProgressEvent): void {
    this.ticks.next(event);
  }

  ticksOf(operationId: string): Observable<ProvisioningProgressEvent> {
    return this.ticks.pipe(filter((event) => event.operationId === operationId));
  }

  beforeApplicationShutdown(): void {
    this.closing.next();
    this.closing.complete();
    this.ticks.complete();
  }
}
