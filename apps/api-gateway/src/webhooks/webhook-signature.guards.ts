import {
  BadRequestException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { agentWebhookKey, connectLambdaKey, verifyEngineSignature } from '@voca/channels';
import type { GatewayEnv } from '@voca/config';
import { WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '@voca/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectMetric } from '@voca/observability';
import { Agent } from '@voca/persistence';
import type { Request } from 'express';
import { fieldError } from '../http/field-errors.js';
import { isUUID } from 'class-validator';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { WEBHOOKS_REJECTED } from './webhook-metrics.js';

type RawRequest = Request & { rawBody?: Buffer };

function rawBodyOf(context: ExecutionContext): { request: RawRequest; raw: Buffer } {
  const request = context.switchToHttp().getRequest<RawRequest>();
  return { request, raw: request.rawBody ?? Buffer.alloc(0) };
}

function secretOf(config: ConfigService<GatewayEnv, true>, name: 'WEBHOOK_SECRET') {
  const secret = config.get(name, { infer: true });
  if (!secret) throw new ServiceUnavailableException(`this webhook is not configured: set ${name}`);
  return secret;
}

const header = (request: Request, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

type Rejections = Counter<'webhook' | 'reason'>;

/**
 * Runs a guard's check, counting what it refuses by webhook and reason. A synchronous check stays synchronous: the
 * platform webhooks are the ingest hot path.
 */
function counted<T extends boolean | Promise<boolean>>(rejections: Rejections, webhook: string, check: () => T): T {
  const refused = (error: unknown): never => {
    const reason =
      error instanceof ServiceUnavailableException
        ? 'not_configured'
        : error instanceof BadRequestException
          ? 'malformed'
          : 'signature';
    rejections.inc({ webhook, reason });
    throw error;
  };
  try {
    const result = check();
    return (result instanceof Promise ? result.catch(refused) : result) as T;
  } catch (error) {
    return refused(error);
  }
}

/** Checks the engine's own scheme (HMAC over timestamp and body, within five minutes) with the given key. */
function requireEngineSignature(request: RawRequest, raw: Buffer, key: string): true {
  const check = verifyEngineSignature(
    raw,
    header(request, WEBHOOK_TIMESTAMP_HEADER),
    header(request, WEBHOOK_SIGNATURE_HEADER),
    key,
  );
  if (check === 'stale') throw new UnauthorizedException('X-Voca-Timestamp is too far from now');
  if (check !== 'ok') throw new UnauthorizedException('X-Voca-Signature does not match the body');
  return true;
}

/** The Connect webhook: signed by the voice Lambda with the key derived for it (connectLambdaKey). */
@Injectable()
export class ConnectSignatureGuard implements CanActivate {
  private readonly key?: string;

  constructor(
    config: ConfigService<GatewayEnv, true>,
    @InjectMetric(WEBHOOKS_REJECTED) private readonly rejections: Rejections,
  ) {
    const master = config.get('WEBHOOK_SECRET', { infer: true });
    if (master) this.key = connectLambdaKey(master);
  }

  canActivate(context: ExecutionContext): boolean {
    return counted(this.rejections, 'connect', () => {
      const { request, raw } = rawBodyOf(context);
      if (!this.key) throw new ServiceUnavailableException('this webhook is not configured: set WEBHOOK_SECRET');
      return requireEngineSignature(request, raw, this.key);
    });
  }
}

/**
 * The generic webhook: signed by the backend with the key of the agent the body names (agentWebhookKey at the
 * agent's key version). An unknown agent is refused like a wrong signature, so the route tells nothing about ids.
 */
@Injectable()
export class AgentSignatureGuard implements CanActivate {
  constructor(
    private readonly config: ConfigService<GatewayEnv, true>,
    @InjectDataSource() private readonly db: DataSource,
    @InjectMetric(WEBHOOKS_REJECTED) private readonly rejections: Rejections,
  ) {}

  canActivate(context: ExecutionContext): Promise<boolean> {
    return counted(this.rejections, 'generic', () => this.check(context));
  }

  private async check(context: ExecutionContext): Promise<boolean> {
    const { request, raw } = rawBodyOf(context);
    const master = secretOf(this.config, 'WEBHOOK_SECRET');
    // The body parser has already read the JSON (the raw bytes are kept for the signature).
    const agentId = (request.body as { agent_id?: unknown } | undefined)?.agent_id;
    // Which key to check with is in the body: one that names no agent cannot be authenticated, only refused.
    if (typeof agentId !== 'string' || !isUUID(agentId))
      throw new BadRequestException(fieldError('agent_id', 'must be the id (UUID) of the agent the message is for'));
    const agent = await this.db
      .getRepository(Agent)
      .findOne({ where: { id: agentId }, select: { id: true, webhookKeyVersion: true } });
    if (!agent) throw new UnauthorizedException('X-Voca-Signature does not match the body');
    return requireEngineSignature(request, raw, agentWebhookKey(master, agent.id, agent.webhookKeyVersion));
  }
}
