import {
  AssociateBotCommand,
  ConnectClient,
  CreateContactFlowCommand,
  CreateInstanceCommand,
  DescribeInstanceCommand,
  DisassociateBotCommand,
  ListBotsCommand as ListInstanceBotsCommand,
} from '@aws-sdk/client-connect';
import {
  BuildBotLocaleCommand,
  CreateBotAliasCommand,
  CreateBotCommand,
  CreateBotLocaleCommand,
  CreateBotVersionCommand,
  CreateIntentCommand,
  CreateResourcePolicyCommand,
  DeleteBotCommand,
  DescribeBotAliasCommand,
  DescribeBotCommand,
  DescribeBotLocaleCommand,
  DescribeIntentCommand,
  DescribeResourcePolicyCommand,
  LexModelsV2Client,
  ListBotsCommand,
  ListBotVersionsCommand,
  ListIntentsCommand,
  UpdateIntentCommand,
  UpdateResourcePolicyCommand,
} from '@aws-sdk/client-lex-models-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEmulator } from '../emulators/aws/index.js';

const REGION = 'us-east-1';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const ROLE = 'arn:aws:iam::123456789012:role/voca-lex';

let aws: AwsEmulator;
let lex: LexModelsV2Client;
let connect: ConnectClient;

beforeAll(async () => {
  aws = await AwsEmulator.start({ instanceActivationMs: 40, lexSettleMs: 40, lexBuildMs: 80 });
  lex = new LexModelsV2Client({ endpoint: aws.url, region: REGION, credentials, maxAttempts: 1 });
  connect = new ConnectClient({ endpoint: aws.url, region: REGION, credentials, maxAttempts: 1 });
});

afterAll(async () => {
  await aws?.stop();
});

