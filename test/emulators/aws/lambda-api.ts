import { createHash, randomUUID } from 'node:crypto';
import { Runtime } from '@aws-sdk/client-lambda';
import { AwsError } from './aws-errors.js';
import { Input } from './input.js';
import type { EmulatorEnv } from './options.js';
import type { AwsRequest, Route } from './router.js';

/**
 * AWS Lambda functions (REST-JSON under /2015-03-31/functions): create, read, update code and configuration,
 * resource policy, delete. Only `$LATEST` exists (no versions or aliases) and code arrives as Code.ZipFile.
 *
 * States follow Lambda: a new function is Pending (no LastUpdateStatus yet) for `functionActivationMs`, then Active
 * with LastUpdateStatus Successful; an update makes LastUpdateStatus InProgress for as long. While a function is
 * Pending or an update is InProgress, UpdateFunctionCode/UpdateFunctionConfiguration answer ResourceConflictException.
 */

interface Statement {
  sid: string;
  principal: string;
  action: string;
  sourceArn?: string;
  sourceAccount?: string;
  json: Record<string, unknown>;
}

interface LambdaFunction {
  name: string;
  arn: string;
  role: string;
  runtime?: string;
  handler?: string;
  description: string;
  timeout: number;
  memorySize: number;
  environment?: Record<string, string>;
  architectures: string[];
  tags?: Record<string, string>;
  code: Buffer;
  codeSha256: string;
  lastModified: number;
  readyAt: number;
  updateReadyAt?: number;
  revisionId: string;
  statements: Statement[];
}

const BASE = '/2015-03-31/functions';
const NAME = /^[a-zA-Z0-9-_]{1,64}$/;
const ROLE = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const FUNCTION_ARN = /^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?$/;
const PARTIAL_ARN = /^\d{12}:function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?$/;
const RUNTIMES = new Set<string>(Object.values(Runtime));
const RESERVED_ENV = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);
const MAX_POLICY = 20_480;

export class LambdaApi {
  private readonly functions = new Map<string, LambdaFunction>();

  constructor(
    private readonly env: EmulatorEnv,
    /** Base URL of the emulator, for GetFunction's Code.Location. */
    private readonly baseUrl: () => string,
  ) {}

  reset(): void {
    this.functions.clear();
  }

  exists(unqualifiedArn: string): boolean {
    return [...this.functions.values()].some((f) => f.arn === unqualifiedArn);
  }

  /** The deployment package (zip bytes) of a function, as last uploaded. */
  code(name: string): Buffer | undefined {
    const f = this.functions.get(name);
    return f ? Buffer.from(f.code) : undefined;
  }

  state(f: LambdaFunction): 'Pending' | 'Active' {
    return this.env.now() < f.readyAt ? 'Pending' : 'Active';
  }

  private lastUpdateStatus(f: LambdaFunction): 'InProgress' | 'Successful' | undefined {
    if (f.updateReadyAt !== undefined && this.env.now() < f.updateReadyAt) return 'InProgress';
    return this.state(f) === 'Active' ? 'Successful' : undefined;
  }

  routes(): Route[] {
    const route = (
      operation: string,
      method: Route['method'],
      path: string,
      handle: (r: AwsRequest) => unknown,
      status?: number,
    ): Route => ({
      service: 'lambda',
      operation,
      method,
      path: `${BASE}${path}`,
      handle,
      ...(status ? { status } : {}),
    });
    return [
      route('CreateFunction', 'POST', '', (r) => this.create(r), 201),
      route('GetFunction', 'GET', '/{FunctionName}', (r) => this.get(r)),
      route('GetFunctionConfiguration', 'GET', '/{FunctionName}/configuration', (r) =>
        this.configuration(this.find(r)),
      ),
      route('UpdateFunctionCode', 'PUT', '/{FunctionName}/code', (r) => this.updateCode(r)),
      route('UpdateFunctionConfiguration', 'PUT', '/{FunctionName}/configuration', (r) => this.updateConfiguration(r)),
      route('AddPermission', 'POST', '/{FunctionName}/policy', (r) => this.addPermission(r), 201),
      route('GetPolicy', 'GET', '/{FunctionName}/policy', (r) => this.getPolicy(r)),
      route('RemovePermission', 'DELETE', '/{FunctionName}/policy/{StatementId}', (r) => this.removePermission(r), 204),
      route('DeleteFunction', 'DELETE', '/{FunctionName}', (r) => this.delete(r), 204),
    ];
  }

