import { createHash, randomUUID } from 'node:crypto';
import {
  AssociateLambdaFunctionCommand,
  AssociatePhoneNumberContactFlowCommand,
  ClaimPhoneNumberCommand,
  ConnectClient,
  CreateContactFlowCommand,
  CreateHoursOfOperationCommand,
  CreateInstanceCommand,
  DeleteContactFlowCommand,
  DeleteHoursOfOperationCommand,
  DescribeContactFlowCommand,
  DescribeInstanceCommand,
  DescribePhoneNumberCommand,
  DisassociatePhoneNumberContactFlowCommand,
  ImportPhoneNumberCommand,
  type InvalidContactFlowException,
  ListContactFlowsCommand,
  ListHoursOfOperationsCommand,
  ListInstancesCommand,
  ListLambdaFunctionsCommand,
  ListPhoneNumbersV2Command,
  ListQueuesCommand,
  paginateListContactFlows,
  ReleasePhoneNumberCommand,
  SearchAvailablePhoneNumbersCommand,
  UpdateContactFlowContentCommand,
  UpdateHoursOfOperationCommand,
} from '@aws-sdk/client-connect';
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  LambdaClient,
  RemovePermissionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AwsEmulator, type AwsEmulatorOptions } from '../emulators/aws/index.js';

const REGION = 'us-east-1';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const FAST: AwsEmulatorOptions = { instanceActivationMs: 60, phoneClaimMs: 60, functionActivationMs: 60 };
const ROLE = 'arn:aws:iam::123456789012:role/voca-connect-lambda';

function connectClient(
  aws: AwsEmulator,
  extra: Partial<ConstructorParameters<typeof ConnectClient>[0]> = {},
): ConnectClient {
  return new ConnectClient({ endpoint: aws.url, region: REGION, credentials, maxAttempts: 1, ...extra });
}

function lambdaClient(
  aws: AwsEmulator,
  extra: Partial<ConstructorParameters<typeof LambdaClient>[0]> = {},
): LambdaClient {
  return new LambdaClient({ endpoint: aws.url, region: REGION, credentials, maxAttempts: 1, ...extra });
}

/** The SDK error a promise rejects with, checked to be of the expected exception class. */
async function awsError(promise: Promise<unknown>, name: string): Promise<Error & Record<string, any>> {
  try {
    await promise;
  } catch (e) {
    expect((e as Error).name).toBe(name);
    return e as Error & Record<string, any>;
  }
  throw new Error(`expected ${name}, but the call succeeded`);
}

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** A valid (empty) zip archive; `comment` varies the bytes. */
function zip(comment = ''): Buffer {
  const eocd = Buffer.alloc(22);
  eocd.write('PK\x05\x06', 0, 'binary');
  eocd.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([eocd, Buffer.from(comment)]);
}

function flowContent(lambdaArn?: string): string {
  const errors = [{ NextAction: 'end', ErrorType: 'NoMatchingError' }];
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'greet',
    Actions: [
      {
        Identifier: 'greet',
        Type: 'MessageParticipant',
        Parameters: { Text: 'Hello' },
        Transitions: { NextAction: lambdaArn ? 'invoke' : 'end', Errors: errors },
      },
      ...(lambdaArn
        ? [
            {
              Identifier: 'invoke',
              Type: 'InvokeLambdaFunction',
              Parameters: {
                LambdaFunctionARN: lambdaArn,
                InvocationTimeLimitSeconds: '8',
                ResponseValidation: { ResponseType: 'STRING_MAP' },
              },
              Transitions: { NextAction: 'end', Errors: errors },
            },
          ]
        : []),
      { Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  });
}

async function activeInstance(connect: ConnectClient, alias = `voca-${randomUUID().slice(0, 8)}`) {
  const created = await connect.send(
    new CreateInstanceCommand({
      IdentityManagementType: 'CONNECT_MANAGED',
      InstanceAlias: alias,
      InboundCallsEnabled: true,
      OutboundCallsEnabled: false,
    }),
  );
  await until(
    () => connect.send(new DescribeInstanceCommand({ InstanceId: created.Id })),
    (r) => r.Instance?.InstanceStatus === 'ACTIVE',
    'the instance to be ACTIVE',
  );
  return { id: created.Id as string, arn: created.Arn as string };
}

async function activeFunction(lambda: LambdaClient, name: string) {
  const created = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Role: ROLE,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Code: { ZipFile: zip(name) },
    }),
  );
  await until(
    () => lambda.send(new GetFunctionCommand({ FunctionName: name })),
    (r) => r.Configuration?.State === 'Active',
    `${name} to be Active`,
  );
  return created.FunctionArn as string;
}