async function failure(promise: Promise<unknown>, name: string): Promise<Error & Record<string, any>> {
  try {
    await promise;
  } catch (error) {
    expect((error as Error).name).toBe(name);
    return error as Error & Record<string, any>;
  }
  throw new Error(`expected ${name}, but the call succeeded`);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

async function availableBot(name: string): Promise<string> {
  const { botId, botStatus } = await lex.send(
    new CreateBotCommand({
      botName: name,
      roleArn: ROLE,
      dataPrivacy: { childDirected: false },
      idleSessionTTLInSeconds: 300,
    }),
  );
  expect(botStatus).toBe('Creating');
  await until(
    () => lex.send(new DescribeBotCommand({ botId })),
    (bot) => bot.botStatus === 'Available',
  );
  return botId!;
}

describe('AWS emulator: Lex V2 model building over the real SDK', () => {
  it('creates a bot once per name, finds it by a BotName filter, and refuses a bad request with ValidationException', async () => {
    const botId = await availableBot('voca-speech-wire-en');
    expect(botId).toMatch(/^[0-9A-Z]{10}$/);
    const taken = await failure(
      lex.send(
        new CreateBotCommand({
          botName: 'voca-speech-wire-en',
          roleArn: ROLE,
          dataPrivacy: { childDirected: false },
          idleSessionTTLInSeconds: 300,
        }),
      ),
      'ConflictException',
    );
    expect(taken.$metadata.httpStatusCode).toBe(409);
    const { botSummaries } = await lex.send(
      new ListBotsCommand({ filters: [{ name: 'BotName', values: ['voca-speech-wire-en'], operator: 'EQ' }] }),
    );
    expect(botSummaries).toEqual([expect.objectContaining({ botId, botStatus: 'Available' })]);
    const bad = await failure(
      lex.send(
        new CreateBotCommand({
          botName: 'bad name!',
          roleArn: ROLE,
          dataPrivacy: { childDirected: false },
          idleSessionTTLInSeconds: 30,
        }),
      ),
      'ValidationException',
    );
    expect(bad.$metadata.httpStatusCode).toBe(400);
  });

  it('adds a locale with its fallback intent, builds only with an intent of its own, then versions and aliases it', async () => {
    const botId = await availableBot('voca-speech-wire-es');
    const where = { botId, botVersion: 'DRAFT', localeId: 'es_US' };
    const locale = await lex.send(
      new CreateBotLocaleCommand({
        ...where,
        nluIntentConfidenceThreshold: 0.4,
        voiceSettings: { voiceId: 'Lupe', engine: 'neural' },
      }),
    );
    expect(locale.botLocaleStatus).toBe('Creating');
    await until(
      () => lex.send(new DescribeBotLocaleCommand(where)),
      (l) => l.botLocaleStatus === 'NotBuilt',
    );
    const fallback = await lex.send(new DescribeIntentCommand({ ...where, intentId: 'FALLBCKINT' }));
    expect(fallback).toMatchObject({ intentName: 'FallbackIntent', parentIntentSignature: 'AMAZON.FallbackIntent' });

    // The fallback intent alone does not build.
    await lex.send(new BuildBotLocaleCommand(where));
    const failed = await until(
      () => lex.send(new DescribeBotLocaleCommand(where)),
      (l) => l.botLocaleStatus !== 'Building',
    );
    expect(failed.botLocaleStatus).toBe('Failed');
    expect(failed.failureReasons?.[0]).toMatch(/sample utterance/);

    await lex.send(
      new CreateIntentCommand({
        ...where,
        intentName: 'CaptureUtterance',
        sampleUtterances: [{ utterance: 'voca capture placeholder' }],
        fulfillmentCodeHook: { enabled: true },
      }),
    );
    await failure(lex.send(new CreateIntentCommand({ ...where, intentName: 'FallbackIntent' })), 'ValidationException');
    await lex.send(
      new UpdateIntentCommand({
        ...where,
        intentId: 'FALLBCKINT',
        intentName: 'FallbackIntent',
        parentIntentSignature: 'AMAZON.FallbackIntent',
        fulfillmentCodeHook: { enabled: true },
      }),
    );
    const { intentSummaries } = await lex.send(
      new ListIntentsCommand({
        ...where,
        filters: [{ name: 'IntentName', values: ['CaptureUtterance'], operator: 'EQ' }],
      }),
    );
    expect(intentSummaries?.map((i) => i.intentName)).toEqual(['CaptureUtterance']);

    // A version copies Built locales only.
    await failure(
      lex.send(
        new CreateBotVersionCommand({ botId, botVersionLocaleSpecification: { es_US: { sourceBotVersion: 'DRAFT' } } }),
      ),
      'ValidationException',
    );
    await lex.send(new BuildBotLocaleCommand(where));
    await failure(lex.send(new BuildBotLocaleCommand(where)), 'PreconditionFailedException');
    await until(
      () => lex.send(new DescribeBotLocaleCommand(where)),
      (l) => l.botLocaleStatus === 'Built',
    );
    const version = await lex.send(
      new CreateBotVersionCommand({ botId, botVersionLocaleSpecification: { es_US: { sourceBotVersion: 'DRAFT' } } }),
    );
    expect(version).toMatchObject({ botVersion: '1', botStatus: 'Versioning' });
    const versions = await lex.send(new ListBotVersionsCommand({ botId }));
    expect(versions.botVersionSummaries?.map((v) => v.botVersion)).toEqual(['DRAFT', '1']);

    const lambdaARN = 'arn:aws:lambda:us-east-1:123456789012:function:voca-voice-x';
    const alias = await lex.send(
      new CreateBotAliasCommand({
        botId,
        botAliasName: 'voca-live',
        botVersion: '1',
        botAliasLocaleSettings: {
          es_US: {
            enabled: true,
            codeHookSpecification: { lambdaCodeHook: { lambdaARN, codeHookInterfaceVersion: '1.0' } },
          },
        },
      }),
    );
    const described = await until(
      () => lex.send(new DescribeBotAliasCommand({ botId, botAliasId: alias.botAliasId })),
      (a) => a.botAliasStatus === 'Available',
    );
    expect(described.botAliasLocaleSettings?.es_US?.codeHookSpecification?.lambdaCodeHook?.lambdaARN).toBe(lambdaARN);
    await failure(
      lex.send(new CreateBotAliasCommand({ botId, botAliasName: 'voca-live', botVersion: '1' })),
      'ConflictException',
    );
  });

  it('keeps a resource policy on an alias (percent-encoded ARN path), with revisions and the service-principal rule', async () => {
    const botId = await availableBot('voca-speech-wire-policy');
    const { botAliasId } = await lex.send(new CreateBotAliasCommand({ botId, botAliasName: 'voca-live' }));
    const aliasArn = `arn:aws:lex:${REGION}:123456789012:bot-alias/${botId}/${botAliasId}`;
    const statement = {
      Effect: 'Allow',
      Principal: { Service: ['connect.amazonaws.com'] },
      Action: ['lex:RecognizeText', 'lex:StartConversation'],
      Resource: aliasArn,
    };
    await failure(
      lex.send(
        new CreateResourcePolicyCommand({ resourceArn: aliasArn, policy: JSON.stringify({ Statement: [statement] }) }),
      ),
      'ValidationException',
    );
    const withCondition = { ...statement, Condition: { StringEquals: { 'AWS:SourceAccount': '123456789012' } } };
    const created = await lex.send(
      new CreateResourcePolicyCommand({
        resourceArn: aliasArn,
        policy: JSON.stringify({ Statement: [withCondition] }),
      }),
    );
    const read = await lex.send(new DescribeResourcePolicyCommand({ resourceArn: aliasArn }));
    expect(read.revisionId).toBe(created.revisionId);
    expect(JSON.parse(read.policy!).Statement[0].Resource).toBe(aliasArn);
    await failure(
      lex.send(
        new UpdateResourcePolicyCommand({
          resourceArn: aliasArn,
          policy: read.policy,
          expectedRevisionId: 'STALEREV01',
        }),
      ),
      'PreconditionFailedException',
    );
    await failure(
      // Another alias of the same bot: the id's last character changed (to Z, or to Y when it was Z).
      lex.send(
        new DescribeResourcePolicyCommand({ resourceArn: aliasArn.replace(/.$/, (c) => (c === 'Z' ? 'Y' : 'Z')) }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('associates an alias with a Connect instance once, lists it, and a flow may then use it', async () => {
    const created = await connect.send(
      new CreateInstanceCommand({
        IdentityManagementType: 'CONNECT_MANAGED',
        InstanceAlias: 'voca-lex-wire',
        InboundCallsEnabled: true,
        OutboundCallsEnabled: false,
      }),
    );
    await until(
      () => connect.send(new DescribeInstanceCommand({ InstanceId: created.Id })),
      (r) => r.Instance?.InstanceStatus === 'ACTIVE',
    );
    const botId = await availableBot('voca-speech-wire-connect');
    const { botAliasId } = await lex.send(new CreateBotAliasCommand({ botId, botAliasName: 'voca-live' }));
    const aliasArn = `arn:aws:lex:${REGION}:123456789012:bot-alias/${botId}/${botAliasId}`;
    const flow = (arn: string) =>
      JSON.stringify({
        Version: '2019-10-30',
        StartAction: 'listen',
        Actions: [
          {
            Identifier: 'listen',
            Type: 'ConnectParticipantWithLexBot',
            Parameters: { Text: 'How can I help?', LexV2Bot: { AliasArn: arn } },
            Transitions: { NextAction: 'end', Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'end' }] },
          },
          { Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
        ],
      });
    const refused = await failure(
      connect.send(
        new CreateContactFlowCommand({
          InstanceId: created.Id,
          Name: 'lex-1',
          Type: 'CONTACT_FLOW',
          Content: flow(aliasArn),
        }),
      ),
      'InvalidContactFlowException',
    );
    expect(JSON.stringify(refused.problems)).toContain('is not associated');

    await failure(
      connect.send(
        new AssociateBotCommand({
          InstanceId: created.Id,
          LexV2Bot: { AliasArn: `arn:aws:lex:${REGION}:123456789012:bot-alias/${botId}/NOSUCHALIA` },
        }),
      ),
      'ResourceNotFoundException',
    );
    await connect.send(
      new AssociateBotCommand({ InstanceId: created.Id, LexV2Bot: { AliasArn: aliasArn }, ClientToken: 't-1' }),
    );
    // The same request again (a retry of a lost answer) is accepted; another is a conflict.
    await connect.send(
      new AssociateBotCommand({ InstanceId: created.Id, LexV2Bot: { AliasArn: aliasArn }, ClientToken: 't-1' }),
    );
    await failure(
      connect.send(new AssociateBotCommand({ InstanceId: created.Id, LexV2Bot: { AliasArn: aliasArn } })),
      'ResourceConflictException',
    );
    const listed = await connect.send(new ListInstanceBotsCommand({ InstanceId: created.Id, LexVersion: 'V2' }));
    expect(listed.LexBots).toEqual([{ LexV2Bot: { AliasArn: aliasArn } }]);
    await connect.send(
      new CreateContactFlowCommand({
        InstanceId: created.Id,
        Name: 'lex-2',
        Type: 'CONTACT_FLOW',
        Content: flow(aliasArn),
      }),
    );
    expect(aws.inventory().instances.find((i) => i.id === created.Id)!.lexBots).toEqual([aliasArn]);

    await connect.send(new DisassociateBotCommand({ InstanceId: created.Id, LexV2Bot: { AliasArn: aliasArn } }));
    expect(
      (await connect.send(new ListInstanceBotsCommand({ InstanceId: created.Id, LexVersion: 'V2' }))).LexBots,
    ).toEqual([]);
  });

  it('deletes a bot (its aliases and policies go with it) and maps injected faults to Lex errors', async () => {
    const botId = await availableBot('voca-speech-wire-delete');
    const deleted = await lex.send(new DeleteBotCommand({ botId }));
    expect(deleted.botStatus).toBe('Deleting');
    await failure(lex.send(new DescribeBotCommand({ botId })), 'ResourceNotFoundException');
    expect(aws.inventory().lexBots.some((bot) => bot.id === botId)).toBe(false);

    aws.failNext('ListBots', 'InternalServiceException');
    const error = await failure(lex.send(new ListBotsCommand({})), 'InternalServerException');
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(aws.calls.at(-1)).toMatchObject({ service: 'lex', operation: 'ListBots', status: 500 });
  });

  it('is reachable through AWS_ENDPOINT_URL_LEX_MODELS_V2, as the engine configures it', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_LEX_MODELS_V2;
    process.env.AWS_ENDPOINT_URL_LEX_MODELS_V2 = aws.url;
    try {
      const client = new LexModelsV2Client({ region: REGION, credentials, maxAttempts: 1 });
      await client.send(new ListBotsCommand({}));
      expect(aws.calls.at(-1)).toMatchObject({ service: 'lex', operation: 'ListBots', status: 200 });
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_LEX_MODELS_V2;
      else process.env.AWS_ENDPOINT_URL_LEX_MODELS_V2 = saved;
    }
  });
});
