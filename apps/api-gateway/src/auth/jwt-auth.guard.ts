import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { PUBLIC_ROUTE } from '@voca/observability';
import type { Request } from 'express';
import { principalFromClaims, type Principal, type TokenClaims } from './principal.js';

export interface AuthenticatedRequest extends Request {
  principal: Principal;
}

/**
 * Every HTTP route needs `Authorization: Bearer <JWT>` (HS256, JWT_SECRET_KEY) unless marked public. The token must
 * carry `role: "service"` or a `vendor_id`.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('a bearer token is required');
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new UnauthorizedException(expired ? 'the token has expired' : 'the token is not valid');
    }
    const principal = principalFromClaims(claims);
    if (!principal) throw new ForbiddenException('the token grants neither the service role nor a vendor');
    request.principal = principal;
    return true;
  }
}