describe('AWS emulator: SigV4 front door', () => {
  let aws: AwsEmulator;
  beforeAll(async () => {
    aws = await AwsEmulator.start(FAST);
  });
  afterAll(() => aws.stop());

  it('refuses a request without an Authorization header with 403 MissingAuthenticationTokenException', async () => {
    const res = await fetch(`${aws.url}/instance`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await res.json()).toMatchObject({ message: 'Missing Authentication Token' });
    expect(aws.calls.at(-1)).toMatchObject({ operation: 'ListInstances', status: 403 });
  });

  it('refuses a malformed signature and a scope date that does not match X-Amz-Date', async () => {
    const malformed = await fetch(`${aws.url}/instance`, { headers: { authorization: 'Bearer abc' } });
    expect(malformed.status).toBe(403);
    expect(malformed.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    const wrongDate = await fetch(`${aws.url}/instance`, {
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=test/20200101/us-east-1/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'a'.repeat(64)}`,
        'x-amz-date': '20240101T000000Z',
      },
    });
    expect(wrongDate.status).toBe(403);
    expect(wrongDate.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  it('refuses a Connect path signed for the lambda service', async () => {
    const lambda = lambdaClient(aws);
    lambda.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { path: string }).path = '/instance';
        return next(args);
      },
      { step: 'build' },
    );
    const error = await awsError(
      lambda.send(new GetFunctionCommand({ FunctionName: 'anything' })),
      'InvalidSignatureException',
    );
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toContain("'connect'");
  });

  it('refuses a body changed after signing (payload hash mismatch)', async () => {
    const connect = connectClient(aws);
    connect.middlewareStack.add(
      (next) => async (args) => {
        // Same length, so only the payload hash tells.
        const request = args.request as { body: string };
        request.body = request.body.replace('honest', 'hacked');
        return next(args);
      },
      { step: 'deserialize' },
    );
    await awsError(
      connect.send(
        new CreateInstanceCommand({
          IdentityManagementType: 'CONNECT_MANAGED',
          InstanceAlias: 'honest',
          InboundCallsEnabled: true,
          OutboundCallsEnabled: true,
        }),
      ),
      'InvalidSignatureException',
    );
    expect(aws.inventory().instances).toEqual([]);
  });

  it('answers an unknown route with UnknownOperationException', async () => {
    const connect = connectClient(aws);
    connect.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { path: string }).path = '/no-such-thing/x';
        return next(args);
      },
      { step: 'build' },
    );
    const error = await awsError(connect.send(new ListInstancesCommand({})), 'UnknownOperationException');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('is reachable through the standard AWS_ENDPOINT_URL_CONNECT / AWS_ENDPOINT_URL_LAMBDA variables', async () => {
    const saved = { c: process.env.AWS_ENDPOINT_URL_CONNECT, l: process.env.AWS_ENDPOINT_URL_LAMBDA };
    process.env.AWS_ENDPOINT_URL_CONNECT = aws.url;
    process.env.AWS_ENDPOINT_URL_LAMBDA = aws.url;
    try {
      const connect = new ConnectClient({ region: REGION, credentials, maxAttempts: 1 });
      const lambda = new LambdaClient({ region: REGION, credentials, maxAttempts: 1 });
      await connect.send(new ListInstancesCommand({}));
      await awsError(lambda.send(new GetFunctionCommand({ FunctionName: 'missing' })), 'ResourceNotFoundException');
      expect(aws.calls.slice(-2).map((c) => c.operation)).toEqual(['ListInstances', 'GetFunction']);
    } finally {
      if (saved.c === undefined) delete process.env.AWS_ENDPOINT_URL_CONNECT;
      else process.env.AWS_ENDPOINT_URL_CONNECT = saved.c;
      if (saved.l === undefined) delete process.env.AWS_ENDPOINT_URL_LAMBDA;
      else process.env.AWS_ENDPOINT_URL_LAMBDA = saved.l;
    }
  });
});

describe('AWS emulator: Connect instances, queues and hours', () => {
  let aws: AwsEmulator;
  let connect: ConnectClient;
  beforeAll(async () => {
    aws = await AwsEmulator.start(FAST);
    connect = connectClient(aws);
  });
  afterEach(() => aws.reset());
  afterAll(() => aws.stop());

  it('creates an instance asynchronously and honours ClientToken idempotency', async () => {
    const token = randomUUID();
    const input = {
      IdentityManagementType: 'CONNECT_MANAGED' as const,
      InstanceAlias: 'voca-shared',
      InboundCallsEnabled: true,
      OutboundCallsEnabled: true,
      ClientToken: token,
    };
    const first = await connect.send(new CreateInstanceCommand(input));
    expect(first.Arn).toBe(`arn:aws:connect:us-east-1:123456789012:instance/${first.Id}`);

    const described = await connect.send(new DescribeInstanceCommand({ InstanceId: first.Id }));
    expect(described.Instance).toMatchObject({
      Id: first.Id,
      InstanceStatus: 'CREATION_IN_PROGRESS',
      InstanceAlias: 'voca-shared',
    });
    expect(described.Instance?.CreatedTime).toBeInstanceOf(Date);
    expect(Math.abs((described.Instance?.CreatedTime as Date).getTime() - Date.now())).toBeLessThan(5_000);

    const again = await connect.send(new CreateInstanceCommand(input));
    expect(again).toMatchObject({ Id: first.Id, Arn: first.Arn });

    // While it is being created, its resources are not reachable.
    await awsError(connect.send(new ListQueuesCommand({ InstanceId: first.Id })), 'ResourceNotFoundException');

    const active = await until(
      () => connect.send(new DescribeInstanceCommand({ InstanceId: first.Id })),
      (r) => r.Instance?.InstanceStatus === 'ACTIVE',
      'ACTIVE',
    );
    expect(active.Instance?.ServiceRole).toMatch(
      /^arn:aws:iam::123456789012:role\/aws-service-role\/connect.amazonaws.com\//,
    );

    const list = await connect.send(new ListInstancesCommand({}));
    expect(list.InstanceSummaryList?.map((i) => i.Id)).toEqual([first.Id]);
    // A different ClientToken with the same alias is a new request: aliases are unique.
    await awsError(
      connect.send(new CreateInstanceCommand({ ...input, ClientToken: randomUUID() })),
      'InvalidRequestException',
    );
    expect(aws.inventory().instances).toEqual([
      { id: first.Id, arn: first.Arn, alias: 'voca-shared', status: 'ACTIVE', lambdaFunctions: [], lexBots: [] },
    ]);
  });

  it('gives a new instance BasicQueue (STANDARD) and Basic Hours, and manages hours of operation', async () => {
    const instance = await activeInstance(connect);
    const queues = await connect.send(new ListQueuesCommand({ InstanceId: instance.id, QueueTypes: ['STANDARD'] }));
    expect(queues.QueueSummaryList?.map((q) => [q.Name, q.QueueType])).toEqual([['BasicQueue', 'STANDARD']]);
    expect(queues.QueueSummaryList?.[0]?.Arn).toMatch(new RegExp(`^${instance.arn}/queue/`));
    expect(
      (await connect.send(new ListQueuesCommand({ InstanceId: instance.id, QueueTypes: ['AGENT'] }))).QueueSummaryList,
    ).toEqual([]);

    const hours = await connect.send(new ListHoursOfOperationsCommand({ InstanceId: instance.id }));
    expect(hours.HoursOfOperationSummaryList?.map((h) => h.Name)).toEqual(['Basic Hours']);
    const basicHoursId = hours.HoursOfOperationSummaryList?.[0]?.Id as string;

    const config = [
      { Day: 'MONDAY' as const, StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 30 } },
    ];
    const created = await connect.send(
      new CreateHoursOfOperationCommand({
        InstanceId: instance.id,
        Name: 'Cozy hours',
        TimeZone: 'Europe/London',
        Config: config,
      }),
    );
    await awsError(
      connect.send(
        new CreateHoursOfOperationCommand({
          InstanceId: instance.id,
          Name: 'Cozy hours',
          TimeZone: 'Europe/London',
          Config: config,
        }),
      ),
      'DuplicateResourceException',
    );
    await awsError(
      connect.send(
        new CreateHoursOfOperationCommand({
          InstanceId: instance.id,
          Name: 'Bad zone',
          TimeZone: 'Mars/Olympus',
          Config: config,
        }),
      ),
      'InvalidParameterException',
    );
    await connect.send(
      new UpdateHoursOfOperationCommand({
        InstanceId: instance.id,
        HoursOfOperationId: created.HoursOfOperationId,
        TimeZone: 'America/New_York',
      }),
    );
    expect(aws.inventory().hoursOfOperation.find((h) => h.id === created.HoursOfOperationId)).toMatchObject({
      name: 'Cozy hours',
      timeZone: 'America/New_York',
    });

    await connect.send(
      new DeleteHoursOfOperationCommand({ InstanceId: instance.id, HoursOfOperationId: created.HoursOfOperationId }),
    );
    await awsError(
      connect.send(
        new DeleteHoursOfOperationCommand({ InstanceId: instance.id, HoursOfOperationId: created.HoursOfOperationId }),
      ),
      'ResourceNotFoundException',
    );
    // Basic Hours is used by BasicQueue.
    await awsError(
      connect.send(new DeleteHoursOfOperationCommand({ InstanceId: instance.id, HoursOfOperationId: basicHoursId })),
      'InvalidRequestException',
    );
    expect(aws.inventory().queues).toEqual([
      expect.objectContaining({ instanceId: instance.id, name: 'BasicQueue', type: 'STANDARD' }),
    ]);
  });

  it('ends an instance in CREATION_FAILED with the StatusReason given to failInstanceCreation', async () => {
    aws.failInstanceCreation('Service-linked role could not be created');
    const created = await connect.send(
      new CreateInstanceCommand({
        IdentityManagementType: 'CONNECT_MANAGED',
        InstanceAlias: 'doomed',
        InboundCallsEnabled: true,
        OutboundCallsEnabled: true,
      }),
    );
    const failed = await until(
      () => connect.send(new DescribeInstanceCommand({ InstanceId: created.Id })),
      (r) => r.Instance?.InstanceStatus !== 'CREATION_IN_PROGRESS',
      'the instance to leave CREATION_IN_PROGRESS',
    );
    expect(failed.Instance).toMatchObject({
      InstanceStatus: 'CREATION_FAILED',
      StatusReason: { Message: 'Service-linked role could not be created' },
    });
    expect(aws.inventory().instances[0]).toMatchObject({
      status: 'CREATION_FAILED',
      statusReason: 'Service-linked role could not be created',
    });
    // Only the next creation fails.
    await activeInstance(connect);
  });

  it('answers ResourceNotFoundException for an unknown instance and InvalidRequestException for a bad request', async () => {
    await awsError(
      connect.send(new DescribeInstanceCommand({ InstanceId: randomUUID() })),
      'ResourceNotFoundException',
    );
    await awsError(
      connect.send(
        new CreateInstanceCommand({
          IdentityManagementType: 'CONNECT_MANAGED',
          InboundCallsEnabled: true,
          OutboundCallsEnabled: true,
        }),
      ),
      'InvalidRequestException',
    );
  });

  it('enforces an instance quota when one is configured', async () => {
    const limited = await AwsEmulator.start({ ...FAST, quotas: { instances: 1 } });
    try {
      const client = connectClient(limited);
      await activeInstance(client, 'first');
      const error = await awsError(
        client.send(
          new CreateInstanceCommand({
            IdentityManagementType: 'CONNECT_MANAGED',
            InstanceAlias: 'second',
            InboundCallsEnabled: true,
            OutboundCallsEnabled: true,
          }),
        ),
        'ServiceQuotaExceededException',
      );
      expect(error.$metadata.httpStatusCode).toBe(402);
    } finally {
      await limited.stop();
    }
  });
});

describe('AWS emulator: contact flows', () => {
  let aws: AwsEmulator;
  let connect: ConnectClient;
  let lambda: LambdaClient;
  let instance: { id: string; arn: string };
  let functionArn: string;
  beforeAll(async () => {
    aws = await AwsEmulator.start(FAST);
    connect = connectClient(aws);
    lambda = lambdaClient(aws);
    instance = await activeInstance(connect);
    functionArn = await activeFunction(lambda, 'voca-agent-reply');
    await connect.send(new AssociateLambdaFunctionCommand({ InstanceId: instance.id, FunctionArn: functionArn }));
  });
  afterAll(() => aws.stop());

  it('creates a flow, refuses a duplicate name, describes, updates and deletes it', async () => {
    const content = flowContent(functionArn);
    const created = await connect.send(
      new CreateContactFlowCommand({
        InstanceId: instance.id,
        Name: 'agent-1',
        Type: 'CONTACT_FLOW',
        Content: content,
      }),
    );
    expect(created.ContactFlowArn).toBe(`${instance.arn}/contact-flow/${created.ContactFlowId}`);
    expect(created.FlowContentSha256).toBe(createHash('sha256').update(content).digest('hex'));

    const duplicate = await awsError(
      connect.send(
        new CreateContactFlowCommand({
          InstanceId: instance.id,
          Name: 'agent-1',
          Type: 'CONTACT_FLOW',
          Content: content,
        }),
      ),
      'DuplicateResourceException',
    );
    expect(duplicate.$metadata.httpStatusCode).toBe(409);

    const described = await connect.send(
      new DescribeContactFlowCommand({ InstanceId: instance.id, ContactFlowId: created.ContactFlowId }),
    );
    expect(described.ContactFlow).toMatchObject({
      Id: created.ContactFlowId,
      Name: 'agent-1',
      Type: 'CONTACT_FLOW',
      State: 'ACTIVE',
      Status: 'PUBLISHED',
      Content: content,
    });
    expect(described.ContactFlow?.LastModifiedTime).toBeInstanceOf(Date);

    const updated = flowContent();
    await connect.send(
      new UpdateContactFlowContentCommand({
        InstanceId: instance.id,
        ContactFlowId: created.ContactFlowId,
        Content: updated,
      }),
    );
    expect(aws.inventory().contactFlows.find((f) => f.id === created.ContactFlowId)?.content).toBe(updated);

    await connect.send(new DeleteContactFlowCommand({ InstanceId: instance.id, ContactFlowId: created.ContactFlowId }));
    await awsError(
      connect.send(new DescribeContactFlowCommand({ InstanceId: instance.id, ContactFlowId: created.ContactFlowId })),
      'ResourceNotFoundException',
    );
    expect(aws.inventory().contactFlows.some((f) => f.id === created.ContactFlowId)).toBe(false);
  });

  it('refuses a broken flow with InvalidContactFlowException carrying problems', async () => {
    const broken = JSON.stringify({
      Version: '2019-10-30',
      StartAction: 'nowhere',
      Actions: [
        {
          Identifier: 'a',
          Type: 'MessageParticipant',
          Parameters: { Text: 'hi' },
          Transitions: { NextAction: 'ghost', Errors: [{ NextAction: 'phantom', ErrorType: 'NoMatchingError' }] },
        },
        { Identifier: 'a', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
        {
          Identifier: 'l',
          Type: 'InvokeLambdaFunction',
          Parameters: {
            LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:not-associated',
            InvocationTimeLimitSeconds: '9',
          },
          Transitions: {
            NextAction: 'a',
            Conditions: [{ NextAction: 'void', Condition: { Operator: 'Equals', Operands: ['x'] } }],
          },
        },
      ],
    });
    const error = (await awsError(
      connect.send(
        new CreateContactFlowCommand({
          InstanceId: instance.id,
          Name: 'broken',
          Type: 'CONTACT_FLOW',
          Content: broken,
        }),
      ),
      'InvalidContactFlowException',
    )) as unknown as InvalidContactFlowException;
    expect(error.$metadata.httpStatusCode).toBe(400);
    const messages = (error.problems ?? []).map((p) => p.message).join('\n');
    expect(messages).toContain("StartAction 'nowhere'");
    expect(messages).toContain("'ghost'");
    expect(messages).toContain("'phantom'");
    expect(messages).toContain("'void'");
    expect(messages).toContain("Identifier 'a' is used by more than one action");
    expect(messages).toContain('InvocationTimeLimitSeconds');
    expect(messages).toContain('not associated');
    expect(error.problems).toHaveLength(7);

    await awsError(
      connect.send(
        new CreateContactFlowCommand({
          InstanceId: instance.id,
          Name: 'not-json',
          Type: 'CONTACT_FLOW',
          Content: '{"Version":',
        }),
      ),
      'InvalidContactFlowException',
    );
    await awsError(
      connect.send(
        new CreateContactFlowCommand({
          InstanceId: instance.id,
          Name: 'huge',
          Type: 'CONTACT_FLOW',
          Content: 'x'.repeat(256_001),
        }),
      ),
      'InvalidParameterException',
    );
    // Updates are validated the same way, and a refused update leaves the content as it was.
    const good = await connect.send(
      new CreateContactFlowCommand({
        InstanceId: instance.id,
        Name: 'good',
        Type: 'CONTACT_FLOW',
        Content: flowContent(functionArn),
      }),
    );
    await awsError(
      connect.send(
        new UpdateContactFlowContentCommand({
          InstanceId: instance.id,
          ContactFlowId: good.ContactFlowId,
          Content: broken,
        }),
      ),
      'InvalidContactFlowException',
    );
    expect(aws.inventory().contactFlows.find((f) => f.id === good.ContactFlowId)?.content).toBe(
      flowContent(functionArn),
    );
    expect(aws.inventory().contactFlows.some((f) => f.name === 'broken')).toBe(false);
  });

  it('lists flows with the default ones, a type filter and NextToken/MaxResults pagination', async () => {
    for (let i = 0; i < 5; i += 1) {
      await connect.send(
        new CreateContactFlowCommand({
          InstanceId: instance.id,
          Name: `page-${i}`,
          Type: 'CONTACT_FLOW',
          Content: flowContent(),
        }),
      );
    }
    const all = await connect.send(new ListContactFlowsCommand({ InstanceId: instance.id }));
    expect(all.NextToken).toBeUndefined();
    expect(all.ContactFlowSummaryList?.map((f) => f.Name)).toEqual(
      expect.arrayContaining(['Default customer queue', 'Default agent whisper', 'page-0']),
    );

    const first = await connect.send(
      new ListContactFlowsCommand({ InstanceId: instance.id, ContactFlowTypes: ['CONTACT_FLOW'], MaxResults: 2 }),
    );
    expect(first.ContactFlowSummaryList).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    const second = await connect.send(
      new ListContactFlowsCommand({
        InstanceId: instance.id,
        ContactFlowTypes: ['CONTACT_FLOW'],
        MaxResults: 2,
        NextToken: first.NextToken,
      }),
    );
    expect(second.ContactFlowSummaryList?.[0]?.Name).not.toBe(first.ContactFlowSummaryList?.[0]?.Name);

    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListContactFlows(
      { client: connect, pageSize: 2 },
      { InstanceId: instance.id, ContactFlowTypes: ['CONTACT_FLOW'] },
    )) {
      pages += 1;
      names.push(...(page.ContactFlowSummaryList ?? []).map((f) => f.Name as string));
      expect(page.ContactFlowSummaryList?.every((f) => f.ContactFlowType === 'CONTACT_FLOW')).toBe(true);
    }
    const expected = aws
      .inventory()
      .contactFlows.filter((f) => f.instanceId === instance.id && f.type === 'CONTACT_FLOW')
      .map((f) => f.name);
    expect(names).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));
    expect(names).toEqual(
      expect.arrayContaining(['Sample inbound flow (first contact experience)', 'page-0', 'page-4']),
    );

    await awsError(
      connect.send(new ListContactFlowsCommand({ InstanceId: instance.id, NextToken: 'forged' })),
      'InvalidParameterException',
    );
    await awsError(
      connect.send(new ListContactFlowsCommand({ InstanceId: instance.id, MaxResults: 1001 })),
      'InvalidParameterException',
    );
  });
});

describe('AWS emulator: phone numbers', () => {
  let aws: AwsEmulator;
  let connect: ConnectClient;
  let instance: { id: string; arn: string };
  let flowId: string;
  beforeAll(async () => {
    aws = await AwsEmulator.start(FAST);
    connect = connectClient(aws);
    instance = await activeInstance(connect);
    const flow = await connect.send(
      new CreateContactFlowCommand({
        InstanceId: instance.id,
        Name: 'agent',
        Type: 'CONTACT_FLOW',
        Content: flowContent(),
      }),
    );
    flowId = flow.ContactFlowId as string;
  });
  afterAll(() => aws.stop());

  const search = (prefix?: string, maxResults = 10, type: 'DID' | 'TOLL_FREE' = 'DID') =>
    connect.send(
      new SearchAvailablePhoneNumbersCommand({
        TargetArn: instance.arn,
        PhoneNumberCountryCode: 'US',
        PhoneNumberType: type,
        MaxResults: maxResults,
        ...(prefix ? { PhoneNumberPrefix: prefix } : {}),
      }),
    );
  const describeNumber = (id: string) => connect.send(new DescribePhoneNumberCommand({ PhoneNumberId: id }));
  const claimed = (id: string) =>
    until(
      () => describeNumber(id),
      (r) => r.ClaimedPhoneNumberSummary?.PhoneNumberStatus?.Status !== 'IN_PROGRESS',
      `${id} to be claimed`,
    );

  it('searches deterministic numbers and honours the prefix and MaxResults', async () => {
    const seattle = await search('+1206');
    const numbers = seattle.AvailableNumbersList?.map((n) => n.PhoneNumber) ?? [];
    expect(numbers).toHaveLength(10);
    expect(numbers.every((n) => /^\+1206555\d{4}$/.test(n as string))).toBe(true);
    expect(seattle.AvailableNumbersList?.[0]).toEqual({
      PhoneNumber: '+12065550100',
      PhoneNumberCountryCode: 'US',
      PhoneNumberType: 'DID',
    });

    const few = await search(undefined, 3);
    expect(few.AvailableNumbersList).toHaveLength(3);
    expect(few.NextToken).toBeDefined();
    // several area codes
    expect(new Set(few.AvailableNumbersList?.map((n) => n.PhoneNumber?.slice(0, 5))).size).toBe(3);

    const tollFree = await search(undefined, 5, 'TOLL_FREE');
    expect(
      tollFree.AvailableNumbersList?.every(
        (n) => /^\+18\d{2}5550\d{3}$/.test(n.PhoneNumber as string) && n.PhoneNumberType === 'TOLL_FREE',
      ),
    ).toBe(true);

    await awsError(search('1206'), 'InvalidParameterException'); // the prefix must carry the +
    await awsError(search(undefined, 11), 'InvalidParameterException');
  });

  it('claims a number: IN_PROGRESS, then CLAIMED, and the number leaves the search results', async () => {
    const number = (await search('+1312')).AvailableNumbersList?.[0]?.PhoneNumber as string;
    const claim = await connect.send(
      new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: number, ClientToken: randomUUID() }),
    );
    expect(claim.PhoneNumberArn).toBe(`arn:aws:connect:us-east-1:123456789012:phone-number/${claim.PhoneNumberId}`);

    const pending = await describeNumber(claim.PhoneNumberId as string);
    expect(pending.ClaimedPhoneNumberSummary).toMatchObject({
      PhoneNumber: number,
      PhoneNumberStatus: { Status: 'IN_PROGRESS' },
      InstanceId: instance.id,
      TargetArn: instance.arn,
    });
    expect(aws.inventory().phoneNumbers.find((p) => p.id === claim.PhoneNumberId)).toMatchObject({
      status: 'IN_PROGRESS',
      source: 'claimed',
      released: false,
    });

    const done = await claimed(claim.PhoneNumberId as string);
    expect(done.ClaimedPhoneNumberSummary).toMatchObject({
      PhoneNumberStatus: { Status: 'CLAIMED' },
      PhoneNumberType: 'DID',
      PhoneNumberCountryCode: 'US',
    });
    expect((await search('+1312')).AvailableNumbersList?.map((n) => n.PhoneNumber)).not.toContain(number);
  });

  it('returns the same PhoneNumberId for a repeated ClientToken and refuses a mismatch', async () => {
    const [a, b] = (await search('+1415')).AvailableNumbersList?.map((n) => n.PhoneNumber as string) ?? [];
    const token = randomUUID();
    const first = await connect.send(
      new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: a, ClientToken: token }),
    );
    const retry = await connect.send(
      new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: a, ClientToken: token }),
    );
    expect(retry).toMatchObject({ PhoneNumberId: first.PhoneNumberId, PhoneNumberArn: first.PhoneNumberArn });
    expect(aws.inventory().phoneNumbers.filter((p) => p.number === a)).toHaveLength(1);

    await awsError(
      connect.send(new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: b, ClientToken: token })),
      'IdempotencyException',
    );
    // A new ClientToken for a number this account already holds: no longer available.
    await awsError(
      connect.send(new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: a, ClientToken: randomUUID() })),
      'InvalidParameterException',
    );
    // Connect's ClientToken is a UUID.
    await awsError(
      connect.send(new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: b, ClientToken: 'agent-42' })),
      'InvalidParameterException',
    );
    // An unknown target.
    await awsError(
      connect.send(
        new ClaimPhoneNumberCommand({
          TargetArn: `arn:aws:connect:us-east-1:123456789012:instance/${randomUUID()}`,
          PhoneNumber: b,
        }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('keeps taken numbers in search results but refuses to claim them (InvalidParameterException)', async () => {
    const [taken, next] = (await search('+1646')).AvailableNumbersList?.map((n) => n.PhoneNumber as string) ?? [];
    aws.markNumbersTaken([taken as string]);
    expect((await search('+1646')).AvailableNumbersList?.[0]?.PhoneNumber).toBe(taken);
    const error = await awsError(
      connect.send(new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: taken })),
      'InvalidParameterException',
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toContain('not available');
    const ok = await connect.send(new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: next }));
    expect(ok.PhoneNumberId).toBeDefined();
    expect(aws.inventory().phoneNumbers.some((p) => p.number === taken)).toBe(false);
  });

  it('associates a CLAIMED number with a flow and disassociates it', async () => {
    const number = (await search('+1702')).AvailableNumbersList?.[0]?.PhoneNumber as string;
    const { PhoneNumberId: id } = await connect.send(
      new ClaimPhoneNumberCommand({ InstanceId: instance.id, PhoneNumber: number }),
    );
    await awsError(
      connect.send(
        new AssociatePhoneNumberContactFlowCommand({
          PhoneNumberId: id,
          InstanceId: instance.id,
          ContactFlowId: flowId,
        }),
      ),
      'InvalidParameterException',
    );
    await claimed(id as string);
    await awsError(
      connect.send(
        new AssociatePhoneNumberContactFlowCommand({
          PhoneNumberId: id,
          InstanceId: instance.id,
          ContactFlowId: randomUUID(),
        }),
      ),
      'ResourceNotFoundException',
    );
    await connect.send(
      new AssociatePhoneNumberContactFlowCommand({ PhoneNumberId: id, InstanceId: instance.id, ContactFlowId: flowId }),
    );
    expect(aws.inventory().phoneNumbers.find((p) => p.id === id)?.contactFlowId).toBe(flowId);
    await connect.send(new DisassociatePhoneNumberContactFlowCommand({ PhoneNumberId: id, InstanceId: instance.id }));
    expect(aws.inventory().phoneNumbers.find((p) => p.id === id)?.contactFlowId).toBeUndefined();
  });

  it('imports a number from End User Messaging SMS with the same asynchronous states', async () => {
    const source = 'arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef';
    const token = randomUUID();
    const imported = await connect.send(
      new ImportPhoneNumberCommand({ InstanceId: instance.id, SourcePhoneNumberArn: source, ClientToken: token }),
    );
    expect(
      (await describeNumber(imported.PhoneNumberId as string)).ClaimedPhoneNumberSummary?.PhoneNumberStatus?.Status,
    ).toBe('IN_PROGRESS');
    const done = await claimed(imported.PhoneNumberId as string);
    expect(done.ClaimedPhoneNumberSummary).toMatchObject({
      SourcePhoneNumberArn: source,
      PhoneNumberStatus: { Status: 'CLAIMED' },
    });
    expect(done.ClaimedPhoneNumberSummary?.PhoneNumber).toMatch(/^\+1425555\d{4}$/);

    const retry = await connect.send(
      new ImportPhoneNumberCommand({ InstanceId: instance.id, SourcePhoneNumberArn: source, ClientToken: token }),
    );
    expect(retry.PhoneNumberId).toBe(imported.PhoneNumberId);
    await awsError(
      connect.send(new ImportPhoneNumberCommand({ InstanceId: instance.id, SourcePhoneNumberArn: source })),
      'IdempotencyException',
    );
    await awsError(
      connect.send(
        new ImportPhoneNumberCommand({ InstanceId: instance.id, SourcePhoneNumberArn: 'arn:aws:sns:us-east-1:1:x' }),
      ),
      'InvalidParameterException',
    );
    expect(aws.inventory().phoneNumbers.find((p) => p.id === imported.PhoneNumberId)).toMatchObject({
      source: 'imported',
      status: 'CLAIMED',
    });

    const listed = await connect.send(new ListPhoneNumbersV2Command({ TargetArn: instance.arn }));
    expect(listed.ListPhoneNumbersSummaryList?.find((p) => p.PhoneNumberId === imported.PhoneNumberId)).toMatchObject({
      SourcePhoneNumberArn: source,
      InstanceId: instance.id,
    });
  });

  it('releases numbers (counted as churn) and refuses to release one still IN_PROGRESS', async () => {
    const [a, b] = (await search('+1206')).AvailableNumbersList?.map((n) => n.PhoneNumber as string) ?? [];
    const first = await connect.send(new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: a }));
    const error = await awsError(
      connect.send(new ReleasePhoneNumberCommand({ PhoneNumberId: first.PhoneNumberId })),
      'ResourceInUseException',
    );
    expect(error.$metadata.httpStatusCode).toBe(409);
    await claimed(first.PhoneNumberId as string);

    const before = aws.inventory().releasedPhoneNumbers;
    await connect.send(new ReleasePhoneNumberCommand({ PhoneNumberId: first.PhoneNumberId }));
    await awsError(describeNumber(first.PhoneNumberId as string), 'ResourceNotFoundException');
    await awsError(
      connect.send(new ReleasePhoneNumberCommand({ PhoneNumberId: first.PhoneNumberId })),
      'ResourceNotFoundException',
    );
    const inventory = aws.inventory();
    expect(inventory.phoneNumbers.find((p) => p.id === first.PhoneNumberId)).toMatchObject({
      released: true,
      number: a,
    });
    expect(inventory.releasedPhoneNumbers).toBe(before + 1);
    // In cooldown: not searchable, not in ListPhoneNumbersV2.
    expect((await search('+1206')).AvailableNumbersList?.map((n) => n.PhoneNumber)).not.toContain(a);
    const listed = await connect.send(new ListPhoneNumbersV2Command({ InstanceId: instance.id }));
    expect(listed.ListPhoneNumbersSummaryList?.map((p) => p.PhoneNumberId)).not.toContain(first.PhoneNumberId);

    // A release retried with its ClientToken after it succeeded is still a success.
    const second = await connect.send(new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: b }));
    await claimed(second.PhoneNumberId as string);
    const releaseToken = randomUUID();
    await connect.send(
      new ReleasePhoneNumberCommand({ PhoneNumberId: second.PhoneNumberId, ClientToken: releaseToken }),
    );
    await connect.send(
      new ReleasePhoneNumberCommand({ PhoneNumberId: second.PhoneNumberId, ClientToken: releaseToken }),
    );
    expect(aws.inventory().releasedPhoneNumbers).toBe(before + 2);
  });

  it('ends a claim over the per-instance quota in FAILED with a message', async () => {
    const limited = await AwsEmulator.start({ ...FAST, quotas: { phoneNumbersPerInstance: 1 } });
    try {
      const client = connectClient(limited);
      const target = await activeInstance(client);
      const [a, b] = ['+12065550100', '+13125550100'];
      const one = await client.send(new ClaimPhoneNumberCommand({ TargetArn: target.arn, PhoneNumber: a }));
      const two = await client.send(new ClaimPhoneNumberCommand({ TargetArn: target.arn, PhoneNumber: b }));
      const final = await until(
        () => client.send(new DescribePhoneNumberCommand({ PhoneNumberId: two.PhoneNumberId })),
        (r) => r.ClaimedPhoneNumberSummary?.PhoneNumberStatus?.Status !== 'IN_PROGRESS',
        'the second claim to end',
      );
      expect(final.ClaimedPhoneNumberSummary?.PhoneNumberStatus).toMatchObject({
        Status: 'FAILED',
        Message: expect.stringContaining('limit'),
      });
      expect(limited.inventory().phoneNumbers.map((p) => [p.id, p.status])).toEqual([
        [one.PhoneNumberId, 'CLAIMED'],
        [two.PhoneNumberId, 'FAILED'],
      ]);
    } finally {
      await limited.stop();
    }
  });
});

describe('AWS emulator: Lambda', () => {
  let aws: AwsEmulator;
  let lambda: LambdaClient;
  let connect: ConnectClient;
  beforeAll(async () => {
    aws = await AwsEmulator.start(FAST);
    lambda = lambdaClient(aws);
    connect = connectClient(aws);
  });
  afterAll(() => aws.stop());

  it('creates a function Pending, then Active, keeping its code and CodeSha256', async () => {
    const code = zip('v1');
    const created = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'voca-reply',
        Role: ROLE,
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Timeout: 8,
        Code: { ZipFile: code },
        Environment: { Variables: { ENGINE_URL: 'http://engine' } },
      }),
    );
    expect(created).toMatchObject({
      FunctionName: 'voca-reply',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:voca-reply',
      State: 'Pending',
      StateReasonCode: 'Creating',
      CodeSha256: createHash('sha256').update(code).digest('base64'),
      CodeSize: code.length,
      Timeout: 8,
      Version: '$LATEST',
      Environment: { Variables: { ENGINE_URL: 'http://engine' } },
    });
    expect(created.LastUpdateStatus).toBeUndefined();
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(aws.functionCode('voca-reply')?.equals(code)).toBe(true);

    const active = await until(
      () => lambda.send(new GetFunctionCommand({ FunctionName: 'voca-reply' })),
      (r) => r.Configuration?.State === 'Active',
      'Active',
    );
    expect(active.Configuration?.LastUpdateStatus).toBe('Successful');
    const download = await fetch(active.Code?.Location as string);
    expect(Buffer.from(await download.arrayBuffer()).equals(code)).toBe(true);
    // By ARN too.
    expect(
      (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: created.FunctionArn }))).FunctionName,
    ).toBe('voca-reply');

    const duplicate = await awsError(
      lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'voca-reply',
          Role: ROLE,
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Code: { ZipFile: code },
        }),
      ),
      'ResourceConflictException',
    );
    expect(duplicate.$metadata.httpStatusCode).toBe(409);
  });

  it('refuses bad packages and reserved environment variables with InvalidParameterValueException', async () => {
    await awsError(
      lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'bad-zip',
          Role: ROLE,
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Code: { ZipFile: Buffer.from('not a zip') },
        }),
      ),
      'InvalidParameterValueException',
    );
    await awsError(
      lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'bad-env',
          Role: ROLE,
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Code: { ZipFile: zip() },
          Environment: { Variables: { AWS_REGION: 'eu-west-1' } },
        }),
      ),
      'InvalidParameterValueException',
    );
    expect(aws.inventory().functions.map((f) => f.name)).not.toContain('bad-zip');
  });

  it('refuses updates while Pending or InProgress, then applies configuration and code', async () => {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'updatable',
        Role: ROLE,
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Code: { ZipFile: zip('a') },
      }),
    );
    await awsError(
      lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'updatable', Timeout: 5 })),
      'ResourceConflictException',
    );
    await until(
      () => lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'updatable' })),
      (r) => r.State === 'Active',
      'Active',
    );

    const updated = await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'updatable',
        Environment: { Variables: { AGENT_TABLE: 'agents', LOG_LEVEL: 'debug' } },
      }),
    );
    expect(updated.LastUpdateStatus).toBe('InProgress');
    await awsError(
      lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'updatable', ZipFile: zip('b') })),
      'ResourceConflictException',
    );
    await until(
      () => lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'updatable' })),
      (r) => r.LastUpdateStatus === 'Successful',
      'Successful',
    );

    const code = zip('b');
    const withCode = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'updatable', ZipFile: code }));
    expect(withCode.CodeSha256).toBe(createHash('sha256').update(code).digest('base64'));
    expect(aws.functionCode('updatable')?.equals(code)).toBe(true);
    expect(aws.inventory().functions.find((f) => f.name === 'updatable')).toMatchObject({
      environment: { AGENT_TABLE: 'agents', LOG_LEVEL: 'debug' },
      codeSha256: withCode.CodeSha256,
    });
  });

  it('manages the resource policy: AddPermission, duplicate StatementId, GetPolicy, RemovePermission', async () => {
    const arn = await activeFunction(lambda, 'with-policy');
    const instanceArn = 'arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-0000-0000-000000000000';
    const added = await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'with-policy',
        StatementId: 'connect-invoke',
        Action: 'lambda:InvokeFunction',
        Principal: 'connect.amazonaws.com',
        SourceArn: instanceArn,
        SourceAccount: '123456789012',
      }),
    );
    expect(added.$metadata.httpStatusCode).toBe(201);
    expect(JSON.parse(added.Statement as string)).toEqual({
      Sid: 'connect-invoke',
      Effect: 'Allow',
      Principal: { Service: 'connect.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: arn,
      Condition: { ArnLike: { 'AWS:SourceArn': instanceArn }, StringEquals: { 'AWS:SourceAccount': '123456789012' } },
    });
    const again = await awsError(
      lambda.send(
        new AddPermissionCommand({
          FunctionName: 'with-policy',
          StatementId: 'connect-invoke',
          Action: 'lambda:InvokeFunction',
          Principal: 'connect.amazonaws.com',
        }),
      ),
      'ResourceConflictException',
    );
    expect(again.message).toContain('already exists');

    const policy = await lambda.send(new GetPolicyCommand({ FunctionName: 'with-policy' }));
    expect(JSON.parse(policy.Policy as string).Statement).toHaveLength(1);
    expect(aws.inventory().functions.find((f) => f.name === 'with-policy')?.permissions).toEqual([
      {
        statementId: 'connect-invoke',
        principal: 'connect.amazonaws.com',
        sourceArn: instanceArn,
        action: 'lambda:InvokeFunction',
      },
    ]);

    const removed = await lambda.send(
      new RemovePermissionCommand({ FunctionName: 'with-policy', StatementId: 'connect-invoke' }),
    );
    expect(removed.$metadata.httpStatusCode).toBe(204);
    await awsError(lambda.send(new GetPolicyCommand({ FunctionName: 'with-policy' })), 'ResourceNotFoundException');
    await awsError(
      lambda.send(new RemovePermissionCommand({ FunctionName: 'with-policy', StatementId: 'connect-invoke' })),
      'ResourceNotFoundException',
    );
  });

  it('associates a function with an instance once: a repeat is ResourceConflictException', async () => {
    const arn = await activeFunction(lambda, 'associated');
    const instance = await activeInstance(connect);
    await connect.send(new AssociateLambdaFunctionCommand({ InstanceId: instance.id, FunctionArn: arn }));
    const error = await awsError(
      connect.send(new AssociateLambdaFunctionCommand({ InstanceId: instance.id, FunctionArn: arn })),
      'ResourceConflictException',
    );
    expect(error.$metadata.httpStatusCode).toBe(409);
    const listed = await connect.send(new ListLambdaFunctionsCommand({ InstanceId: instance.id }));
    expect(listed.LambdaFunctions).toEqual([arn]);
    await awsError(
      connect.send(
        new AssociateLambdaFunctionCommand({
          InstanceId: instance.id,
          FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:nope',
        }),
      ),
      'ResourceNotFoundException',
    );
    await awsError(
      connect.send(new AssociateLambdaFunctionCommand({ InstanceId: instance.id, FunctionArn: 'not-an-arn' })),
      'InvalidParameterException',
    );
    expect(aws.inventory().instances.find((i) => i.id === instance.id)?.lambdaFunctions).toEqual([arn]);
  });

  it('deletes a function; reading it then answers ResourceNotFoundException', async () => {
    await activeFunction(lambda, 'short-lived');
    const deleted = await lambda.send(new DeleteFunctionCommand({ FunctionName: 'short-lived' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const error = await awsError(
      lambda.send(new GetFunctionCommand({ FunctionName: 'short-lived' })),
      'ResourceNotFoundException',
    );
    expect(error.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:short-lived');
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(aws.functionCode('short-lived')).toBeUndefined();
    expect(aws.inventory().functions.map((f) => f.name)).not.toContain('short-lived');
  });
});

describe('AWS emulator: API rate', () => {
  let aws: AwsEmulator;
  beforeAll(async () => {
    aws = await AwsEmulator.start({ ...FAST, apiRate: { perSecond: 0.5, burst: 5 } });
  });
  afterAll(() => aws.stop());

  it('lets a burst of 5 Connect calls through, throttles the next, refills at the configured rate, and leaves Lambda alone', async () => {
    const connect = connectClient(aws);
    for (let i = 0; i < 5; i++) await connect.send(new ListInstancesCommand({}));
    await awsError(connect.send(new ListInstancesCommand({})), 'ThrottlingException');
    await awsError(connect.send(new ListInstancesCommand({})), 'ThrottlingException');
    await lambdaClient(aws)
      .send(new GetFunctionCommand({ FunctionName: 'absent' }))
      .catch((error: Error) => expect(error.name).toBe('ResourceNotFoundException'));
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // one token at 0.5 a second
    await connect.send(new ListInstancesCommand({}));
    expect(aws.calls.map((c) => c.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 404, 200]);
    // Each region has a bucket of its own.
    await new ConnectClient({ endpoint: aws.url, region: 'eu-west-1', credentials, maxAttempts: 1 }).send(
      new ListInstancesCommand({}),
    );
    expect(aws.calls.at(-1)!.status).toBe(200);
  });
});

describe('AWS emulator: fault injection', () => {
  let aws: AwsEmulator;
  beforeAll(async () => {
    aws = await AwsEmulator.start(FAST);
  });
  afterEach(() => aws.reset());
  afterAll(() => aws.stop());

  it('lets the SDK retry injected throttles: two ThrottlingExceptions then success with maxAttempts 3', async () => {
    const connect = connectClient(aws, { maxAttempts: 3 });
    aws.failNext('ListInstances', 'ThrottlingException', 2);
    const result = await connect.send(new ListInstancesCommand({}));
    expect(result.$metadata.attempts).toBe(3);
    expect(aws.calls.map((c) => [c.operation, c.status, c.attempt, c.error])).toEqual([
      ['ListInstances', 429, 1, 'ThrottlingException'],
      ['ListInstances', 429, 2, 'ThrottlingException'],
      ['ListInstances', 200, 3, undefined],
    ]);
  });

  it('surfaces ServiceQuotaExceededException (402, not retried) and leaves no effect', async () => {
    const connect = connectClient(aws, { maxAttempts: 3 });
    aws.failNext('CreateInstance', 'ServiceQuotaExceededException');
    const error = await awsError(
      connect.send(
        new CreateInstanceCommand({
          IdentityManagementType: 'CONNECT_MANAGED',
          InstanceAlias: 'quota',
          InboundCallsEnabled: true,
          OutboundCallsEnabled: true,
        }),
      ),
      'ServiceQuotaExceededException',
    );
    expect(error.$metadata).toMatchObject({ httpStatusCode: 402, attempts: 1 });
    expect(aws.inventory().instances).toEqual([]);
  });

  it('answers each fault kind with its status and exception class', async () => {
    const connect = connectClient(aws);
    const cases = [
      ['ThrottlingException', 429],
      ['TooManyRequestsException', 429],
      ['LimitExceededException', 429],
      ['ServiceQuotaExceededException', 402],
      ['InternalServiceException', 500],
      ['ResourceConflictException', 409],
      ['AccessDeniedException', 403],
      ['ResourceNotFoundException', 404],
    ] as const;
    for (const [fault, status] of cases) {
      aws.failNext('ListInstances', fault);
      const error = await awsError(connect.send(new ListInstancesCommand({})), fault);
      expect(error.$metadata.httpStatusCode).toBe(status);
    }
    expect(aws.calls.map((c) => c.status)).toEqual(cases.map(([, s]) => s));
  });

  it("maps faults to Lambda's own errors", async () => {
    const lambda = lambdaClient(aws);
    const cases = [
      ['ThrottlingException', 'TooManyRequestsException', 429],
      ['LimitExceededException', 'TooManyRequestsException', 429],
      ['InternalServiceException', 'ServiceException', 500],
      ['ServiceQuotaExceededException', 'ServiceQuotaExceededException', 402],
      ['ResourceConflictException', 'ResourceConflictException', 409],
    ] as const;
    for (const [fault, name, status] of cases) {
      aws.failNext('GetFunction', fault);
      const error = await awsError(lambda.send(new GetFunctionCommand({ FunctionName: 'x' })), name);
      expect(error.$metadata.httpStatusCode).toBe(status);
    }
    // The SDK retries a server error on its own.
    const retrying = lambdaClient(aws, { maxAttempts: 2 });
    aws.failNext('GetFunction', 'InternalServiceException');
    await awsError(retrying.send(new GetFunctionCommand({ FunctionName: 'x' })), 'ResourceNotFoundException');
    expect(aws.calls.slice(-2).map((c) => c.status)).toEqual([500, 404]);
  });

  it('applies a held call but keeps the response open: a crash mid-ClaimPhoneNumber, then a retry with the same ClientToken', async () => {
    const connect = connectClient(aws);
    const instance = await activeInstance(connect);
    const token = randomUUID();
    const arrived = aws.holdNext('ClaimPhoneNumber');
    const abort = new AbortController();
    const pending = connect.send(
      new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: '+12065550100', ClientToken: token }),
      {
        abortSignal: abort.signal,
      },
    );
    await arrived;
    const [phone] = aws.inventory().phoneNumbers;
    expect(phone).toMatchObject({ number: '+12065550100', status: 'IN_PROGRESS', instanceId: instance.id });
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    aws.releaseHeld();

    const retry = await connect.send(
      new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: '+12065550100', ClientToken: token }),
    );
    expect(retry.PhoneNumberId).toBe(phone?.id);
    expect(aws.inventory().phoneNumbers).toHaveLength(1);
  });

  it('holds a CreateFunction past the SDK requestTimeout: the function exists, a resend is ResourceConflictException', async () => {
    const lambda = lambdaClient(aws, { requestHandler: { requestTimeout: 150, throwOnRequestTimeout: true } });
    const arrived = aws.holdNext('CreateFunction');
    const pending = lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'held',
        Role: ROLE,
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Code: { ZipFile: zip() },
      }),
    );
    await arrived;
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(aws.inventory().functions.map((f) => f.name)).toEqual(['held']);
    aws.releaseHeld();
    await awsError(
      lambdaClient(aws).send(
        new CreateFunctionCommand({
          FunctionName: 'held',
          Role: ROLE,
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Code: { ZipFile: zip() },
        }),
      ),
      'ResourceConflictException',
    );
  });

  it('releases a held response to a client that is still waiting', async () => {
    const connect = connectClient(aws);
    const arrived = aws.holdNext('ListInstances');
    const pending = connect.send(new ListInstancesCommand({}));
    await arrived;
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    aws.releaseHeld();
    expect((await pending).InstanceSummaryList).toEqual([]);
  });
});

describe('AWS emulator: HTTP control API and inventory', () => {
  let aws: AwsEmulator;
  beforeAll(async () => {
    aws = await AwsEmulator.start(FAST);
  });
  afterAll(() => aws.stop());

  const post = (path: string, body: unknown) =>
    fetch(`${aws.url}/_emulator/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('injects faults and taken numbers over HTTP', async () => {
    const connect = connectClient(aws);
    expect(
      (await post('faults', { operation: 'ListInstances', error: 'LimitExceededException', times: 1 })).status,
    ).toBe(200);
    await awsError(connect.send(new ListInstancesCommand({})), 'LimitExceededException');
    await connect.send(new ListInstancesCommand({}));
    expect((await post('faults', { operation: 'ListInstances', error: 'Nonsense' })).status).toBe(400);

    const instance = await activeInstance(connect);
    expect((await post('taken-numbers', { numbers: ['+18885550100'] })).status).toBe(200);
    await awsError(
      connect.send(new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: '+18885550100' })),
      'InvalidParameterException',
    );
  });

  it('reports an inventory that reflects everything, and resets', async () => {
    const connect = connectClient(aws);
    const lambda = lambdaClient(aws);
    const instance = await activeInstance(connect, 'inventory');
    const functionArn = await activeFunction(lambda, 'inventory-fn');
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'inventory-fn',
        StatementId: 'connect',
        Action: 'lambda:InvokeFunction',
        Principal: 'connect.amazonaws.com',
        SourceArn: instance.arn,
      }),
    );
    await connect.send(new AssociateLambdaFunctionCommand({ InstanceId: instance.id, FunctionArn: functionArn }));
    const flow = await connect.send(
      new CreateContactFlowCommand({
        InstanceId: instance.id,
        Name: 'agent-7',
        Type: 'CONTACT_FLOW',
        Content: flowContent(functionArn),
      }),
    );
    const claim = await connect.send(
      new ClaimPhoneNumberCommand({ TargetArn: instance.arn, PhoneNumber: '+14155550100' }),
    );
    await until(
      () => connect.send(new DescribePhoneNumberCommand({ PhoneNumberId: claim.PhoneNumberId })),
      (r) => r.ClaimedPhoneNumberSummary?.PhoneNumberStatus?.Status === 'CLAIMED',
      'CLAIMED',
    );
    await connect.send(
      new AssociatePhoneNumberContactFlowCommand({
        PhoneNumberId: claim.PhoneNumberId,
        InstanceId: instance.id,
        ContactFlowId: flow.ContactFlowId,
      }),
    );

    const inventory = aws.inventory();
    expect(inventory.instances.find((i) => i.id === instance.id)).toEqual({
      id: instance.id,
      arn: instance.arn,
      alias: 'inventory',
      status: 'ACTIVE',
      lambdaFunctions: [functionArn],
      lexBots: [],
    });
    expect(inventory.contactFlows.find((f) => f.id === flow.ContactFlowId)).toEqual({
      instanceId: instance.id,
      id: flow.ContactFlowId,
      arn: flow.ContactFlowArn,
      name: 'agent-7',
      type: 'CONTACT_FLOW',
      content: flowContent(functionArn),
      builtIn: false,
    });
    expect(inventory.phoneNumbers.find((p) => p.id === claim.PhoneNumberId)).toEqual({
      id: claim.PhoneNumberId,
      arn: claim.PhoneNumberArn,
      number: '+14155550100',
      type: 'DID',
      instanceId: instance.id,
      status: 'CLAIMED',
      contactFlowId: flow.ContactFlowId,
      source: 'claimed',
      released: false,
    });
    expect(inventory.hoursOfOperation.filter((h) => h.instanceId === instance.id).map((h) => h.name)).toEqual([
      'Basic Hours',
    ]);
    expect(inventory.functions.find((f) => f.name === 'inventory-fn')).toEqual({
      name: 'inventory-fn',
      arn: functionArn,
      state: 'Active',
      lastUpdateStatus: 'Successful',
      environment: {},
      permissions: [
        {
          statementId: 'connect',
          principal: 'connect.amazonaws.com',
          sourceArn: instance.arn,
          action: 'lambda:InvokeFunction',
        },
      ],
      codeSha256: createHash('sha256').update(zip('inventory-fn')).digest('base64'),
    });

    const overHttp = await (await fetch(`${aws.url}/_emulator/inventory`)).json();
    expect(overHttp).toEqual(JSON.parse(JSON.stringify(aws.inventory())));
    const calls = (await (await fetch(`${aws.url}/_emulator/calls`)).json()) as unknown[];
    expect(calls.length).toBe(aws.calls.length);

    expect((await post('reset', {})).status).toBe(200);
    expect(aws.inventory()).toEqual({
      instances: [],
      contactFlows: [],
      phoneNumbers: [],
      releasedPhoneNumbers: 0,
      hoursOfOperation: [],
      queues: [],
      functions: [],
      lexBots: [],
    });
    expect(aws.calls).toEqual([]);
  });
});
