import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  contactFlowNameOf,
  createAwsClients,
  LiveConnectProvisioner,
  type ConnectChannelResult,
  type LiveConnectSettings,
  packageVoiceLambda,
  validateFlow,
  type FlowDocument,
} from '@voca/aws-connect';
import {
  CreateBotAliasCommand,
  CreateBotCommand,
  DescribeResourcePolicyCommand,
  LexModelsV2Client,
  UpdateResourcePolicyCommand,
} from '@aws-sdk/client-lex-models-v2';
import { resolveBusinessProfile } from '@voca/business';
import { dataSourceOptions } from '@voca/persistence';
import { DataSource } from 'typeorm';
import { QueueName, type ConnectDeprovisionJobData } from '@voca/contracts';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEmulator } from '../emulators/aws/index.js';
import { testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { forgetConnectRegion, liveConnectEnv, TEST_LAMBDA_ROLE } from '../support/live-connect.js';
import { cozyComfortRequest } from '../support/seed.js';
import { TEST_DATABASE_URL, testEnv, TEST_REDIS_URL, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { operationEnd } from '../support/operations.js';
import { waitFor } from '../support/wait-for.js';

const REGION = 'us-east-2';
const db = testDatabase();
let aws: AwsEmulator;
let env: Record<string, string>;
let gateway: INestApplication;
let workers: INestApplication[];
let api: Api;
let awsConnectQueue: Queue<ConnectDeprovisionJobData>;
let awsConnectEvents: QueueEvents;

beforeAll(async () => {
  aws = await AwsEmulator.start({ instanceActivationMs: 150, phoneClaimMs: 60, functionActivationMs: 60 });
  await forgetConnectRegion(db, REGION);
  env = testEnv({ ...liveConnectEnv(aws, REGION), WORKER_CONCURRENCY: '4' });
  // The AWS SDK reads its endpoint and credential variables from the process environment.
  Object.assign(process.env, liveConnectEnv(aws, REGION));
  ({ app: gateway, api } = await startGateway(env));
  workers = await startWorkers(env);
  const connection = { url: TEST_REDIS_URL };
  awsConnectQueue = new Queue(QueueName.AwsConnect, { connection, prefix: env.QUEUE_PREFIX });
  awsConnectEvents = new QueueEvents(QueueName.AwsConnect, { connection, prefix: env.QUEUE_PREFIX });
  await awsConnectEvents.waitUntilReady();
});

afterAll(async () => {
  await closeAll(workers);
  await gateway?.close();
  await awsConnectQueue?.close();
  await awsConnectEvents?.close();
  await aws?.stop();
  await db.end();
});

async function provision(overrides: Record<string, unknown> = {}, vendor = uniqueVendor()) {
  const body = cozyComfortRequest(vendor, { channels: ['voice'], ...overrides });
  const accepted = await api.post('/api/v1/agents/provision', body, bearer(serviceToken()));
  expect(accepted.status).toBe(202);
  const done = await operationEnd(api, accepted.body.status_url);
  return { agentId: accepted.body.agent_id as string, vendor, done };
}

const flowsOf = (agentId: string) =>
  aws.inventory().contactFlows.filter((flow) => flow.name === contactFlowNameOf(agentId));

async function deprovision(agentId: string, vendorId: string) {
  const job = await awsConnectQueue.add('connect.deprovision', {
    agentId,
    vendorId,
    requestId: `test-${agentId}`,
    reason: 'deletion',
  });
  await job.waitUntilFinished(awsConnectEvents, 30_000);
}

describe('live Amazon Connect provisioning against the emulator', () => {
  it('provisions the seed agent: one flow, one claimed number pointed at it, on the shared instance', async () => {
    const { agentId, done } = await provision({ opening_hours: undefined });
    expect(done.status).toBe('completed');
    const [voice] = done.agent_config.channels;
    const inventory = aws.inventory();

    expect(inventory.instances).toHaveLength(1);
    const [instance] = inventory.instances;
    expect(instance!.status).toBe('ACTIVE');
    expect(voice.aws_connect_instance_id).toBe(instance!.arn);

    const flows = flowsOf(agentId);
    expect(flows).toHaveLength(1);
    const claimed = inventory.phoneNumbers.filter((number) => number.contactFlowId === flows[0]!.id);
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toMatchObject({ status: 'CLAIMED', number: voice.phone_number, instanceId: instance!.id });

    const flow = JSON.parse(flows[0]!.content) as FlowDocument;
    expect(validateFlow(flow)).toEqual([]);
    expect(JSON.stringify(flow)).toContain('Thank you for contacting Cozy Comfort Bedding.');

    const [fn] = inventory.functions;
    expect(inventory.functions).toHaveLength(1);
    expect(fn).toMatchObject({ state: 'Active' });
    expect(fn!.environment.ENGINE_WEBHOOK_URL).toMatch(/\/api\/v1\/webhooks\/connect$/);
    expect(instance!.lambdaFunctions).toEqual([fn!.arn]);
    expect(fn!.codeSha256).toBe((await packageVoiceLambda()).sha256);
    expect(JSON.stringify(flow)).toContain(fn!.arn);

    // The caller is heard: one speech bot for the instance's English callers, built, versioned and aliased, its
    // fulfilment hooked to the voice Lambda, opened to this instance only, associated with it and used by the flow.
    expect(inventory.lexBots).toHaveLength(1);
    const [bot] = inventory.lexBots;
    expect(bot).toMatchObject({
      name: `voca-speech-${instance!.id}-en`,
      status: 'Available',
      roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_voca',
      versions: ['1'],
    });
    expect(bot!.locales).toEqual([
      expect.objectContaining({ localeId: 'en_US', status: 'Built', voiceId: 'Joanna', builds: 1 }),
    ]);
    expect(bot!.locales[0]!.intents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ intentName: 'FallbackIntent', fulfillmentCodeHook: true }),
        expect.objectContaining({ intentName: 'CaptureUtterance', sampleUtterances: 1, fulfillmentCodeHook: true }),
      ]),
    );
    expect(bot!.aliases).toHaveLength(1);
    const [alias] = bot!.aliases;
    expect(alias).toMatchObject({ name: 'voca-live', botVersion: '1', status: 'Available' });
    expect(alias!.localeSettings).toEqual({
      en_US: {
        enabled: true,
        codeHookSpecification: { lambdaCodeHook: { lambdaARN: fn!.arn, codeHookInterfaceVersion: '1.0' } },
      },
    });
    const policy = JSON.parse(alias!.policy!) as { Statement: Record<string, any>[] };
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: ['connect.amazonaws.com'] },
        Resource: alias!.arn,
        Condition: {
          StringEquals: { 'AWS:SourceAccount': '123456789012' },
          ArnEquals: { 'AWS:SourceArn': instance!.arn },
        },
      }),
    ]);
    expect(instance!.lexBots).toEqual([alias!.arn]);
    expect(fn!.permissions).toEqual([
      expect.objectContaining({
        principal: 'connect.amazonaws.com',
        sourceArn: instance!.arn,
        action: 'lambda:InvokeFunction',
      }),
      expect.objectContaining({ principal: 'lexv2.amazonaws.com', sourceArn: alias!.arn }),
    ]);
    const listen = flow.Actions.find((a) => a.Identifier === 'voice-turn')!;
    expect(listen).toMatchObject({
      Type: 'ConnectParticipantWithLexBot',
      Parameters: { LexV2Bot: { AliasArn: alias!.arn } },
    });

    const steps = done.steps.find((step: { name: string }) => step.name === 'aws_connect');
    expect(steps).toMatchObject({ status: 'completed', detail: 'done' });
  });

  it('reuses the one shared instance, Lambda and speech bot per language across 20 agents', async () => {
    const before = aws.calls.length;
    // 14 English agents (their bot exists) and 6 Portuguese ones at once (their bot does not yet).
    const languages = [...Array(14).fill('en'), ...Array(6).fill('pt-BR')] as string[];
    const results = await Promise.all(
      languages.map((language) => provision({ character_config: { language, tone: 'friendly' } })),
    );
    expect(results.map(({ done }) => done.status)).toEqual(Array(20).fill('completed'));
    const inventory = aws.inventory();
    expect(inventory.instances).toHaveLength(1);
    expect(inventory.functions).toHaveLength(1);
    const numbers = new Set(results.map(({ done }) => done.agent_config.channels[0].phone_number));
    expect(numbers.size).toBe(20);
    const created = aws.calls.filter((call) => call.operation === 'CreateInstance' && call.status === 200);
    expect(created.length).toBeLessThanOrEqual(1);
    const calls = aws.calls.slice(before);
    // A new agent's flow is created outright: listing the instance's flows would spend the shared API rate.
    expect(calls.filter((call) => call.service === 'connect' && call.operation === 'ListContactFlows')).toEqual([]);

    // Exactly one bot per instance and language, built, versioned, aliased and associated once.
    const [instance] = inventory.instances;
    expect(inventory.lexBots.map((bot) => bot.name).sort()).toEqual([
      `voca-speech-${instance!.id}-en`,
      `voca-speech-${instance!.id}-pt`,
    ]);
    const portuguese = inventory.lexBots.find((bot) => bot.name.endsWith('-pt'))!;
    expect(portuguese.locales).toEqual([
      expect.objectContaining({ localeId: 'pt_BR', status: 'Built', voiceId: 'Camila' }),
    ]);
    const succeeded = (operation: string) =>
      calls.filter((call) => call.operation === operation && call.status < 300).length;
    expect({
      CreateBot: succeeded('CreateBot'),
      BuildBotLocale: succeeded('BuildBotLocale'),
      CreateBotVersion: succeeded('CreateBotVersion'),
      CreateBotAlias: succeeded('CreateBotAlias'),
      AssociateBot: succeeded('AssociateBot'),
    }).toEqual({ CreateBot: 1, BuildBotLocale: 1, CreateBotVersion: 1, CreateBotAlias: 1, AssociateBot: 1 });
    expect(instance!.lexBots.sort()).toEqual(inventory.lexBots.map((bot) => bot.aliases[0]!.arn).sort());

    // Every agent's flow validates and listens through its language's bot.
    for (const [index, { agentId }] of results.entries()) {
      const flows = flowsOf(agentId);
      expect(flows).toHaveLength(1);
      const flow = JSON.parse(flows[0]!.content) as FlowDocument;
      expect(validateFlow(flow)).toEqual([]);
      const bot = inventory.lexBots.find((b) => b.name.endsWith(languages[index] === 'en' ? '-en' : '-pt'))!;
      const listen = flow.Actions.find((a) => a.Identifier === 'voice-turn')!;
      expect(listen.Parameters.LexV2Bot).toEqual({ AliasArn: bot.aliases[0]!.arn });
    }
  });

  it('sets the business hours from the profile and checks them before a transfer', async () => {
    const { agentId, done } = await provision({
      context: {
        store_hours: 'Monday to Friday, 9 AM - 6 PM',
        timezone: 'America/New_York',
        opening_hours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
          day,
          open: '09:00',
          close: '18:00',
        })),
      },
    });
    expect(done.status).toBe('completed');
    const hours = aws.inventory().hoursOfOperation.filter((h) => h.name === `voca-agent-${agentId}-hours`);
    expect(hours).toEqual([expect.objectContaining({ timeZone: 'America/New_York' })]);
    const flow = JSON.parse(flowsOf(agentId)[0]!.content) as FlowDocument;
    expect(flow.Actions.find((a) => a.Type === 'CheckHoursOfOperation')?.Parameters).toEqual({
      HoursOfOperationId: hours[0]!.id,
    });
  });

  it("gives a Spanish agent's flow the Spanish voice, prompts and menu; another voice when the profile names one", async () => {
    const spanish = await provision({
      character_config: { language: 'es-MX', tone: 'friendly' },
    });
    expect(spanish.done.status).toBe('completed');
    const flow = JSON.parse(flowsOf(spanish.agentId)[0]!.content) as FlowDocument;
    expect(validateFlow(flow)).toEqual([]);
    const first = flow.Actions.find((a) => a.Identifier === flow.StartAction)!;
    expect(first).toMatchObject({ Type: 'UpdateContactTextToSpeechVoice', Parameters: { TextToSpeechVoice: 'Lupe' } });
    const text = JSON.stringify(flow);
    expect(text).toContain('Gracias por comunicarse con Cozy Comfort Bedding.');
    expect(text).toContain('Para consultas sobre productos, marque 1.');
    expect(text).toContain('Quiero consultar el estado de mi pedido.');
    expect(text).not.toContain('Thank you for contacting');
    // Its callers are heard in Spanish: the instance's Spanish bot, with the Spanish locale and voice.
    const bot = aws.inventory().lexBots.find((b) => b.name.endsWith('-es'))!;
    expect(bot.locales).toEqual([expect.objectContaining({ localeId: 'es_US', voiceId: 'Lupe', status: 'Built' })]);
    const listen = flow.Actions.find((a) => a.Identifier === 'voice-turn')!;
    expect(listen.Parameters.LexV2Bot).toEqual({ AliasArn: bot.aliases[0]!.arn });
    expect(flow.Actions.find((a) => a.Identifier === 'listen-again')!.Parameters.Text).toMatch(/^¿Sigue ahí\?/);

    const matthew = await provision({ character_config: { language: 'en', voice: 'Matthew' } });
    const voiced = JSON.parse(flowsOf(matthew.agentId)[0]!.content) as FlowDocument;
    expect(voiced.Actions.find((a) => a.Identifier === voiced.StartAction)!.Parameters.TextToSpeechVoice).toBe(
      'Matthew',
    );
  });

  it('reports sms as pending configuration without an SMS number, and imports one when given', async () => {
    const without = await provision({ channels: ['voice', 'sms'] });
    // Waiting for the vendor's number is not a failure: the agent answers where it can.
    expect(without.done.status).toBe('completed');
    const sms = without.done.agent_config.channels.find((c: { channel_type: string }) => c.channel_type === 'sms');
    expect(sms).toMatchObject({
      status: 'pending_configuration',
      error: expect.stringContaining('source_phone_number_arn'),
    });

    const arn = `arn:aws:sms-voice:us-east-2:123456789012:phone-number/phone-${randomUUID().replaceAll('-', '')}`;
    const withNumber = await provision({
      channels: ['voice', 'sms'],
      channel_credentials: { sms: { source_phone_number_arn: arn } },
    });
    expect(withNumber.done.status).toBe('completed');
    const imported = aws.inventory().phoneNumbers.filter((n) => n.source === 'imported');
    const flow = flowsOf(withNumber.agentId)[0]!;
    expect(imported.filter((n) => n.contactFlowId === flow.id)).toHaveLength(1);
  });

  it('activates a waiting sms channel when a PUT supplies its number', async () => {
    const waiting = await provision({ channels: ['voice', 'sms'] });
    const arn = `arn:aws:sms-voice:us-east-2:123456789012:phone-number/phone-${randomUUID().replaceAll('-', '')}`;
    const update = await api.put(
      `/api/v1/agents/${waiting.agentId}`,
      { channel_credentials: { sms: { source_phone_number_arn: arn } } },
      bearer(serviceToken()),
    );
    expect(update.status).toBe(202);
    const done = await operationEnd(api, update.body.status_url);
    expect(done.status).toBe('completed');
    const sms = done.agent_config.channels.find((c: { channel_type: string }) => c.channel_type === 'sms');
    expect(sms).toMatchObject({ status: 'active', phone_number: expect.stringMatching(/^\+/) });
    const flow = flowsOf(waiting.agentId)[0]!;
    expect(
      aws.inventory().phoneNumbers.filter((n) => n.source === 'imported' && n.contactFlowId === flow.id),
    ).toHaveLength(1);
  });

  it('claims the next number when the first candidates are taken meanwhile', async () => {
    const first = await provision();
    const inUse = new Set(aws.inventory().phoneNumbers.map((n) => n.number));
    // Make every number the search offers next unavailable except the last ones.
    const { ConnectClient, SearchAvailablePhoneNumbersCommand } = await import('@aws-sdk/client-connect');
    const client = new ConnectClient({ region: REGION });
    const offered = await client.send(
      new SearchAvailablePhoneNumbersCommand({
        TargetArn: aws.inventory().instances[0]!.arn,
        PhoneNumberCountryCode: 'US',
        PhoneNumberType: 'DID',
        MaxResults: 3,
      }),
    );
    const taken = offered.AvailableNumbersList!.map((n) => n.PhoneNumber!).filter((n) => !inUse.has(n));
    aws.markNumbersTaken(taken.slice(0, 2));
    const { done } = await provision();
    expect(done.status).toBe('completed');
    const number = done.agent_config.channels[0].phone_number;
    expect(taken.slice(0, 2)).not.toContain(number);
    expect(first.done.status).toBe('completed');
    const refused = await db.query(
      `SELECT count(*)::int AS n FROM connect_phone_numbers n JOIN connect_instances i ON i.id = n.connect_instance_id
        WHERE n.phone_number = ANY($1) AND n.status = 'failed' AND i.region = $2`,
      [taken.slice(0, 2), REGION],
    );
    expect(refused.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('slows down under a throttling storm and still finishes without duplicates', async () => {
    aws.failNext('CreateContactFlow', 'ThrottlingException', 5);
    const before = aws.calls.length;
    const { agentId, done } = await provision();
    expect(done.status).toBe('completed');
    const step = done.steps.find((s: { name: string }) => s.name === 'aws_connect');
    expect(step.attempts).toBeGreaterThan(1);
    const throttled = aws.calls.slice(before).filter((c) => c.operation === 'CreateContactFlow' && c.status === 429);
    expect(throttled).toHaveLength(5);
    expect(flowsOf(agentId)).toHaveLength(1);
  });

  it('fails fast with a readable error on a quota, and removes what it had created', async () => {
    aws.failNext('ClaimPhoneNumber', 'ServiceQuotaExceededException', 1);
    const { agentId, done } = await provision({ opening_hours: undefined });
    expect(done.status).toBe('failed');
    const step = done.steps.find((s: { name: string }) => s.name === 'aws_connect');
    expect(step).toMatchObject({ status: 'failed', attempts: 1 });
    expect(step.error).toMatch(/^Amazon Connect quota reached while claiming \+1\d+ \(ServiceQuotaExceededException: /);
    // Compensation: the flow created before the claim failed is deleted again.
    await waitFor(
      async () => (flowsOf(agentId).length === 0 ? true : undefined),
      'the failed agent flow to be removed',
    );
    const leftover = await db.query(`SELECT count(*)::int AS n FROM connect_phone_numbers WHERE agent_id = $1`, [
      agentId,
    ]);
    expect(leftover.rows[0].n).toBe(0);
  });

  it('tears an agent down (flow deleted, number pooled) and gives its number to the next agent', async () => {
    const first = await provision();
    const number = first.done.agent_config.channels[0].phone_number as string;
    const bots = aws.inventory().lexBots.map((bot) => bot.aliases[0]!.arn);
    await deprovision(first.agentId, first.vendor);
    expect(flowsOf(first.agentId)).toHaveLength(0);
    // The speech bots serve the other agents of their language: deleting an agent leaves them, still associated.
    expect(aws.inventory().lexBots.map((bot) => bot.aliases[0]!.arn)).toEqual(bots);
    expect(aws.inventory().instances[0]!.lexBots.sort()).toEqual([...bots].sort());
    const detached = aws.inventory().phoneNumbers.find((n) => n.number === number)!;
    expect(detached.contactFlowId).toBeUndefined();
    expect(detached.released).toBe(false);
    // Every emulator offers the same deterministic stock: the number is looked up on this region's instance only.
    const pooled = await db.query(
      `SELECT n.agent_id, n.pooled_at FROM connect_phone_numbers n JOIN connect_instances i ON i.id = n.connect_instance_id
        WHERE n.phone_number = $1 AND i.region = $2`,
      [number, REGION],
    );
    expect(pooled.rows).toHaveLength(1);
    expect(pooled.rows[0]).toMatchObject({ agent_id: null, pooled_at: expect.any(Date) });

    await deprovision(first.agentId, first.vendor); // deleting twice is harmless
    const next = await provision();
    expect(next.done.agent_config.channels[0].phone_number).toBe(number);
    const reused = aws.inventory().phoneNumbers.find((n) => n.number === number)!;
    expect(reused.contactFlowId).toBe(flowsOf(next.agentId)[0]!.id);
    expect(aws.inventory().releasedPhoneNumbers).toBe(0);
    expect(aws.inventory().instances).toHaveLength(1);
    // One permission for the instance and one per speech bot, however often agents come and go.
    expect(aws.inventory().functions[0]!.permissions).toHaveLength(1 + aws.inventory().lexBots.length);
  });
});

/**
 * Provisions one voice agent with a provisioner of its own, built with these settings: the agent exists only in the
 * database, so the test drives the provisioner itself, not the pipeline. Returns the channel results and the flow.
 */
async function provisionDirectly(
  settings: Partial<LiveConnectSettings>,
  { vendorId = uniqueVendor(), language }: { vendorId?: string; language?: string } = {},
): Promise<{ results: ConnectChannelResult[]; flow: FlowDocument }> {
  const dataSource = new DataSource(
    dataSourceOptions({ url: TEST_DATABASE_URL, poolSize: 2, applicationName: 'test' }),
  );
  await dataSource.initialize();
  try {
    const provisioner = new LiveConnectProvisioner(dataSource, createAwsClients(REGION, 2), {
      region: REGION,
      instanceAlias: `voca-test-${REGION}`,
      dedicatedVendors: [],
      phoneCountry: 'US',
      phoneType: 'DID',
      speech: 'lex',
      lambdaRoleArn: TEST_LAMBDA_ROLE,
      webhookUrl: 'http://127.0.0.1:8008/api/v1/webhooks/connect',
      webhookSecret: 'test-webhook-secret-0123456789-0123456789',
      poll: { intervalMs: 40, timeoutMs: 20_000 },
      ...settings,
    });
    const agentId = randomUUID();
    await db.query(
      `INSERT INTO agents (id, vendor_id, name, business_type, version) VALUES ($1, $2, 'Direct', 'other', 1)`,
      [agentId, vendorId],
    );
    const results = await provisioner.provision({
      agentId,
      vendorId,
      channels: ['voice'],
      profile: resolveBusinessProfile({
        name: 'Direct',
        description: null,
        business_type: 'other',
        character_config: language ? { language } : {},
        context: {},
      }),
      known: {},
      record: async () => undefined,
      report: async () => undefined,
    });
    return { results, flow: JSON.parse(flowsOf(agentId)[0]!.content) as FlowDocument };
  } finally {
    await dataSource.destroy();
  }
}

describe('dedicated tenancy', () => {
  it('gives a configured vendor an instance of its own while everyone else shares one', async () => {
    const dedicated = uniqueVendor();
    const { results } = await provisionDirectly({ dedicatedVendors: [dedicated] }, { vendorId: dedicated });
    const instances = aws.inventory().instances;
    expect(instances).toHaveLength(2);
    const own = instances.find((instance) => instance.arn === results[0]!.instanceArn)!;
    expect(own.alias).toMatch(new RegExp(`^voca-test-${REGION}-vendor-`));
    expect(aws.inventory().functions).toHaveLength(2);
  });
});

describe('speech settings', () => {
  // Italian: no agent of this file speaks it, so no engine bot for it exists yet.
  const provisionWith = async (settings: Partial<LiveConnectSettings>) =>
    (await provisionDirectly(settings, { language: 'it' })).flow;

  it('keeps callers on the keypad menu with speech off, and makes no bot', async () => {
    const before = aws.calls.length;
    const flow = await provisionWith({ speech: 'off' });
    expect(flow.Actions.some((a) => a.Type === 'ConnectParticipantWithLexBot')).toBe(false);
    expect(flow.Actions.find((a) => a.Identifier === 'keypad-menu')!.Parameters.Text).toMatch(
      /^Per informazioni sui prodotti, prema 1/,
    );
    expect(aws.calls.slice(before).filter((call) => call.service === 'lex')).toEqual([]);
    expect(aws.inventory().lexBots.some((bot) => bot.name.endsWith('-it'))).toBe(false);
  });

  it("listens through the business's own bot when one is configured: associated, and no bot of the engine's", async () => {
    const lex = new LexModelsV2Client({ region: REGION });
    const { botId } = await lex.send(
      new CreateBotCommand({
        botName: `business-own-${randomUUID().slice(0, 8)}`,
        roleArn: TEST_LAMBDA_ROLE,
        dataPrivacy: { childDirected: false },
        idleSessionTTLInSeconds: 300,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200)); // the bot leaves Creating (lexSettleMs)
    const { botAliasId } = await lex.send(new CreateBotAliasCommand({ botId, botAliasName: 'prod' }));
    lex.destroy();
    const own = `arn:aws:lex:${REGION}:123456789012:bot-alias/${botId}/${botAliasId}`;

    const flow = await provisionWith({ speech: 'lex', lexBotAliasArn: own });
    expect(flow.Actions.find((a) => a.Identifier === 'voice-turn')!.Parameters.LexV2Bot).toEqual({ AliasArn: own });
    expect(aws.inventory().instances.find((i) => i.alias === `voca-test-${REGION}`)!.lexBots).toContain(own);
    expect(aws.inventory().lexBots.some((bot) => bot.name.endsWith('-it'))).toBe(false);
  });

  it("adds the instance's statement to an alias policy that lacks it, keeping what else the policy says", async () => {
    const [bot] = aws.inventory().lexBots.filter((b) => b.name.endsWith('-en'));
    const aliasArn = bot!.aliases[0]!.arn;
    const lex = new LexModelsV2Client({ region: REGION });
    const { revisionId } = await lex.send(new DescribeResourcePolicyCommand({ resourceArn: aliasArn }));
    // An operator's own statement replaced the engine's (say, for a test console of another account's role).
    const own = {
      Sid: 'operator-own',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:role/operator' },
      Action: ['lex:RecognizeText'],
      Resource: aliasArn,
    };
    await lex.send(
      new UpdateResourcePolicyCommand({
        resourceArn: aliasArn,
        policy: JSON.stringify({ Version: '2012-10-17', Statement: [own] }),
        expectedRevisionId: revisionId,
      }),
    );

    // A provisioner of its own checks the bot in full (nothing verified yet in its process).
    const { flow } = await provisionDirectly({});
    expect(flow.Actions.find((a) => a.Identifier === 'voice-turn')!.Parameters.LexV2Bot).toEqual({
      AliasArn: aliasArn,
    });
    const { policy } = await lex.send(new DescribeResourcePolicyCommand({ resourceArn: aliasArn }));
    lex.destroy();
    const statements = (JSON.parse(policy!) as { Statement: Record<string, any>[] }).Statement;
    expect(statements.map((statement) => statement.Sid)).toEqual([
      'operator-own',
      expect.stringMatching(/^voca-connect-/),
    ]);
    expect(statements[1]).toMatchObject({ Principal: { Service: ['connect.amazonaws.com'] }, Resource: aliasArn });
  });
});
