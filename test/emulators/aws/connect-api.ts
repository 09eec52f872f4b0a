import { randomUUID } from 'node:crypto';
import { AwsError } from './aws-errors.js';
import { Input, queryMembers } from './input.js';
import { epochSeconds, type EmulatorEnv } from './options.js';
import { paginate } from './pagination.js';
import { connectRoute, type AwsRequest, type Route } from './router.js';

/**
 * Amazon Connect instances and their Lambda associations. Queues and hours of operation, contact flows and phone
 * numbers are in their own modules and find instances through this one.
 */

export type InstanceStatus = 'CREATION_IN_PROGRESS' | 'ACTIVE' | 'CREATION_FAILED';

export interface Instance {
  id: string;
  arn: string;
  alias: string;
  region: string;
  identityManagementType: string;
  inboundCallsEnabled: boolean;
  outboundCallsEnabled: boolean;
  directoryId?: string;
  tags?: Record<string, string>;
  clientToken?: string;
  createdAt: number;
  readyAt: number;
  failReason?: string;
  lambdaFunctions: { arn: string; clientToken?: string }[];
  lexBots: { aliasArn: string; clientToken?: string }[];
}

/** What Connect's association calls check in the other services. */
export interface AssociationTargets {
  /** Whether a Lambda function with this (unqualified) ARN exists. */
  functionExists(arn: string): boolean;
  /** Whether Lex has this bot alias. */
  botAliasExists(aliasArn: string): boolean;
}

