import { JwtService } from '@nestjs/jwt';

export interface TokenSettings {
  JWT_SECRET_KEY: string;
  JWT_MAX_AGE_S: number;
  JWT_ISSUER?: string;
  JWT_AUDIENCE?: string;
}

/** Who a development token speaks for: the backend (the service role), or one vendor. */
export type TokenSubject = { role: 'service' } | { vendorId: string };

/**
 * A bearer token the gateway configured with `settings` accepts: HS256, `exp` and `iat`, living the whole
 * JWT_MAX_AGE_S (a day by default), with the configured `iss` and `aud` when set.
 */
export function developmentToken(settings: TokenSettings, subject: TokenSubject): string {
  const claims = 'vendorId' in subject ? { vendor_id: subject.vendorId } : { role: 'service' };
  return new JwtService({ secret: settings.JWT_SECRET_KEY }).sign(claims, {
    algorithm: 'HS256',
    expiresIn: settings.JWT_MAX_AGE_S,
    subject: 'vendorId' in subject ? `developer-of-${subject.vendorId}` : 'developer',
    ...(settings.JWT_ISSUER ? { issuer: settings.JWT_ISSUER } : {}),
    ...(settings.JWT_AUDIENCE ? { audience: settings.JWT_AUDIENCE } : {}),
  });
}
