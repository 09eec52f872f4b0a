import { pathToFileURL } from 'node:url';
import { buildAgentContactFlow, resolveVoiceLambdaHandlerPath, type FlowDocument } from '@voca/aws-connect';
import { connectLambdaKey } from '@voca/channels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../support/app-processes.js';
import { walkCall, type CallerMove, type VoiceLambda } from '../support/connect-call.js';
import { testDatabase } from '../support/database.js';
import { Api } from '../support/http.js';
import { operationEnd } from '../support/operations.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';

/**
 * A phone call from greeting to goodbye: the agent's contact flow as the engine generates it, run as Connect runs it,
 * with the real voice Lambda (also the speech bot's code hook) posting each turn to the running engine.
 */

const WEBHOOK_SECRET = 'engine-webhook-secret-for-tests-0123456789';
const ALIAS_ARN = 'arn:aws:lex:us-east-1:123456789012:bot-alias/QR7WVRTYNH/T2QZPMXB1C';
const db = testDatabase();
let engine: Engine;
let lambda: VoiceLambda;
/** Each agent and the number its calls are dialed on (the engine routes a turn by both). */
const agents = {} as Record<'en' | 'es', { id: string; number: string }>;
const saved = { url: process.env.ENGINE_WEBHOOK_URL, secret: process.env.WEBHOOK_SECRET };

async function provision(api: Api, overrides: Record<string, unknown>): Promise<{ id: string; number: string }> {
  const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(uniqueVendor(), overrides as never));
  expect(accepted.status).toBe(202);
  const done = await operationEnd(api, accepted.body.status_url);
  expect(done.status).toBe('completed');
  return { id: accepted.body.agent_id as string, number: done.agent_config.channels[0].phone_number as string };
}

/** A call to the agent through its generated flow; `speech` as the engine's bot provides it, or the keypad. */
function phone(
  agent: { id: string; number: string },
  { speech, language }: { speech: boolean; language?: string },
  moves: CallerMove[],
) {
  // Every call from a caller of its own: one caller's earlier calls are the agent's memory of them.
  const caller = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  return walkCall(flowOf(agent.id, { speech, language }), lambda, moves, { caller, dialed: agent.number });
}

function flowOf(agentId: string, { speech, language }: { speech: boolean; language?: string }): FlowDocument {
  return buildAgentContactFlow({
    agentId,
    businessName: 'Cozy Comfort Bedding',
    storeHours: 'Monday to Saturday, 9 AM - 6 PM EST',
    voiceLambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:voca-voice',
    queueArn: 'arn:aws:connect:us-east-1:123456789012:instance/i/queue/q',
    hoursOfOperationId: 'hours-1',
    ...(speech ? { lexBotAliasArn: ALIAS_ARN } : {}),
    ...(language ? { language } : {}),
  });
}

beforeAll(async () => {
  engine = await Engine.start(testEnv({ WEBHOOK_SECRET }));
  const api = new Api(engine.gatewayUrl, bearer(serviceToken()));
  agents.en = await provision(api, { channels: ['voice'] });
  agents.es = await provision(api, { channels: ['voice'], character_config: { language: 'es', tone: 'friendly' } });
  // The deployed Lambda's environment, as the engine installs it.
  process.env.ENGINE_WEBHOOK_URL = `${engine.gatewayUrl}/api/v1/webhooks/connect`;
  process.env.WEBHOOK_SECRET = connectLambdaKey(WEBHOOK_SECRET);
  ({ handler: lambda } = (await import(pathToFileURL(resolveVoiceLambdaHandlerPath()).href)) as {
    handler: VoiceLambda;
  });
}, 120_000);

