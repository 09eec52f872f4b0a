import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { fieldError } from '../http/field-errors.js';
import type { Principal } from './principal.js';

/** The vendor a write acts for: the service must name it; a vendor may only name itself. */
export function vendorForWrite(principal: Principal, requested: string | undefined): string {
  if (principal.kind === 'vendor') {
    if (requested !== undefined && requested !== principal.vendorId) {
      throw new ForbiddenException('vendor_id differs from the vendor of the token');
    }
    return principal.vendorId;
  }
  if (!requested) throw new BadRequestException(fieldError('vendor_id', 'vendor_id is required with a service token'));
  return requested;
}

/** Whether the caller may see an object of this vendor; callers answer 404 when not, never 403. */
export function canSee(principal: Principal, vendorId: string): boolean {
  return principal.kind === 'service' || principal.vendorId === vendorId;
}
