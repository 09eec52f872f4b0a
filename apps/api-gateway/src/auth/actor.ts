import type { Principal } from './principal.js';

/** How the audit trail names who acted. */
export function actorOf(principal: Principal): string {
  const subject = principal.subject ?? 'unknown';
  return principal.kind === 'service' ? `service:${subject}` : `vendor:${principal.vendorId}:${subject}`;
}
