import {
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { verifyEngineSignature, verifyMetaSignature, verifyXSignature } from '@voca/channels';
import type { GatewayEnv } from '@voca/config';
import { WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '@voca/contracts';
import type { Request } from 'express';

type RawRequest = Request & { rawBody?: Buffer };

function rawBodyOf(context: ExecutionContext): { request: RawRequest; raw: Buffer } {
  const request = context.switchToHttp().getRequest<RawRequest>();
  return { request, raw: request.rawBody ?? Buffer.alloc(0) };
}

function secretOf(config: ConfigService<GatewayEnv, true>, name: 'META_APP_SECRET' | 'X_CONSUMER_SECRET' | 'WEBHOOK_SECRET') {
  const secret = config.get(name, { infer: true });
  if (!secret) throw new ServiceUnavailableException(`this webhook is not configured: set ${name}`);
  return secret;
}

const header = (request: Request, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Signature checks run as guards, before any parsing: a request that is not signed by the platform is refused with
 * 401 before anything is read or recorded.
 */
@Injectable()
export class MetaSignatureGuard implements CanActivate {
  constructor(private readonly config: ConfigService<GatewayEnv, true>) {}

  canActivate(context: ExecutionContext): boolean {
    const { request, raw } = rawBodyOf(context);
    if (!verifyMetaSignature(raw, header(request, 'x-hub-signature-256'), secretOf(this.config, 'META_APP_SECRET'))) {
      throw new UnauthorizedException('X-Hub-Signature-256 does not match the body');
    }
    return true;
  }
}

@Injectable()
export class XSignatureGuard implements CanActivate {
  constructor(private readonly config: ConfigService<GatewayEnv, true>) {}

  canActivate(context: ExecutionContext): boolean {
    const { request, raw } = rawBodyOf(context);
    if (!verifyXSignature(raw, header(request, 'x-twitter-webhooks-signature'), secretOf(this.config, 'X_CONSUMER_SECRET'))) {
      throw new UnauthorizedException('x-twitter-webhooks-signature does not match the body');
    }
    return true;
  }
}

/** The engine's own webhooks (Connect Lambda, generic): HMAC over timestamp and body, within five minutes. */
@Injectable()
export class EngineSignatureGuard implements CanActivate {
  constructor(private readonly config: ConfigService<GatewayEnv, true>) {}

  canActivate(context: ExecutionContext): boolean {
    const { request, raw } = rawBodyOf(context);
    const check = verifyEngineSignature(
      raw,
      header(request, WEBHOOK_TIMESTAMP_HEADER),
      header(request, WEBHOOK_SIGNATURE_HEADER),
      secretOf(this.config, 'WEBHOOK_SECRET'),
    );
    if (check === 'stale') throw new UnauthorizedException('X-Voca-Timestamp is too far from now');
    if (check !== 'ok') throw new UnauthorizedException('X-Voca-Signature does not match the body');
    return true;
  }
}
