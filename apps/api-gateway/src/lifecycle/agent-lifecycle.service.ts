import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AGENT_UNLOADED_PATTERN,
  allowedActions,
  DELETABLE_STATUSES,
  planOperation,
  PROVISIONED_CHANNEL_STATUSES,
  QueueName,
  TRANSITIONS,
  type AgentAction,
  type AgentStatus,
  type AgentUnloadedEvent,
  type JobItem,
} from '@voca/contracts';
import { Agent, AgentChannelStore, AgentEvent, auditAgentChange, ProvisioningOperations } from '@voca/persistence';
import { enqueueOrLeave, EventPublisher, JOB_PRESETS } from '@voca/queue';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf } from '../auth/actor.js';
import type { Principal } from '../auth/principal.js';
import { canSee } from '../auth/vendor-scope.js';
import { OperationStarter } from '../provisioning/operation-starter.js';
import { cursorPage } from '../http/cursor-page.js';
import type { AgentAuditView } from './lifecycle.views.js';

type InboundJob = Extract<JobItem, { queue: 'inbound' }>;

/** Refuses a transition the state machine does not allow, saying what is allowed instead. */
export function notAllowed(what: string, status: AgentStatus): ConflictException {
  const allowed = allowedActions(status);
  return new ConflictException({
    message: `cannot ${what} an agent that is ${status}; allowed: ${allowed.join(', ') || 'nothing'}`,
    status,
    allowed,
  });
}

/**
 * The agent state machine: start, stop, pause, resume and delete, each recorded in the agent's audit trail with who
 * did it. Side effects follow the transition: stopping unloads the agent's runtimes on every replica, resuming
 * answers what came in meanwhile (or marks it for follow-up), deleting runs a deprovisioning operation.
 */
@Injectable()
export class AgentLifecycle {
  private readonly logger = new Logger(AgentLifecycle.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
    private readonly operations: OperationStarter,
    private readonly events: EventPublisher,
    @InjectQueue(QueueName.Inbound) private readonly inbound: Queue<InboundJob['data'], unknown, InboundJob['name']>,
  ) {}

  async transition(agentId: string, action: AgentAction, principal: Principal, requestId: string): Promise<Agent> {
    const agent = await this.db.transaction(async (tx) => {
      const current = await this.lockedAgent(tx, agentId, principal);
      const to = await this.apply(tx, current, action, principal, requestId);
      return { ...current, status: to };
    });
    await this.afterCommit(agentId, action, requestId);
    return agent as Agent;
  }