afterAll(async () => {
  for (const [key, value] of [
    ['ENGINE_WEBHOOK_URL', saved.url],
    ['WEBHOOK_SECRET', saved.secret],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await engine?.stop();
  await db.end();
});

describe('a call with speech recognition', () => {
  it("answers what the caller says, takes the menu's keys between words, and hands over on 0", async () => {
    const call = await phone(agents.en, { speech: true }, [
      { say: 'What time are you open on Saturday?' },
      { press: '3' },
      { say: 'Can I return sheets I have already washed?' },
      { press: '0' },
    ]);
    expect(call.voice).toBe('Joanna');
    expect(call.heard[0]).toBe('Thank you for contacting Cozy Comfort Bedding.');
    // heard: welcome, first reply (read through the bot), the hours, the returns answer, the washed-sheets answer.
    expect(call.heard[2]).toContain('9 AM - 6 PM EST');
    expect(call.heard[3]).toMatch(/return/i);
    expect(call.heard[4]).toMatch(/return|wash/i);
    expect(call.ended).toBe('transferred');

    // The words the caller spoke are the conversation's turns, as a chat's would be.
    const { rows } = await db.query<{ text: string }>(
      `SELECT text FROM conversation_messages
        WHERE agent_id = $1 AND direction = 'inbound' AND channel = 'voice' ORDER BY arrival`,
      [agents.en.id],
    );
    expect(rows.map((row) => row.text)).toEqual(
      expect.arrayContaining([
        'What time are you open on Saturday?',
        'How do returns and exchanges work?',
        'Can I return sheets I have already washed?',
      ]),
    );
  });

  it('offers the menu once to a silent caller, then says goodbye', async () => {
    const call = await phone(agents.en, { speech: true }, [{ silence: true }, { silence: true }]);
    expect(call.heard.at(-2)).toMatch(/^Are you still there\? .*press 0/);
    expect(call.heard.at(-1)).toBe('Thank you for contacting Cozy Comfort Bedding. Goodbye.');
    expect(call.ended).toBe('disconnected');
  });

  it('speaks Spanish to the callers of a Spanish agent', async () => {
    const call = await phone(agents.es, { speech: true, language: 'es' }, [{ silence: true }, { press: '9' }]);
    expect(call.voice).toBe('Lupe');
    expect(call.heard[0]).toBe('Gracias por comunicarse con Cozy Comfort Bedding.');
    expect(call.heard.at(-2)).toMatch(/^¿Sigue ahí\?/);
    expect(call.heard.at(-1)).toBe('Gracias por comunicarse con Cozy Comfort Bedding. Adiós.');
  });
});

describe('a call on the keypad (speech off)', () => {
  it('answers each digit of the menu with the matching answer, and ends on 9', async () => {
    const call = await phone(agents.en, { speech: false }, [
      { press: '1' },
      { press: '3' },
      { press: '4' },
      { press: '7' },
      { press: '9' },
    ]);
    const menu = call.heard[2]!;
    expect(menu).toMatch(/^For product inquiries, press 1\./);
    // heard: welcome, first reply, menu, then each answer followed by the menu again (7 is no choice: the menu).
    const answers = call.heard.filter((line, index) => index > 2 && line !== menu);
    expect(answers).toHaveLength(4);
    const [products, returns, hours, goodbye] = answers;
    expect(products).toContain('Egyptian Cotton Sheet Set');
    expect(returns).toMatch(/return/i);
    expect(hours).toContain('9 AM - 6 PM EST');
    expect(goodbye).toBe('Thank you for contacting Cozy Comfort Bedding. Goodbye.');
    expect(call.heard.filter((line) => line === menu)).toHaveLength(5);
    expect(call.ended).toBe('disconnected');
  });

  it('asks the agent about an order on 2: without an order tool it says so and hands the caller to a person', async () => {
    const call = await phone(agents.en, { speech: false }, [{ press: '2' }]);
    expect(call.heard.at(-1)).toMatch(/order/i);
    expect(call.ended).toBe('transferred');
  });

  it('hands the caller to a person on 0', async () => {
    const call = await phone(agents.en, { speech: false }, [{ press: '0' }]);
    expect(call.ended).toBe('transferred');
  });
});
