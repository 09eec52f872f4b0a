import { randomBytes, randomUUID } from 'node:crypto';
import {
  CreateInstanceCommand,
  DescribeInstanceCommand,
  ListQueuesCommand,
  type ConnectClient,
  type Instance,
} from '@aws-sdk/client-connect';
import { ConnectInstance } from '@voca/persistence';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { awsCall, orUndefinedIfNotFound } from './aws-errors.js';
import type { LiveConnectSettings } from './live-connect-settings.js';
import { pollUntil } from './poll.js';

export type ActiveInstance = ConnectInstance & { instanceId: string; instanceArn: string };

/** How long a recorded instance counts as verified to exist before it is described again. */
const VERIFIED_FOR_MS = 60_000;

/**
 * The Amazon Connect instances agents share. AWS allows two instances per account and 100 creations a month, so an
 * instance is created once per scope (shared, or one vendor's dedicated one) and recorded; every agent after that
 * reuses it.
 */
export class ConnectInstances {
  /** When each instance id was last seen ACTIVE in AWS, by this process. */
  private readonly verifiedAt = new Map<string, number>();

  constructor(
    private readonly db: DataSource,
    private readonly connect: ConnectClient,
    private readonly settings: LiveConnectSettings,
  ) {}

  scopeFor(vendorId: string): string {
    return this.settings.dedicatedVendors.includes(vendorId) ? `vendor:${vendorId}` : 'shared';
  }

  async ensureActive(scope: string): Promise<ActiveInstance> {
    let row = await this.rowFor(scope);
    const configured = scope === 'shared' ? this.settings.instanceId : undefined;
    if (
      row.status === 'active' &&
      row.instanceId &&
      row.instanceArn &&
      (!configured || configured === row.instanceId)
    ) {
      if (await this.exists(row.instanceId)) return row as ActiveInstance;
      row = await this.vanished(row, configured);
    }
    if (row.status === 'failed') row = await this.restart(row);
    if (scope === 'shared' && this.settings.instanceId) return this.adoptConfigured(row, this.settings.instanceId);
    if (!row.instanceId) {
      const created = await awsCall('creating the Connect instance', () =>
        this.connect.send(
          new CreateInstanceCommand({
            ClientToken: row.clientToken,
            IdentityManagementType: 'CONNECT_MANAGED',
            InstanceAlias: row.alias,
            InboundCallsEnabled: true,
            OutboundCallsEnabled: true,
          }),
        ),
      );
      row = await this.save(row, { instanceId: created.Id!, instanceArn: created.Arn! });
    }
    const instance = await pollUntil('the Connect instance to become active', this.settings.poll, async () => {
      const { Instance } = await awsCall('describing the Connect instance', () =>
        this.connect.send(new DescribeInstanceCommand({ InstanceId: row.instanceId! })),
      );
      return Instance?.InstanceStatus === 'CREATION_IN_PROGRESS' ? undefined : Instance;
    });
    return this.settle(row, instance);
  }

  /**
   * Forgets that an instance was seen lately, so the next use describes it again: a step that met a
   * ResourceNotFoundException calls this, in case the instance itself is what vanished.
   */
  forget(instanceId: string): void {
    this.verifiedAt.delete(instanceId);
  }

  forgetAll(): void {
    this.verifiedAt.clear();
  }

  /** Whether AWS still has the instance, described at most once a minute per process. */
  async exists(instanceId: string): Promise<boolean> {
    if (Date.now() - (this.verifiedAt.get(instanceId) ?? 0) < VERIFIED_FOR_MS) return true;
    const described = await orUndefinedIfNotFound(() =>
      this.connect.send(new DescribeInstanceCommand({ InstanceId: instanceId })),
    );
    if (described?.Instance?.InstanceStatus !== 'ACTIVE') return false;
    this.verifiedAt.set(instanceId, Date.now());
    return true;
  }

