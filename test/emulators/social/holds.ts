import type { ServerResponse } from 'node:http';
import type { Answer } from './http.js';
import type { SocialPlatform } from './types.js';

interface Arm {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * holdNext(): the next successful send to a platform is applied (recorded) but its HTTP answer is kept until
 * releaseHeld(), as when a sender crashes (or its connection drops) after the platform accepted the message.
 */
export class HoldPlan {
  private readonly armed = new Map<SocialPlatform, Arm[]>();
  private held: { res: ServerResponse; answer: Answer }[] = [];

  /** Arms one hold; resolves when a send to this platform has been applied and its answer held. */
  arm(platform: SocialPlatform): Promise<void> {
    const promise = new Promise<void>((resolve, reject) => {
      const queue = this.armed.get(platform) ?? [];
      queue.push({ resolve, reject });
      this.armed.set(platform, queue);
    });
    promise.catch(() => undefined); // a hold dropped by reset() must not surface as an unhandled rejection
    return promise;
  }

  /** True when a hold is armed for this platform; consumes it and keeps this answer. */
  holdIfArmed(platform: SocialPlatform, res: ServerResponse, answer: Answer): boolean {
    const arm = this.armed.get(platform)?.shift();
    if (!arm) return false;
    this.held.push({ res, answer });
    arm.resolve();
    return true;
  }

  /** Answers every held send whose client is still connected; returns how many were held. */
  release(write: (res: ServerResponse, answer: Answer) => void): number {
    const held = this.held;
    this.held = [];
    for (const { res, answer } of held) write(res, answer);
    return held.length;
  }

  /** Drops armed holds (their promises reject) and answers held sends. */
  clear(write: (res: ServerResponse, answer: Answer) => void): void {
    for (const queue of this.armed.values())
      for (const arm of queue) arm.reject(new Error('holdNext cancelled by reset() or stop()'));
    this.armed.clear();
    this.release(write);
  }
}
