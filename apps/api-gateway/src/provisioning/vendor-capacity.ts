import type { EntityManager } from 'typeorm';
import { RetryLaterException } from '../http/retry-later.exception.js';

/** A typical operation's duration, offered as the time to wait when a vendor is at its limit. */
const RETRY_AFTER_S = 30;

/**
 * Fairness between vendors: one vendor's queued and running operations are capped, so a vendor creating hundreds of
 * agents at once waits its turn instead of filling every worker. Serialised per vendor, so the cap is exact.
 */
export async function ensureVendorCapacity(tx: EntityManager, vendorId: string, max: number): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`vendor-operations:${vendorId}`]);
  const [{ running }] = await tx.query(
    `SELECT count(*)::int AS running FROM provisioning_operations WHERE vendor_id = $1 AND status IN ('queued', 'in_progress')`,
    [vendorId],
  );
  if (running >= max) {
    throw new RetryLaterException(
      `vendor ${vendorId} already has ${running} operations queued or running (at most ${max}); retry when some finish`,
      RETRY_AFTER_S,
    );
  }
}