  /**
   * A recorded instance AWS no longer has (deleted by hand, or the account, region or endpoint changed). One the
   * operator configured is theirs to replace: the step fails at once saying so. One the engine created is set
   * aside (its row kept, marked `vanished`, with its pooled numbers) and a new one is created in its place; agents
   * provisioned on the old one must be provisioned again.
   */
  private async vanished(row: ConnectInstance, configured: string | undefined): Promise<ConnectInstance> {
    const reason = `instance ${row.instanceId} no longer exists in ${this.settings.region} (deleted, or another account or endpoint)`;
    await this.db
      .getRepository(ConnectInstance)
      .update({ id: row.id }, { status: 'vanished', statusReason: reason, scope: `vanished:${row.id}` });
    if (configured) {
      throw new UnrecoverableError(
        `the Amazon Connect ${reason}: AWS_CONNECT_INSTANCE_ID names it; point it at an existing instance (or unset it to let the engine create one), then retry`,
      );
    }
    return this.rowFor(row.scope);
  }

  /** The ARN of the instance's default queue, where callers wait for a person; looked up once. */
  async basicQueueArn(instance: ActiveInstance): Promise<string> {
    if (instance.basicQueueArn) return instance.basicQueueArn;
    const { QueueSummaryList = [] } = await awsCall('listing the instance queues', () =>
      this.connect.send(new ListQueuesCommand({ InstanceId: instance.instanceId, QueueTypes: ['STANDARD'] })),
    );
    const queue = QueueSummaryList.find((summary) => summary.Name === 'BasicQueue') ?? QueueSummaryList[0];
    if (!queue?.Arn) throw new UnrecoverableError(`Connect instance ${instance.instanceId} has no standard queue`);
    await this.save(instance, { basicQueueArn: queue.Arn });
    instance.basicQueueArn = queue.Arn;
    return queue.Arn;
  }

  async save<T extends ConnectInstance>(row: T, changes: Partial<ConnectInstance>): Promise<T> {
    await this.db.getRepository(ConnectInstance).update({ id: row.id }, changes);
    return Object.assign(row, changes);
  }

  /** The scope's row, written with a fresh client token (before any AWS call) when it does not exist yet. */
  private async rowFor(scope: string): Promise<ConnectInstance> {
    const repository = this.db.getRepository(ConnectInstance);
    await repository
      .createQueryBuilder()
      .insert()
      .values({ scope, region: this.settings.region, alias: this.aliasFor(scope), clientToken: randomUUID() })
      .orIgnore()
      .execute();
    return repository.findOneByOrFail({ scope, region: this.settings.region });
  }

  /** A creation that failed is tried again under a new token and alias, once per operation that needs it. */
  private restart(row: ConnectInstance): Promise<ConnectInstance> {
    return this.save(row, {
      status: 'creating',
      statusReason: null,
      instanceId: null,
      instanceArn: null,
      clientToken: randomUUID(),
      alias: this.aliasFor(row.scope),
    });
  }

  private async adoptConfigured(row: ConnectInstance, instanceId: string): Promise<ActiveInstance> {
    const { Instance } = await awsCall('describing the configured Connect instance', () =>
      this.connect.send(new DescribeInstanceCommand({ InstanceId: instanceId })),
    );
    if (Instance?.InstanceStatus !== 'ACTIVE') {
      throw new UnrecoverableError(`AWS_CONNECT_INSTANCE_ID ${instanceId} is ${Instance?.InstanceStatus ?? 'unknown'}`);
    }
    return this.settle(row, Instance);
  }

  private async settle(row: ConnectInstance, instance: Instance | undefined): Promise<ActiveInstance> {
    if (instance?.InstanceStatus === 'ACTIVE') {
      return (await this.save(row, {
        status: 'active',
        instanceId: instance.Id!,
        instanceArn: instance.Arn!,
      })) as ActiveInstance;
    }
    const reason = instance?.StatusReason?.Message ?? `instance status ${instance?.InstanceStatus ?? 'unknown'}`;
    await this.save(row, { status: 'failed', statusReason: reason });
    throw new UnrecoverableError(`Amazon Connect could not create instance ${row.alias}: ${reason}`);
  }

  private aliasFor(scope: string): string {
    const base = this.settings.instanceAlias ?? `voca-${randomBytes(4).toString('hex')}`;
    if (scope === 'shared') return base;
    const vendor = scope
      .replace(/^vendor:/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    return `${base}-${vendor}`.slice(0, 62).replace(/-+$/, '');
  }
}
