import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from '@voca/config';
import { budgetKeyOf, type Principal } from '../auth/principal.js';
import { RetryLaterException } from '../http/retry-later.exception.js';

/** How soon a refused watcher should try again: streams end when their operation does. */
const RETRY_AFTER_S = 5;

/**
 * Open event streams per caller on this replica: each holds a socket and a Postgres read every few seconds, so one
 * token may not open them without bound. Beyond SSE_STREAMS_PER_TOKEN the next is 429 until one ends.
 */
@Injectable()
export class StreamQuota {
  private readonly open = new Map<string, number>();
  private readonly limit: number;

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.limit = config.get('SSE_STREAMS_PER_TOKEN', { infer: true });
  }

  /** Takes one stream for the caller; the returned function gives it back (once, however often it is called). */
  take(principal: Principal): () => void {
    const key = budgetKeyOf(principal);
    const count = this.open.get(key) ?? 0;
    if (count >= this.limit) {
      throw new RetryLaterException(
        `this token already has ${this.limit} event streams open (SSE_STREAMS_PER_TOKEN)`,
        RETRY_AFTER_S,
      );
    }
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }
}
