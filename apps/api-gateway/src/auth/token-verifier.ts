import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { GatewayEnv } from '@voca/config';
import { principalFromClaims, type Principal, type TokenClaims } from './principal.js';

/** How far a token's `iat` may lie ahead of this clock: the issuer's clock may run a little fast, not more. */
export const CLOCK_SKEW_S = 30;

/** Why jsonwebtoken refused a token, in words a caller can act on (never the token itself). */
function refusalOf(error: Error): string {
  if (/maxAge exceeded/.test(error.message)) return 'the token was issued too long ago (JWT_MAX_AGE_S)';
  if (error.name === 'TokenExpiredError') return 'the token has expired';
  if (/iat required/.test(error.message)) return 'the token must carry exp and iat';
  if (/jwt issuer invalid/.test(error.message)) return 'the token was issued by someone else (iss)';
  if (/jwt audience invalid/.test(error.message)) return 'the token is meant for someone else (aud)';
  return 'the token is not valid';
}

/**
 * Who an `Authorization: Bearer <JWT>` header speaks for: the token must be HS256 with JWT_SECRET_KEY, carry `exp`
 * and `iat` (living at most JWT_MAX_AGE_S, issued no later than now and a little clock skew), the configured `iss`
 * and `aud` if any, and `role: "service"` or a `vendor_id`. Throws 401 (no or bad token) or 403 (a token that
 * grants nothing).
 */
@Injectable()
export class TokenVerifier {
  private readonly maxAgeS: number;

  constructor(
    private readonly jwt: JwtService,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.maxAgeS = config.get('JWT_MAX_AGE_S', { infer: true });
  }

  async principalOf(authorization: string | undefined): Promise<Principal> {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedException('a bearer token is required');
    let claims: TokenClaims & { exp?: unknown; iat?: unknown };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token);
    } catch (error) {
      throw new UnauthorizedException(refusalOf(error as Error));
    }
    // A token without an expiry would be valid forever once leaked; one that outlives JWT_MAX_AGE_S is as bad.
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
      throw new UnauthorizedException('the token must carry exp and iat');
    }
    // jsonwebtoken checks `nbf`, not `iat`: a token "issued" in the future would stay valid as long as its exp says.
    if (claims.iat > Date.now() / 1000 + CLOCK_SKEW_S) {
      throw new UnauthorizedException('the token was issued in the future (iat)');
    }
    if (claims.exp - claims.iat > this.maxAgeS) {
      throw new UnauthorizedException(`the token lives longer than ${this.maxAgeS} s (JWT_MAX_AGE_S)`);
    }
    const principal = principalFromClaims(claims);
    if (!principal) throw new ForbiddenException('the token grants neither the service role nor a vendor');
    return principal;
  }
}
