import jwt from 'jsonwebtoken';
import { TEST_JWT_SECRET } from './test-env.js';

export function serviceToken(): string {
  return jwt.sign({ role: 'service', sub: 'backend' }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: 600 });
}

export function vendorToken(vendorId: string): string {
  return jwt.sign({ vendor_id: vendorId, sub: `user-of-${vendorId}` }, TEST_JWT_SECRET, {
    algorithm: 'HS256',
    expiresIn: 600,
  });
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
