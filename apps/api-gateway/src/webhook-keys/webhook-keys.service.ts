import { ForbiddenException, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { agentWebhookKey, connectLambdaKey } from '@voca/channels';
import type { GatewayEnv } from '@voca/config';
import type { ConnectKeyView, WebhookKeyView } from '@voca/contracts';
import { Agent, auditAgentChange } from '@voca/persistence';
import { DataSource } from 'typeorm';
import { actorOf } from '../auth/actor.js';
import type { Principal } from '../auth/principal.js';
import { canSee } from '../auth/vendor-scope.js';

const SIGNING =
  'X-Voca-Timestamp: <unix seconds>; X-Voca-Signature: sha256=<hex HMAC-SHA256(webhook_key, "<timestamp>.<raw body>")>';
const CONNECT_PATH = '/api/v1/webhooks/connect';

/**
 * Each agent's own key for the generic webhook: shown to whoever may see the agent, and rotated on request (the old
 * key stops working at once; the rotation is in the agent's audit trail, the key never is).
 */
@Injectable()
export class WebhookKeys {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<GatewayEnv, true>,
  ) {}

  async get(agentId: string, principal: Principal): Promise<WebhookKeyView> {
    const agent = await this.db.getRepository(Agent).findOneBy({ id: agentId });
    if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
    return this.viewOf(agent.id, agent.webhookKeyVersion);
  }

  async rotate(agentId: string, principal: Principal, requestId: string): Promise<WebhookKeyView> {
    const version = await this.db.transaction(async (tx) => {
      const agent = await tx
        .getRepository(Agent)
        .findOne({ where: { id: agentId }, lock: { mode: 'pessimistic_write' } });
      if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
      const next = agent.webhookKeyVersion + 1;
      await tx.update(Agent, { id: agentId }, { webhookKeyVersion: next });
      await auditAgentChange(tx, {
        agentId,
        action: 'webhook_key_rotated',
        fromStatus: agent.status,
        toStatus: agent.status,
        actor: actorOf(principal),
        requestId,
        details: { key_version: next },
      });
      return next;
    });
    return this.viewOf(agentId, version);
  }

  /**
   * The voice Lambda's key signs turns for every agent of the engine, so only the service role (the backend) reads
   * it. It changes only with WEBHOOK_SECRET.
   */
  connect(principal: Principal): ConnectKeyView {
    if (principal.kind !== 'service')
      throw new ForbiddenException("the voice Lambda's key signs turns for every agent: it is for the service role");
    const master = this.config.get('WEBHOOK_SECRET', { infer: true });
    if (!master) throw new ServiceUnavailableException('the Connect webhook is not configured: set WEBHOOK_SECRET');
    const base = this.config.get('PUBLIC_BASE_URL', { infer: true }).replace(/\/$/, '');
    return { webhook_url: `${base}${CONNECT_PATH}`, webhook_key: connectLambdaKey(master), signing: SIGNING };
  }

  private viewOf(agentId: string, version: number): WebhookKeyView {
    const master = this.config.get('WEBHOOK_SECRET', { infer: true });
    if (!master) throw new ServiceUnavailableException('the generic webhook is not configured: set WEBHOOK_SECRET');
    return {
      agent_id: agentId,
      webhook_key: agentWebhookKey(master, agentId, version),
      key_version: version,
      signing: SIGNING,
    };
  }
}