  /**
   * Moves a locked agent through a transition in the caller's transaction, with its audit entry; the caller runs
   * `afterCommit` once the transaction committed.
   */
  async apply(
    tx: EntityManager,
    current: Agent,
    action: AgentAction,
    principal: Principal,
    requestId: string,
  ): Promise<AgentStatus> {
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(current.status)) throw notAllowed(action, current.status);
    const to = rule.to === 'answering' ? await this.answeringStatusOf(tx, current.id) : rule.to;
    await tx.update(Agent, { id: current.id }, { status: to });
    await this.audit(tx, current.id, action, current.status, to, principal, requestId);
    return to;
  }

  /**
   * A transition's effects beyond the record: stopping unloads the runtimes everywhere, resuming answers what waited.
   */
  async afterCommit(agentId: string, action: AgentAction, requestId: string): Promise<void> {
    if (action === 'stop') {
      const event: AgentUnloadedEvent = { agentId, reason: 'stopped' };
      await this.events.publish(AGENT_UNLOADED_PATTERN, event);
    }
    if (action === 'resume') {
      // The agent is answering again (that is committed); the reconciler answers what it held once Redis is back.
      await enqueueOrLeave(
        () => this.inbound.add('inbound.resume', { agentId, requestId }, JOB_PRESETS.inbound),
        this.logger,
        { agentId },
        'resume not queued yet; the reconciler will pick the held messages up',
      );
    }
  }

  /** Starts the deletion (or returns the one under way): every resource goes, then the agent is `deleted`. */
  async delete(
    agentId: string,
    principal: Principal,
    requestId: string,
  ): Promise<{ operationId: string; agentId: string; replayed: boolean }> {
    const outcome = await this.db.transaction(async (tx) => {
      const agent = await this.lockedAgent(tx, agentId, principal);
      if (agent.status === 'deleting' || agent.status === 'deleted') {
        const earlier = await new ProvisioningOperations(tx).latestOf(agentId, 'deprovision');
        // A deletion whose teardown failed is tried again; one that finished or is running is returned as it is.
        if (earlier && !(agent.status === 'deleting' && earlier.status === 'failed')) {
          return { operationId: earlier.id, agentId, replayed: true };
        }
      } else if (!DELETABLE_STATUSES.includes(agent.status)) {
        throw notAllowed('delete', agent.status);
      }
      const channels = await this.channels.of(agentId, { tx });
      const operationId = await this.operations.write(tx, {
        agentId,
        vendorId: agent.vendorId,
        kind: 'deprovision',
        steps: planOperation({ kind: 'deprovision', channels: channels.map((channel) => channel.channel) }),
        requestId,
        capacity: 'exempt',
      });
      await tx.update(Agent, { id: agentId }, { status: 'deleting' });
      await this.audit(tx, agentId, 'delete', agent.status, 'deleting', principal, requestId, { operationId });
      return { operationId, agentId, replayed: false };
    });
    if (!outcome.replayed) await this.operations.enqueue(outcome.operationId);
    return outcome;
  }

  /** A page of the agent's audit trail, oldest first, from the entry after `after`. */
  async auditTrail(
    agentId: string,
    principal: Principal,
    page: { limit: number; after?: string },
  ): Promise<AgentAuditView> {
    const agent = await this.db.getRepository(Agent).findOneBy({ id: agentId });
    if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
    const query = this.db
      .getRepository(AgentEvent)
      .createQueryBuilder('e')
      .where('e.agent_id = :agentId', { agentId })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(page.limit + 1);
    if (page.after) {
      query.andWhere('(e.created_at, e.id) > (SELECT created_at, id FROM agent_events WHERE id = :after)', {
        after: page.after,
      });
    }
    const { items, next_cursor } = cursorPage(await query.getMany(), page.limit, (event) => event.id);
    return {
      agent_id: agentId,
      events: items.map((event) => ({
        id: event.id,
        action: event.action,
        ...(event.fromStatus ? { from_status: event.fromStatus } : {}),
        ...(event.toStatus ? { to_status: event.toStatus } : {}),
        actor: event.actor,
        ...(event.requestId ? { request_id: event.requestId } : {}),
        details: event.details,
        at: event.createdAt.toISOString(),
      })),
      next_cursor,
    };
  }

  private async lockedAgent(tx: EntityManager, agentId: string, principal: Principal): Promise<Agent> {
    const agent = await tx.findOne(Agent, { where: { id: agentId }, lock: { mode: 'pessimistic_write' } });
    if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
    return agent;
  }

  /** Active when no channel failed (as the finalizer decides), partially active otherwise. */
  private async answeringStatusOf(tx: EntityManager, agentId: string): Promise<AgentStatus> {
    const channels = await this.channels.of(agentId, { tx });
    const provisioned = channels.every((channel) => PROVISIONED_CHANNEL_STATUSES.includes(channel.status));
    return channels.length > 0 && provisioned ? 'active' : 'partially_active';
  }

  private async audit(
    tx: EntityManager,
    agentId: string,
    action: string,
    fromStatus: AgentStatus,
    toStatus: AgentStatus,
    principal: Principal,
    requestId: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await auditAgentChange(tx, {
      agentId,
      action,
      fromStatus,
      toStatus,
      actor: actorOf(principal),
      requestId,
      details,
    });
  }
}
