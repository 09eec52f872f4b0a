import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@voca/observability';
import type { Request } from 'express';
import type { Principal } from './principal.js';
import { TokenVerifier } from './token-verifier.js';

export interface AuthenticatedRequest extends Request {
  principal: Principal;
}

/** Every HTTP route needs a bearer token (see TokenVerifier) unless marked public. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.tokens.principalOf(request.headers.authorization);
    return true;
  }
}