const IDENTITY_TYPES = ['SAML', 'CONNECT_MANAGED', 'EXISTING_DIRECTORY'] as const;
const ALIAS = /^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$/;
const LEX_ALIAS_ARN = /^arn:aws[a-z-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/[0-9a-zA-Z]+\/[0-9a-zA-Z]+$/;
const LAMBDA_ARN =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[a-zA-Z0-9-_]{1,64}(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;
/** Not adjustable in AWS. */
const LAMBDA_FUNCTIONS_PER_INSTANCE = 50;

/** The ARN without a version or alias qualifier, so `...:function:f:$LATEST` and `...:function:f` compare equal. */
export function unqualifiedLambdaArn(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

export class ConnectApi {
  readonly instances = new Map<string, Instance>();
  private readonly instanceTokens = new Map<string, string>();
  private readonly createdListeners: ((instance: Instance) => void)[] = [];
  private instanceFailures: string[] = [];

  constructor(
    private readonly env: EmulatorEnv,
    private readonly targets: AssociationTargets,
  ) {}

  /** Called with each new instance that will become ACTIVE, to give it its default resources. */
  onInstanceCreated(listener: (instance: Instance) => void): void {
    this.createdListeners.push(listener);
  }

  /** The next CreateInstance call(s) end in CREATION_FAILED with this StatusReason. */
  failInstanceCreation(reason: string, times = 1): void {
    for (let i = 0; i < times; i += 1) this.instanceFailures.push(reason);
  }

  reset(): void {
    this.instances.clear();
    this.instanceTokens.clear();
    this.instanceFailures = [];
  }

  status(instance: Instance): InstanceStatus {
    if (this.env.now() < instance.readyAt) return 'CREATION_IN_PROGRESS';
    return instance.failReason === undefined ? 'ACTIVE' : 'CREATION_FAILED';
  }

  /**
   * The instance for an instance-scoped operation. An unknown id is ResourceNotFoundException; so is an instance that
   * is not ACTIVE yet (or failed): its resources do not exist, as with Connect, which answers ResourceNotFoundException
   * for a target that is not ACTIVE.
   */
  activeInstance(instanceId: string): Instance {
    const instance = this.instances.get(instanceId);
    if (!instance) throw new AwsError('ResourceNotFoundException', `Instance not found: ${instanceId}`);
    const status = this.status(instance);
    if (status !== 'ACTIVE') {
      throw new AwsError('ResourceNotFoundException', `Instance ${instanceId} is not ACTIVE (it is ${status}).`);
    }
    return instance;
  }

  instanceByArn(arn: string): Instance | undefined {
    return [...this.instances.values()].find((i) => i.arn === arn);
  }

  isLambdaAssociated(instanceId: string, functionArn: string): boolean {
    const wanted = unqualifiedLambdaArn(functionArn);
    return this.instances.get(instanceId)?.lambdaFunctions.some((f) => unqualifiedLambdaArn(f.arn) === wanted) ?? false;
  }

  isBotAssociated(instanceId: string, aliasArn: string): boolean {
    return this.instances.get(instanceId)?.lexBots.some((b) => b.aliasArn === aliasArn) ?? false;
  }

  routes(): Route[] {
    return [
      connectRoute('AssociateBot', 'PUT', '/instance/{InstanceId}/bot', (r) => this.associateBot(r)),
      connectRoute('DisassociateBot', 'POST', '/instance/{InstanceId}/bot', (r) => this.disassociateBot(r)),
      connectRoute('ListBots', 'GET', '/instance/{InstanceId}/bots', (r) => this.listBots(r)),
      connectRoute('CreateInstance', 'PUT', '/instance', (r) => this.createInstance(r)),
      connectRoute('DescribeInstance', 'GET', '/instance/{InstanceId}', (r) => this.describeInstance(r)),
      connectRoute('ListInstances', 'GET', '/instance', (r) => this.listInstances(r)),
      connectRoute('DeleteInstance', 'DELETE', '/instance/{InstanceId}', (r) => this.deleteInstance(r)),
      connectRoute('AssociateLambdaFunction', 'PUT', '/instance/{InstanceId}/lambda-function', (r) =>
        this.associateLambda(r),
      ),
      connectRoute('ListLambdaFunctions', 'GET', '/instance/{InstanceId}/lambda-functions', (r) => this.listLambdas(r)),
    ];
  }

  inventory() {
    return [...this.instances.values()].map((i) => ({
      id: i.id,
      arn: i.arn,
      alias: i.alias,
      status: this.status(i),
      ...(i.failReason !== undefined ? { statusReason: i.failReason } : {}),
      lambdaFunctions: i.lambdaFunctions.map((f) => f.arn),
      lexBots: i.lexBots.map((b) => b.aliasArn),
    }));
  }

  // --- instances -------------------------------------------------------------------------------------------------

  private createInstance({ body, region }: AwsRequest) {
    const input = new Input(body, 'InvalidRequestException');
    const identityManagementType = input.enum('IdentityManagementType', IDENTITY_TYPES);
    const inboundCallsEnabled = input.boolean('InboundCallsEnabled');
    const outboundCallsEnabled = input.boolean('OutboundCallsEnabled');
    const clientToken = input.optionalString('ClientToken', { max: 500 });
    const alias = input.optionalString('InstanceAlias', { max: 45, pattern: ALIAS });
    const directoryId = input.optionalString('DirectoryId', { max: 12 });
    const tags = input.optionalStringMap('Tags');

    if (clientToken !== undefined) {
      const existing = this.instances.get(this.instanceTokens.get(clientToken) ?? '');
      if (existing) return { Id: existing.id, Arn: existing.arn };
    }
    if (identityManagementType !== 'EXISTING_DIRECTORY' && !alias) {
      throw new AwsError(
        'InvalidRequestException',
        `InstanceAlias is required when IdentityManagementType is ${identityManagementType}.`,
      );
    }
    if (identityManagementType === 'EXISTING_DIRECTORY' && !directoryId) {
      throw new AwsError(
        'InvalidRequestException',
        'DirectoryId is required when IdentityManagementType is EXISTING_DIRECTORY.',
      );
    }
    // Aliases are unique across AWS (they name the access URL).
    if (alias && [...this.instances.values()].some((i) => i.alias.toLowerCase() === alias.toLowerCase())) {
      throw new AwsError('InvalidRequestException', `The alias ${alias} is already in use.`);
    }
    const live = [...this.instances.values()].filter((i) => this.status(i) !== 'CREATION_FAILED').length;
    if (live >= this.env.options.quotas.instances) {
      throw new AwsError(
        'ServiceQuotaExceededException',
        `The quota of ${this.env.options.quotas.instances} instances per account is reached.`,
      );
    }

    const now = this.env.now();
    const id = randomUUID();
    const instance: Instance = {
      id,
      arn: `arn:aws:connect:${region}:${this.env.options.accountId}:instance/${id}`,
      alias: alias ?? directoryId ?? id,
      region,
      identityManagementType,
      inboundCallsEnabled,
      outboundCallsEnabled,
      ...(directoryId ? { directoryId } : {}),
      ...(tags ? { tags } : {}),
      ...(clientToken !== undefined ? { clientToken } : {}),
      createdAt: now,
      readyAt: now + this.env.options.instanceActivationMs,
      lambdaFunctions: [],
      lexBots: [],
    };
    const failReason = this.instanceFailures.shift();
    if (failReason !== undefined) instance.failReason = failReason;
    this.instances.set(id, instance);
    if (clientToken !== undefined) this.instanceTokens.set(clientToken, id);
    if (failReason === undefined) this.addDefaults(instance);
    return { Id: instance.id, Arn: instance.arn };
  }

  /** Gives a new instance its default resources (queues, hours, flows), through the modules that own them. */
  private addDefaults(instance: Instance): void {
    for (const listener of this.createdListeners) listener(instance);
  }

  /** Deleting an instance takes everything in it along: its flows, hours and numbers are unreachable from then on. */
  private deleteInstance({ labels }: AwsRequest) {
    const instance = this.instances.get(labels.InstanceId as string);
    if (!instance) throw new AwsError('ResourceNotFoundException', `Instance not found: ${labels.InstanceId}`);
    this.instances.delete(instance.id);
    if (instance.clientToken !== undefined) this.instanceTokens.delete(instance.clientToken);
    return {};
  }

  private describeInstance({ labels }: AwsRequest) {
    const instance = this.instances.get(labels.InstanceId as string);
    if (!instance) throw new AwsError('ResourceNotFoundException', `Instance not found: ${labels.InstanceId}`);
    const status = this.status(instance);
    return {
      Instance: {
        ...this.summary(instance),
        ...(status === 'CREATION_FAILED' ? { StatusReason: { Message: instance.failReason } } : {}),
        ...(instance.tags ? { Tags: instance.tags } : {}),
      },
    };
  }

  private summary(instance: Instance) {
    const status = this.status(instance);
    return {
      Id: instance.id,
      Arn: instance.arn,
      IdentityManagementType: instance.identityManagementType,
      InstanceAlias: instance.alias,
      CreatedTime: epochSeconds(instance.createdAt),
      ...(status === 'ACTIVE'
        ? {
            ServiceRole: `arn:aws:iam::${this.env.options.accountId}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_${instance.id.slice(0, 8)}`,
          }
        : {}),
      InstanceStatus: status,
      InboundCallsEnabled: instance.inboundCallsEnabled,
      OutboundCallsEnabled: instance.outboundCallsEnabled,
      InstanceAccessUrl: `https://${instance.alias}.my.connect.aws`,
    };
  }

  private listInstances({ query }: AwsRequest) {
    const q = queryMembers(query, { nextToken: {}, maxResults: { integer: true } });
    const all = [...this.instances.values()].map((i) => this.summary(i));
    const { page, nextToken } = paginate(
      all,
      { maxResults: q.maxResults, nextToken: q.nextToken },
      { defaultSize: 10, max: 10, errorCode: 'InvalidRequestException' },
      'instances',
    );
    return { InstanceSummaryList: page, ...(nextToken ? { NextToken: nextToken } : {}) };
  }

  // --- Lambda associations ---------------------------------------------------------------------------------------

  private associateLambda({ labels, body }: AwsRequest) {
    const instance = this.activeInstance(labels.InstanceId as string);
    const input = new Input(body, 'InvalidParameterException');
    const functionArn = input.string('FunctionArn', { max: 140, pattern: LAMBDA_ARN });
    const clientToken = input.optionalString('ClientToken', { max: 500 });
    const existing = instance.lambdaFunctions.find(
      (f) => unqualifiedLambdaArn(f.arn) === unqualifiedLambdaArn(functionArn),
    );
    if (existing) {
      // A retry with the original ClientToken is the same request; anything else is a conflict, as in AWS.
      if (clientToken !== undefined && existing.clientToken === clientToken) return undefined;
      throw new AwsError(
        'ResourceConflictException',
        `Lambda function ${functionArn} is already associated with instance ${instance.id}.`,
      );
    }
    if (!this.targets.functionExists(unqualifiedLambdaArn(functionArn))) {
      throw new AwsError('ResourceNotFoundException', `Lambda function not found: ${functionArn}`);
    }
    if (instance.lambdaFunctions.length >= LAMBDA_FUNCTIONS_PER_INSTANCE) {
      throw new AwsError(
        'ServiceQuotaExceededException',
        `The quota of ${LAMBDA_FUNCTIONS_PER_INSTANCE} Lambda functions per instance is reached.`,
      );
    }
    instance.lambdaFunctions.push({ arn: functionArn, ...(clientToken !== undefined ? { clientToken } : {}) });
    return undefined;
  }

  private listLambdas({ labels, query }: AwsRequest) {
    const instance = this.activeInstance(labels.InstanceId as string);
    const q = queryMembers(query, { nextToken: {}, maxResults: { integer: true } });
    const { page, nextToken } = paginate(
      instance.lambdaFunctions.map((f) => f.arn),
      { maxResults: q.maxResults, nextToken: q.nextToken },
      { defaultSize: 25, max: 25, errorCode: 'InvalidParameterException' },
      `lambdas:${instance.id}`,
    );
    return { LambdaFunctions: page, ...(nextToken ? { NextToken: nextToken } : {}) };
  }

  // --- Lex bot associations (Lex V2 only) -------------------------------------------------------------------------

  private botAliasArn(body: Record<string, unknown>): string {
    const input = new Input(body, 'InvalidParameterException');
    if (input.optionalObject('LexBot')) {
      throw new AwsError('InvalidParameterException', 'The emulator models Lex V2 bots only (LexV2Bot.AliasArn).');
    }
    const v2 = input.optionalObject('LexV2Bot');
    if (!v2) throw new AwsError('InvalidParameterException', 'LexV2Bot is required.');
    return new Input(v2, 'InvalidParameterException').string('AliasArn', { max: 100, pattern: LEX_ALIAS_ARN });
  }

  private associateBot({ labels, body }: AwsRequest) {
    const instance = this.activeInstance(labels.InstanceId as string);
    const aliasArn = this.botAliasArn(body);
    const clientToken = new Input(body, 'InvalidParameterException').optionalString('ClientToken', { max: 500 });
    const existing = instance.lexBots.find((b) => b.aliasArn === aliasArn);
    if (existing) {
      if (clientToken !== undefined && existing.clientToken === clientToken) return undefined;
      throw new AwsError(
        'ResourceConflictException',
        `Bot alias ${aliasArn} is already associated with ${instance.id}.`,
      );
    }
    if (!this.targets.botAliasExists(aliasArn)) {
      throw new AwsError('ResourceNotFoundException', `Bot alias not found: ${aliasArn}`);
    }
    instance.lexBots.push({ aliasArn, ...(clientToken !== undefined ? { clientToken } : {}) });
    return undefined;
  }

  private disassociateBot({ labels, body }: AwsRequest) {
    const instance = this.activeInstance(labels.InstanceId as string);
    const aliasArn = this.botAliasArn(body);
    const index = instance.lexBots.findIndex((b) => b.aliasArn === aliasArn);
    if (index < 0) throw new AwsError('ResourceNotFoundException', `Bot alias ${aliasArn} is not associated.`);
    instance.lexBots.splice(index, 1);
    return undefined;
  }

  private listBots({ labels, query }: AwsRequest) {
    const instance = this.activeInstance(labels.InstanceId as string);
    const q = queryMembers(query, { lexVersion: {}, nextToken: {}, maxResults: { integer: true } });
    if (q.lexVersion !== 'V1' && q.lexVersion !== 'V2') {
      throw new AwsError('InvalidParameterException', 'lexVersion is required: V1 or V2.');
    }
    const bots = q.lexVersion === 'V2' ? instance.lexBots.map((b) => ({ LexV2Bot: { AliasArn: b.aliasArn } })) : [];
    const { page, nextToken } = paginate(
      bots,
      { maxResults: q.maxResults, nextToken: q.nextToken },
      { defaultSize: 25, max: 25, errorCode: 'InvalidParameterException' },
      `bots:${instance.id}`,
    );
    return { LexBots: page, ...(nextToken ? { NextToken: nextToken } : {}) };
  }
}
