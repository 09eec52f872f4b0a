import type { Logger } from '@nestjs/common';

/**
 * Adds work whose record Postgres already holds. When Redis refuses it, the record stays for the outbox relay or the
 * reconciler to queue later, so the caller goes on: a warning is logged and false returned. True when Redis took it.
 */
export async function enqueueOrLeave(
  add: () => Promise<unknown>,
  logger: Pick<Logger, 'warn'>,
  fields: Record<string, unknown>,
  message: string,
): Promise<boolean> {
  try {
    await add();
    return true;
  } catch (error) {
    logger.warn({ ...fields, err: error }, message);
    return false;
  }
}
