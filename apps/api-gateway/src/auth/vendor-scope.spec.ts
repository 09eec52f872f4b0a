import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { principalFromClaims } from './principal.js';
import { canSee, vendorForWrite } from './vendor-scope.js';

const service = { kind: 'service' } as const;
const vendor = { kind: 'vendor', vendorId: 'v1' } as const;

describe('principalFromClaims', () => {
  it('grants the service role, a vendor, or nothing', () => {
    expect(principalFromClaims({ role: 'service', sub: 'backend' })).toEqual({ kind: 'service', subject: 'backend' });
    expect(principalFromClaims({ vendor_id: 'v1' })).toEqual({ kind: 'vendor', vendorId: 'v1', subject: undefined });
    expect(principalFromClaims({ role: 'admin' })).toBeUndefined();
    expect(principalFromClaims({ vendor_id: 42 })).toBeUndefined();
  });
});

describe('vendor scope', () => {
  it('makes the service name the vendor it acts for', () => {
    expect(vendorForWrite(service, 'v9')).toBe('v9');
    expect(() => vendorForWrite(service, undefined)).toThrow(BadRequestException);
  });

  it('lets a vendor act only for itself', () => {
    expect(vendorForWrite(vendor, undefined)).toBe('v1');
    expect(vendorForWrite(vendor, 'v1')).toBe('v1');
    expect(() => vendorForWrite(vendor, 'v2')).toThrow(ForbiddenException);
  });

  it('shows a vendor only its own objects', () => {
    expect(canSee(vendor, 'v1')).toBe(true);
    expect(canSee(vendor, 'v2')).toBe(false);
    expect(canSee(service, 'v2')).toBe(true);
  });
});