  inventory() {
    return [...this.functions.values()].map((f) => ({
      name: f.name,
      arn: f.arn,
      state: this.state(f) as 'Pending' | 'Active' | 'Failed',
      lastUpdateStatus: this.lastUpdateStatus(f),
      environment: { ...(f.environment ?? {}) },
      permissions: f.statements.map((s) => ({
        statementId: s.sid,
        principal: s.principal,
        ...(s.sourceArn !== undefined ? { sourceArn: s.sourceArn } : {}),
        action: s.action,
      })),
      codeSha256: f.codeSha256,
    }));
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  /** The function a FunctionName label names: a name, a full ARN or a partial ARN; only $LATEST exists. */
  private find({ labels, query, region }: AwsRequest): LambdaFunction {
    const raw = labels.FunctionName as string;
    const arn = FUNCTION_ARN.exec(raw) ?? PARTIAL_ARN.exec(raw);
    const name = arn ? (arn[1] as string) : raw;
    const qualifier = arn?.[2] ?? query.get('Qualifier') ?? undefined;
    const f = this.functions.get(name);
    const shown = `arn:aws:lambda:${region}:${this.env.options.accountId}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
    if (!f || (qualifier !== undefined && qualifier !== '$LATEST'))
      throw new AwsError('ResourceNotFoundException', `Function not found: ${shown}`);
    return f;
  }

  private configuration(f: LambdaFunction) {
    const state = this.state(f);
    const lastUpdateStatus = this.lastUpdateStatus(f);
    return {
      FunctionName: f.name,
      FunctionArn: f.arn,
      ...(f.runtime !== undefined ? { Runtime: f.runtime } : {}),
      Role: f.role,
      ...(f.handler !== undefined ? { Handler: f.handler } : {}),
      CodeSize: f.code.length,
      Description: f.description,
      Timeout: f.timeout,
      MemorySize: f.memorySize,
      LastModified: new Date(f.lastModified).toISOString().replace('Z', '+0000'),
      CodeSha256: f.codeSha256,
      Version: '$LATEST',
      ...(f.environment !== undefined ? { Environment: { Variables: { ...f.environment } } } : {}),
      TracingConfig: { Mode: 'PassThrough' },
      RevisionId: f.revisionId,
      State: state,
      ...(state === 'Pending' ? { StateReason: 'The function is being created.', StateReasonCode: 'Creating' } : {}),
      ...(lastUpdateStatus !== undefined ? { LastUpdateStatus: lastUpdateStatus } : {}),
      ...(lastUpdateStatus === 'InProgress'
        ? { LastUpdateStatusReason: 'The function is being updated.', LastUpdateStatusReasonCode: 'Updating' }
        : {}),
      PackageType: 'Zip',
      Architectures: f.architectures,
      EphemeralStorage: { Size: 512 },
      SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
      LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${f.name}` },
    };
  }

  private zip(zipFile: unknown): Buffer {
    if (typeof zipFile !== 'string' || zipFile === '')
      throw new AwsError(
        'InvalidParameterValueException',
        'Code.ZipFile is required (the emulator does not fetch code from S3 or ECR).',
      );
    const bytes = Buffer.from(zipFile, 'base64');
    const magic = bytes.subarray(0, 4).toString('binary');
    if (magic !== 'PK\x03\x04' && magic !== 'PK\x05\x06') {
      throw new AwsError(
        'InvalidParameterValueException',
        'Could not unzip uploaded file. Please check your file, then try to upload again.',
      );
    }
    return bytes;
  }

  private environment(value: Record<string, unknown> | undefined): Record<string, string> | undefined {
    if (value === undefined) return undefined;
    const variables = new Input(value, 'InvalidParameterValueException').optionalStringMap('Variables') ?? {};
    const reserved = Object.keys(variables).filter((k) => RESERVED_ENV.has(k));
    if (reserved.length > 0) {
      throw new AwsError(
        'InvalidParameterValueException',
        `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
      );
    }
    const bad = Object.keys(variables).find((k) => !/^[a-zA-Z]([a-zA-Z0-9_])+$/.test(k));
    if (bad !== undefined)
      throw new AwsError('InvalidParameterValueException', `Environment variable name '${bad}' is not valid.`);
    if (Buffer.byteLength(JSON.stringify(variables)) > 4096) {
      throw new AwsError(
        'InvalidParameterValueException',
        'Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.',
      );
    }
    return variables;
  }

  private checkRevision(f: LambdaFunction, revisionId: string | undefined): void {
    if (revisionId !== undefined && revisionId !== f.revisionId) {
      throw new AwsError(
        'PreconditionFailedException',
        'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
      );
    }
  }

  private checkUpdatable(f: LambdaFunction): void {
    const state = this.state(f);
    if (state !== 'Active') {
      throw new AwsError(
        'ResourceConflictException',
        `The operation cannot be performed at this time. The function is currently in the following state: ${state}`,
      );
    }
    if (this.lastUpdateStatus(f) === 'InProgress') {
      throw new AwsError(
        'ResourceConflictException',
        `The operation cannot be performed at this time. An update is in progress for resource: ${f.arn}`,
      );
    }
  }

  // --- operations ------------------------------------------------------------------------------------------------

  private create({ body, region }: AwsRequest) {
    const input = new Input(body, 'InvalidParameterValueException');
    const rawName = input.string('FunctionName', { max: 140 });
    const fromArn = FUNCTION_ARN.exec(rawName) ?? PARTIAL_ARN.exec(rawName);
    const name = fromArn ? (fromArn[1] as string) : rawName;
    if (!NAME.test(name))
      throw new AwsError('InvalidParameterValueException', `FunctionName '${rawName}' is not valid.`);
    const role = input.string('Role', { pattern: ROLE });
    const packageType = input.optionalEnum('PackageType', ['Zip', 'Image'] as const) ?? 'Zip';
    if (packageType !== 'Zip')
      throw new AwsError('InvalidParameterValueException', 'The emulator supports PackageType Zip only.');
    const runtime = input.string('Runtime');
    if (!RUNTIMES.has(runtime))
      throw new AwsError(
        'InvalidParameterValueException',
        `Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set.`,
      );
    const handler = input.string('Handler', { max: 128, pattern: /^[^\s]+$/ });
    const code = input.optionalObject('Code');
    if (!code) throw new AwsError('InvalidParameterValueException', 'Code is required.');
    const bytes = this.zip(code.ZipFile);
    const description = input.optionalString('Description', { max: 256 }) ?? '';
    const timeout = input.optionalInteger('Timeout', 1, 900) ?? 3;
    const memorySize = input.optionalInteger('MemorySize', 128, 10240) ?? 128;
    const environment = this.environment(input.optionalObject('Environment'));
    const architectures = (input.optionalArray('Architectures') as string[] | undefined) ?? ['x86_64'];
    const tags = input.optionalStringMap('Tags');
    if (this.functions.has(name)) throw new AwsError('ResourceConflictException', `Function already exist: ${name}`);

    const now = this.env.now();
    const f: LambdaFunction = {
      name,
      arn: `arn:aws:lambda:${region}:${this.env.options.accountId}:function:${name}`,
      role,
      runtime,
      handler,
      description,
      timeout,
      memorySize,
      ...(environment !== undefined ? { environment } : {}),
      architectures,
      ...(tags ? { tags } : {}),
      code: bytes,
      codeSha256: sha256Base64(bytes),
      lastModified: now,
      readyAt: now + this.env.options.functionActivationMs,
      revisionId: randomUUID(),
      statements: [],
    };
    this.functions.set(name, f);
    return this.configuration(f);
  }

  private get(request: AwsRequest) {
    const f = this.find(request);
    return {
      Configuration: this.configuration(f),
      Code: {
        RepositoryType: 'S3',
        Location: `${this.baseUrl()}/_emulator/functions/${encodeURIComponent(f.name)}/code`,
      },
      ...(f.tags ? { Tags: f.tags } : {}),
    };
  }

  private updateCode(request: AwsRequest) {
    const f = this.find(request);
    const input = new Input(request.body, 'InvalidParameterValueException');
    const bytes = this.zip(request.body.ZipFile);
    this.checkRevision(f, input.optionalString('RevisionId'));
    this.checkUpdatable(f);
    if (input.optionalBoolean('DryRun') === true)
      return { ...this.configuration(f), CodeSha256: sha256Base64(bytes), CodeSize: bytes.length };
    f.code = bytes;
    f.codeSha256 = sha256Base64(bytes);
    this.touch(f);
    return this.configuration(f);
  }

  private updateConfiguration(request: AwsRequest) {
    const f = this.find(request);
    const input = new Input(request.body, 'InvalidParameterValueException');
    const role = input.optionalString('Role', { pattern: ROLE });
    const handler = input.optionalString('Handler', { max: 128, pattern: /^[^\s]+$/ });
    const description = input.optionalString('Description', { max: 256 });
    const timeout = input.optionalInteger('Timeout', 1, 900);
    const memorySize = input.optionalInteger('MemorySize', 128, 10240);
    const runtime = input.optionalString('Runtime');
    if (runtime !== undefined && !RUNTIMES.has(runtime))
      throw new AwsError(
        'InvalidParameterValueException',
        `Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set.`,
      );
    const environment = this.environment(input.optionalObject('Environment'));
    this.checkRevision(f, input.optionalString('RevisionId'));
    this.checkUpdatable(f);
    if (role !== undefined) f.role = role;
    if (handler !== undefined) f.handler = handler;
    if (description !== undefined) f.description = description;
    if (timeout !== undefined) f.timeout = timeout;
    if (memorySize !== undefined) f.memorySize = memorySize;
    if (runtime !== undefined) f.runtime = runtime;
    if (environment !== undefined) f.environment = environment; // Variables replace the whole map, as in Lambda.
    this.touch(f);
    return this.configuration(f);
  }

  private touch(f: LambdaFunction): void {
    const now = this.env.now();
    f.lastModified = now;
    f.updateReadyAt = now + this.env.options.functionActivationMs;
    f.revisionId = randomUUID();
  }

  private policy(f: LambdaFunction): string {
    return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: f.statements.map((s) => s.json) });
  }

  private addPermission(request: AwsRequest) {
    const f = this.find(request);
    const input = new Input(request.body, 'InvalidParameterValueException');
    const sid = input.string('StatementId', { max: 100, pattern: /^[a-zA-Z0-9-_.]+$/ });
    const action = input.string('Action', { pattern: /^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/ });
    const principal = input.string('Principal', { pattern: /^[^\s]+$/ });
    const sourceArn = input.optionalString('SourceArn', { pattern: /^arn:[^\s]+$/ });
    const sourceAccount = input.optionalString('SourceAccount', { pattern: /^\d{12}$/ });
    this.checkRevision(f, input.optionalString('RevisionId'));
    if (f.statements.some((s) => s.sid === sid)) {
      throw new AwsError(
        'ResourceConflictException',
        `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
      );
    }
    const condition: Record<string, unknown> = {};
    if (sourceArn !== undefined) condition.ArnLike = { 'AWS:SourceArn': sourceArn };
    if (sourceAccount !== undefined) condition.StringEquals = { 'AWS:SourceAccount': sourceAccount };
    const json: Record<string, unknown> = {
      Sid: sid,
      Effect: 'Allow',
      Principal:
        principal === '*'
          ? '*'
          : /^\d{12}$/.test(principal)
            ? { AWS: `arn:aws:iam::${principal}:root` }
            : principal.startsWith('arn:')
              ? { AWS: principal }
              : { Service: principal },
      Action: action,
      Resource: f.arn,
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
    const statement: Statement = {
      sid,
      principal,
      action,
      ...(sourceArn !== undefined ? { sourceArn } : {}),
      ...(sourceAccount !== undefined ? { sourceAccount } : {}),
      json,
    };
    f.statements.push(statement);
    if (this.policy(f).length > MAX_POLICY) {
      f.statements.pop();
      throw new AwsError('PolicyLengthExceededException', 'The final policy size is bigger than the limit.');
    }
    f.revisionId = randomUUID();
    return { Statement: JSON.stringify(json) };
  }

  private getPolicy(request: AwsRequest) {
    const f = this.find(request);
    if (f.statements.length === 0)
      throw new AwsError('ResourceNotFoundException', 'The resource you requested does not exist.');
    return { Policy: this.policy(f), RevisionId: f.revisionId };
  }

  private removePermission(request: AwsRequest) {
    const f = this.find(request);
    const sid = request.labels.StatementId as string;
    this.checkRevision(f, request.query.get('RevisionId') ?? undefined);
    const index = f.statements.findIndex((s) => s.sid === sid);
    if (index < 0) {
      throw new AwsError(
        'ResourceNotFoundException',
        f.statements.length === 0
          ? `No policy is found for: ${f.arn}`
          : `Statement ${sid} is not found in resource policy.`,
      );
    }
    f.statements.splice(index, 1);
    f.revisionId = randomUUID();
    return undefined;
  }

  private delete(request: AwsRequest) {
    const f = this.find(request);
    this.functions.delete(f.name);
    return undefined;
  }
}

/** Lambda's CodeSha256: the base64 SHA-256 of the deployment package. */
function sha256Base64(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64');
}
