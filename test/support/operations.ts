import type { Api } from './http.js';
import { bearer, serviceToken } from './tokens.js';
import { waitFor } from './wait-for.js';

export const ENDED_OPERATION_STATUSES = ['completed', 'failed', 'partially_completed', 'cancelled'];

/** Polls an operation's status URL (`/api/v1/provisioning/{id}`) until it has ended, and answers its last view. */
export function operationEnd(
  api: Api,
  statusUrl: string,
  timeoutMs = 45_000,
  headers: Record<string, string> = bearer(serviceToken()),
) {
  return waitFor(
    async () => {
      const { body } = await api.get(statusUrl, headers);
      return ENDED_OPERATION_STATUSES.includes(body.status) ? body : undefined;
    },
    `${statusUrl} to end`,
    timeoutMs,
  );
}
