import { BadRequestException, HttpStatus } from '@nestjs/common';
import { DestinationRefused, type OutboundHttpClient } from '@voca/outbound-http';
import { fieldError } from './field-errors.js';
import { RetryLaterException } from './retry-later.exception.js';

/**
 * A URL a vendor registers (an event endpoint, a tool, a document to fetch), checked as a connection would check it:
 * https (plain http only outside production), no credentials, no address inside the engine's network after DNS. A
 * refused one is a 400 naming `field`; a name that cannot be looked up just now, a 503 to retry. Every connection
 * checks it again.
 */
export async function checkVendorUrl(outbound: OutboundHttpClient, raw: string, field = 'url'): Promise<void> {
  try {
    await outbound.checkDestination(raw);
  } catch (error) {
    if (error instanceof DestinationRefused) throw new BadRequestException(fieldError(field, error.message));
    throw new RetryLaterException(
      `${field}'s host could not be looked up just now; try again shortly`,
      5,
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}
