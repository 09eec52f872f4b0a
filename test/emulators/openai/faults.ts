import { OpenAiApiError } from './errors.js';
import type { OpenAiFaultOptions, OpenAiFaultStatus } from './types.js';

const FAULT_STATUSES: readonly OpenAiFaultStatus[] = [429, 500, 502, 503];

/** The error bodies OpenAI answers with for these statuses. */
const FAULT_ERRORS: Record<OpenAiFaultStatus, { message: string; type: string; code: string | null }> = {
  429: {
    message: 'Rate limit reached for requests (injected by the OpenAI emulator). Please try again later.',
    type: 'requests',
    code: 'rate_limit_exceeded',
  },
  500: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    code: null,
  },
  502: { message: 'Bad gateway.', type: 'server_error', code: null },
  503: { message: 'The server is overloaded or not ready yet.', type: 'server_error', code: 'service_unavailable' },
};

interface PlannedFault {
  status: OpenAiFaultStatus;
  left: number;
  retryAfterMs?: number;
}

/** Counted faults, taken in order by chat-completion calls. */
export class FaultPlan {
  private queue: PlannedFault[] = [];

  add(status: OpenAiFaultStatus, times = 1, options: OpenAiFaultOptions = {}): void {
    if (!FAULT_STATUSES.includes(status))
      throw new Error(`failNext: status must be one of ${FAULT_STATUSES.join(', ')}, got ${String(status)}`);
    if (!Number.isInteger(times) || times < 1)
      throw new Error(`failNext: times must be a positive integer, got ${times}`);
    const { retryAfterMs } = options;
    if (retryAfterMs !== undefined && !(Number.isFinite(retryAfterMs) && retryAfterMs >= 0)) {
      throw new Error(`failNext: retryAfterMs must be a non-negative number, got ${retryAfterMs}`);
    }
    this.queue.push({ status, left: times, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }

  /** The error for this call if a fault is planned (consuming one), else undefined. */
  take(): OpenAiApiError | undefined {
    const head = this.queue[0];
    if (!head) return undefined;
    head.left -= 1;
    if (head.left === 0) this.queue.shift();
    const { message, type, code } = FAULT_ERRORS[head.status];
    const headers: Record<string, string> = {};
    if (head.retryAfterMs !== undefined) {
      headers['retry-after-ms'] = String(head.retryAfterMs);
      headers['retry-after'] = String(Math.ceil(head.retryAfterMs / 1000));
    }
    if (head.status === 429) headers['x-ratelimit-remaining-requests'] = '0';
    return new OpenAiApiError(head.status, message, type, null, code, headers);
  }

  /** How many faulted calls are still planned. */
  pending(): number {
    return this.queue.reduce((sum, f) => sum + f.left, 0);
  }

  clear(): void {
    this.queue = [];
  }
}
