import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContextServiceEnv } from '@voca/config';
import {
  connectAuditJobId,
  deliverJobId,
  forgetJobId,
  inboundJobId,
  knowledgeIndexJobId,
  provisioningJobId,
  QueueName,
  STEP_JOBS,
  type ChannelStepName,
  type JobItem,
} from '@voca/contracts';
import { onOneReplica, STUCK_WORK_KINDS, stuckWork, type StuckWorkKind } from '@voca/persistence';
import { OperationRecords } from '@voca/provisioning';
import { JOB_PRESETS } from '@voca/queue';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Queue } from 'bullmq';
import type { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { TurnScheduler } from '../conversations/turn-scheduler.js';
import { TurnSettlement } from '../conversations/turn-settlement.js';
import { OperationFinalization } from '../provisioning/operation-finalization.js';
import { fateOf } from './job-liveness.js';
import { RECONCILED_TOTAL, STUCK_WORK } from './reconciler-metrics.js';

type InboundJob = Extract<JobItem, { queue: 'inbound' }>;
export type ReconcileReport = Partial<Record<StuckWorkKind, { found: number; requeued: number; settled: number }>>;

/** One replica at a time reconciles: the others skip their pass while one holds this lock. */
const LOCK_KEY = 'voca:reconciler';

/**
 * Finds work that stopped moving and gets it moving or ends it, so nothing stays stuck after a worker died, a job
 * failed for good or Redis lost its jobs. Postgres is the record: a message or operation whose job is gone is queued
 * again (deterministic job ids make that safe); one whose job failed for good is settled (a person follows up, the
 * operation ends and frees the vendor's slot). Runs every RECONCILE_INTERVAL_MS on one replica at a time.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Reconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private auditedWindow?: number;
  /** The queues the channel steps run on, by queue name (STEP_JOBS says which step runs where). */
  private readonly stepQueues: Partial<Record<QueueName, Queue>>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<ContextServiceEnv, true>,
    private readonly turns: TurnScheduler,
    private readonly settlement: TurnSettlement,
    private readonly finalization: OperationFinalization,
    private readonly records: OperationRecords,
    @InjectQueue(QueueName.Inbound) private readonly inbound: Queue<InboundJob['data'], unknown, InboundJob['name']>,
    @InjectQueue(QueueName.Conversations) private readonly conversations: Queue,
    @InjectQueue(QueueName.Provisioning) private readonly provisioning: Queue,
    @InjectQueue(QueueName.AwsConnect) private readonly awsConnect: Queue,
    @InjectQueue(QueueName.ElizaOS) elizaos: Queue,
    @InjectQueue(QueueName.Context) private readonly context: Queue,
    @InjectQueue(QueueName.Knowledge) private readonly knowledge: Queue,
    @InjectMetric(STUCK_WORK) private readonly stuck: Gauge,
    @InjectMetric(RECONCILED_TOTAL) private readonly reconciled: Counter,
  ) {
    this.stepQueues = { [awsConnect.name]: awsConnect, [elizaos.name]: elizaos, [context.name]: context };
  }

  onApplicationBootstrap(): void {
    if (this.config.get('RECONCILER', { infer: true }) === 'off') return;
    this.timer = setInterval(
      () => {
        this.running ??= this.pass()
          .catch((error) => this.logger.warn({ err: error }, 'reconciler pass failed'))
          .finally(() => (this.running = undefined));
      },
      this.config.get('RECONCILE_INTERVAL_MS', { infer: true }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every kind of stuck work; undefined when another replica holds the lock. */
  async pass(): Promise<ReconcileReport | undefined> {
    const report = await onOneReplica(this.db, LOCK_KEY, async () => {
      const found: ReconcileReport = {};
      for (const kind of STUCK_WORK_KINDS) found[kind] = await this.sweep(kind);
      await this.askForConnectAudit();
      return found;
    });
    // Another replica reconciles now: what this one found earlier is stale, and only the one passing reports.
    if (!report) this.stuck.reset();
    return report;
  }

  /**
   * Cloud resources can vanish without any work being stuck (deleted by hand in the AWS console): once per
   * CONNECT_AUDIT_INTERVAL_MS the aws-connect-worker is asked to compare what the engine recorded with AWS and to
   * heal what vanished. The job id is the period's, so replicas that ask at once run one audit.
   */
  private async askForConnectAudit(): Promise<void> {
    const interval = this.config.get('CONNECT_AUDIT_INTERVAL_MS', { infer: true });
    if (!interval) return;
    const window = Math.floor(Date.now() / interval);
    if (window === this.auditedWindow) return;
    await this.awsConnect.add(
      'connect.audit',
      { requestId: `reconciler-${window}` },
      { ...JOB_PRESETS.periodic, jobId: connectAuditJobId(window) },
    );
    this.auditedWindow = window;
  }

  private async sweep(kind: StuckWorkKind) {
    const items = await stuckWork(this.db, kind, {
      stuckAfterMs: this.config.get('STUCK_AFTER_MS', { infer: true }),
      turnDeadlineMs: this.config.get('TURN_DEADLINE_MS', { infer: true }),
    });
    this.stuck.set({ kind }, items.length);
    const counts = { found: items.length, requeued: 0, settled: 0 };
    for (const { id } of items) {
      const outcome = await this.reconcile(kind, id).catch((error: unknown) => {
        this.logger.warn({ kind, id, err: error }, 'could not reconcile');
        return 'left' as const;
      });
      if (outcome === 'left') continue;
      counts[outcome] += 1;
      this.reconciled.inc({ kind, action: outcome });
      this.logger.log({ kind, id, action: outcome }, 'stuck work reconciled');
    }
    return counts;
  }

  private async reconcile(kind: StuckWorkKind, id: string): Promise<'requeued' | 'settled' | 'left'> {
    switch (kind) {
      case 'received_messages': {
        const fate = await fateOf(this.inbound, inboundJobId(id));
        if (fate.kind === 'alive') return 'left';
        if (fate.kind === 'gone') {
          await this.inbound.add(
            'inbound.message',
            { messageId: id, requestId: 'reconciler' },
            { ...JOB_PRESETS.inbound, jobId: inboundJobId(id) },
          );
          return 'requeued';
        }
        return (await this.settlement.settle(id, 'the message could not be processed')) ? 'settled' : 'left';
      }
      case 'held_messages':
        await this.inbound.add('inbound.resume', { agentId: id, requestId: 'reconciler' }, JOB_PRESETS.inbound);
        return 'requeued';
      case 'waiting_customers':
        await this.turns.startNext(id, 'reconciler');
        return 'requeued';
      case 'open_turns': {
        const fate = await fateOf(this.conversations, deliverJobId(id));
        if (fate.kind === 'alive') return 'left';
        const reason = fate.kind === 'failed' ? fate.reason : 'its job was lost';
        return (await this.settlement.settle(id, `the turn could not be completed: ${reason}`)) ? 'settled' : 'left';
      }
      case 'operations':
        return this.reconcileOperation(id);
      case 'erasures':
        return this.reconcileErasure(id);
      case 'knowledge_versions':
        return this.reconcileKnowledgeVersion(id);
    }
  }

  /**
   * A document version whose indexing job never reached Redis (or was lost) is queued; one whose job failed for good
   * was failed by its consumer, unless that replica died first: it is tried again.
   */
  private async reconcileKnowledgeVersion(versionId: string): Promise<'requeued' | 'left'> {
    const jobId = knowledgeIndexJobId(versionId);
    const fate = await fateOf(this.knowledge, jobId);
    if (fate.kind === 'alive') return 'left';
    if (fate.kind === 'failed') {
      await (await this.knowledge.getJob(jobId))?.retry('failed');
      return 'requeued';
    }
    await this.knowledge.add(
      'knowledge.index',
      { versionId, requestId: 'reconciler' },
      { ...JOB_PRESETS.knowledgeIndex, jobId },
    );
    return 'requeued';
  }

  /** An erasure whose forgetting job never reached Redis is queued; one that failed for good is tried again. */
  private async reconcileErasure(erasureId: string): Promise<'requeued' | 'left'> {
    const fate = await fateOf(this.context, forgetJobId(erasureId));
    if (fate.kind === 'alive') return 'left';
    if (fate.kind === 'failed') {
      await (await this.context.getJob(forgetJobId(erasureId)))?.retry('failed');
      return 'requeued';
    }
    await this.context.add(
      'customer.forget',
      { erasureId, requestId: 'reconciler' },
      { ...JOB_PRESETS.erasure, jobId: forgetJobId(erasureId) },
    );
    return 'requeued';
  }

  /**
   * An operation whose flow vanished (Redis lost it) goes back to the outbox: the gateway's relay adds its flow
   * again, and its idempotent steps run again. One whose flow can no longer end it (its finalize job failed for
   * good, or waits on steps none of which is alive) is ended here.
   */
  private async reconcileOperation(operationId: string): Promise<'requeued' | 'settled' | 'left'> {
    const finalize = await this.provisioning.getJob(provisioningJobId(operationId, 'finalize'));
    if (!finalize) {
      return (await this.records.returnToOutbox(operationId)) ? 'requeued' : 'left';
    }
    const state = await finalize.getState();
    if (state === 'waiting' || state === 'active' || state === 'delayed' || state === 'prioritized') return 'left';
    if (state === 'waiting-children' && (await this.anyStepAlive(operationId))) return 'left';
    return (await this.finalization.settle(operationId)) ? 'settled' : 'left';
  }

  private async anyStepAlive(operationId: string): Promise<boolean> {
    const steps: { name: ChannelStepName }[] = await this.db.query(
      `SELECT name FROM provisioning_steps WHERE operation_id = $1 AND name <> 'finalize'`,
      [operationId],
    );
    for (const { name } of steps) {
      const queue = this.stepQueues[STEP_JOBS[name].queue];
      if (!queue) throw new Error(`no queue for the ${name} step (${STEP_JOBS[name].queue})`);
      if ((await fateOf(queue, provisioningJobId(operationId, name))).kind === 'alive') return true;
    }
    return false;
  }
}
