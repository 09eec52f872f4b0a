import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  type ConnectTurnRequest,
  type ConnectTurnResponse,
} from '@voca/contracts';
import { resolveVoiceLambdaHandlerPath } from './package-voice-lambda.js';

/*
 * The handler reads its environment on every call (not at import), so one import serves every test and each test
 * sets the variables it needs in beforeEach / per test and restores them afterwards. The alternative, re-importing with
 * a cache-busting query per test, would load a fresh module per test and hide an import-time read that production
 * (one warm module serving many invocations) would also suffer from.
 */

type FlowResult = { reply: string; action: 'continue' | 'transfer' | 'end' };
type LambdaContext = { awsRequestId?: string; getRemainingTimeInMillis?: () => number };
type Handler = (event: unknown, context?: LambdaContext) => Promise<FlowResult>;

const SECRET = 'test-webhook-secret-0123456789';
const CALLER = '+15551230000';
const DIALED = '+12065550123';
const CONTACT_ID = '4a573372-1f28-4e26-b97b-1d2f3a4b5c6d';
const AGENT_ID = '5f0c6a2e-8a57-4e0b-9d36-0c1f5e2b7a11';
const UTTERANCE = 'I would like to book a table for two tonight';
const INSTANCE_ARN = 'arn:aws:connect:us-east-1:123456789012:instance/c8c0e68d-2200-4265-82c0-0123456789ab';

/** The ContactFlowEvent Amazon Connect sends from an Invoke AWS Lambda function block (AWS's documented shape). */
function voiceEvent(parameters: Record<string, string> = { agent_id: AGENT_ID, utterance: UTTERANCE }) {
  return {
    Name: 'ContactFlowEvent',
    Details: {
      ContactData: {
        Attributes: { greeted: 'true' },
        Channel: 'VOICE',
        ContactId: CONTACT_ID,
        CustomerEndpoint: { Address: CALLER, Type: 'TELEPHONE_NUMBER' },
        InitialContactId: CONTACT_ID,
        InitiationMethod: 'INBOUND',
        InstanceARN: INSTANCE_ARN,
        PreviousContactId: CONTACT_ID,
        Queue: null,
        SystemEndpoint: { Address: DIALED, Type: 'TELEPHONE_NUMBER' },
        MediaStreams: {
          Customer: {
            Audio: {
              StartFragmentNumber: '91343852333181432392682062622220590765191907586',
              StartTimestamp: '1565781909613',
              StreamARN:
                'arn:aws:kinesisvideo:us-east-1:123456789012:stream/connect-contact-a3d73b84-ce0e-479a-a9dc-5637c9d30ac9/1565272947806',
            },
          },
        },
      },
      Parameters: parameters,
    },
  };
}

/** Two-way SMS: a CHAT contact whose segment attribute connect:Subtype is connect:SMS. */
function smsEvent() {
  const event = voiceEvent({ agent_id: AGENT_ID, utterance: 'Are you open on Sunday?' });
  return {
    ...event,
    Details: {
      ...event.Details,
      ContactData: {
        ...event.Details.ContactData,
        Channel: 'CHAT',
        MediaStreams: { Customer: { Audio: null } },
        SegmentAttributes: { 'connect:Subtype': { ValueString: 'connect:SMS' } },
      },
    },
  };
}

type Received = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
type Respond = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A real HTTP server on 127.0.0.1 standing in for the engine's webhook. */
class StubEngine {
  readonly received: Received[] = [];
  respond: Respond = (_req, res) => json(res, 200, { reply: 'Hello!', action: 'continue' });
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      this.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      this.respond(req, res, body);
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/v1/webhooks/connect`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The contract's scheme, recomputed independently: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>. */
function signatureVerifies(headers: IncomingMessage['headers'], body: string, secret: string): boolean {
  const timestamp = headers[WEBHOOK_TIMESTAMP_HEADER];
  const signature = headers[WEBHOOK_SIGNATURE_HEADER];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  return expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}

function expectFlatStringMap(result: unknown): void {
  expect(result).toBeTypeOf('object');
  expect(Object.keys(result as object).sort()).toEqual(['action', 'reply']);
  for (const value of Object.values(result as object)) expect(typeof value).toBe('string');
}

const ENV_KEYS = ['ENGINE_WEBHOOK_URL', 'WEBHOOK_SECRET', 'REPLY_DEADLINE_MS', 'FALLBACK_REPLY'] as const;
const FALLBACK = 'Sorry, we are busy. Please hold.';

let handler: Handler;
const engine = new StubEngine();
let savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>>;
let logLines: string[];

beforeAll(async () => {
  const mod = (await import(pathToFileURL(resolveVoiceLambdaHandlerPath()).href)) as { handler: Handler };
  handler = mod.handler;
  await engine.start();
});

afterAll(async () => {
  await engine.stop();
});

beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  process.env.ENGINE_WEBHOOK_URL = engine.url;
  process.env.WEBHOOK_SECRET = SECRET;
  process.env.FALLBACK_REPLY = FALLBACK;
  delete process.env.REPLY_DEADLINE_MS;
  engine.received.length = 0;
  engine.respond = (_req, res) => json(res, 200, { reply: 'Hello!', action: 'continue' });
  logLines = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    logLines.push(args.map(String).join(' '));
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

function onlyLog(): Record<string, unknown> {
  expect(logLines).toHaveLength(1);
  return JSON.parse(logLines[0]!) as Record<string, unknown>;
}

describe('voice Lambda handler', () => {
  it('posts a signed ConnectTurnRequest and returns the reply and action as a flat string map', async () => {
    const engineAnswer: ConnectTurnResponse = {
      reply: 'A table for two at 8 pm is free. Shall I book it?',
      action: 'continue',
    };
    engine.respond = (_req, res) => json(res, 200, engineAnswer);
    const before = Date.now();

    const result = await handler(voiceEvent(), { awsRequestId: 'req-1' });

    expectFlatStringMap(result);
    expect(result).toEqual({ reply: engineAnswer.reply, action: 'continue' });
    expect(engine.received).toHaveLength(1);
    const request = engine.received[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/v1/webhooks/connect');
    expect(request.headers['content-type']).toBe('application/json');

    const body = JSON.parse(request.body) as ConnectTurnRequest;
    const expected: ConnectTurnRequest = {
      agent_id: AGENT_ID,
      contact_id: CONTACT_ID,
      channel: 'voice',
      caller: CALLER,
      dialed: DIALED,
      utterance: UTTERANCE,
      timestamp: body.timestamp,
    };
    expect(body).toStrictEqual(expected);
    expect(Object.keys(body).sort()).toEqual([
      'agent_id',
      'caller',
      'channel',
      'contact_id',
      'dialed',
      'timestamp',
      'utterance',
    ]);
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    expect(Math.abs(Date.parse(body.timestamp) - before)).toBeLessThan(5_000);

    expect(signatureVerifies(request.headers, request.body, SECRET)).toBe(true);
    expect(signatureVerifies(request.headers, request.body, 'another-secret')).toBe(false);
    expect(signatureVerifies(request.headers, request.body.replace('voice', 'sms'), SECRET)).toBe(false);
    const signedAt = Number(request.headers[WEBHOOK_TIMESTAMP_HEADER]);
    expect(Number.isInteger(signedAt)).toBe(true);
    expect(Math.abs(signedAt - Date.now() / 1000)).toBeLessThan(5);
  });

  it('logs one JSON line with contact, agent, outcome and latency, and nothing private', async () => {
    await handler(voiceEvent(), { awsRequestId: 'req-2' });
    const line = onlyLog();
    expect(line).toMatchObject({
      level: 'info',
      outcome: 'ok',
      contact_id: CONTACT_ID,
      agent_id: AGENT_ID,
      action: 'continue',
    });
    expect(line.latency_ms).toBeTypeOf('number');
    for (const secretOrPersonal of [SECRET, CALLER, DIALED, UTTERANCE, 'Hello!', 'sha256=']) {
      expect(logLines[0]).not.toContain(secretOrPersonal);
    }
  });

  it('passes transfer and end through and treats a missing action as continue', async () => {
    engine.respond = (_req, res) => json(res, 200, { reply: 'Connecting you now.', action: 'transfer' });
    expect(await handler(voiceEvent())).toEqual({ reply: 'Connecting you now.', action: 'transfer' });
    engine.respond = (_req, res) => json(res, 200, { reply: 'Goodbye!', action: 'end' });
    expect(await handler(voiceEvent())).toEqual({ reply: 'Goodbye!', action: 'end' });
    engine.respond = (_req, res) => json(res, 200, { reply: 'Go on.' });
    expect(await handler(voiceEvent())).toEqual({ reply: 'Go on.', action: 'continue' });
  });

  it('drops anything but reply and action from the engine, so the map stays flat', async () => {
    engine.respond = (_req, res) =>
      json(res, 200, { reply: 'Sure.', action: 'continue', debug: { nested: [1, 2] }, n: 3 });
    const result = await handler(voiceEvent());
    expectFlatStringMap(result);
    expect(result).toEqual({ reply: 'Sure.', action: 'continue' });
  });

  it('sends an empty utterance on the first turn of a call', async () => {
    await handler(voiceEvent({ agent_id: AGENT_ID }));
    expect((JSON.parse(engine.received[0]!.body) as ConnectTurnRequest).utterance).toBe('');
  });

  it('sends a withheld number (CustomerEndpoint null, as Connect gives it) as caller null', async () => {
    const event = voiceEvent();
    await handler({
      ...event,
      Details: { ...event.Details, ContactData: { ...event.Details.ContactData, CustomerEndpoint: null } },
    });
    expect((JSON.parse(engine.received[0]!.body) as ConnectTurnRequest).caller).toBeNull();
  });

  it('maps an SMS (a CHAT contact with subtype connect:SMS) to channel sms', async () => {
    engine.respond = (_req, res) => json(res, 200, { reply: 'Yes, 10 to 4 on Sundays.' });
    const result = await handler(smsEvent());
    expect(result).toEqual({ reply: 'Yes, 10 to 4 on Sundays.', action: 'continue' });
    const body = JSON.parse(engine.received[0]!.body) as ConnectTurnRequest;
    expect(body).toMatchObject({
      channel: 'sms',
      caller: CALLER,
      dialed: DIALED,
      utterance: 'Are you open on Sunday?',
    });
    expect(signatureVerifies(engine.received[0]!.headers, engine.received[0]!.body, SECRET)).toBe(true);
  });

  it('returns the fallback within the deadline when the engine answers too late', async () => {
    process.env.REPLY_DEADLINE_MS = '300';
    engine.respond = (_req, res) => {
      setTimeout(() => {
        if (!res.destroyed) json(res, 200, { reply: 'Too late.' });
      }, 2_000);
    };
    const started = Date.now();
    const result = await handler(voiceEvent());
    const elapsed = Date.now() - started;
    expect(result).toEqual({ reply: FALLBACK, action: 'continue' });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + 250);
    expect(onlyLog()).toMatchObject({ level: 'warn', outcome: 'timeout', deadline_ms: 300 });
  });

  it('keeps the deadline when the engine sends headers and then stalls the body', async () => {
    process.env.REPLY_DEADLINE_MS = '300';
    engine.respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"reply":"Hel');
    };
    const started = Date.now();
    const result = await handler(voiceEvent());
    expect(Date.now() - started).toBeLessThan(300 + 250);
    expect(result).toEqual({ reply: FALLBACK, action: 'continue' });
    expect(onlyLog()).toMatchObject({ outcome: 'timeout' });
  });

  it('never waits beyond the Lambda’s own remaining time', async () => {
    engine.respond = () => undefined; // never answers
    const started = Date.now();
    const result = await handler(voiceEvent(), { getRemainingTimeInMillis: () => 600 });
    expect(Date.now() - started).toBeLessThan(600);
    expect(result).toEqual({ reply: FALLBACK, action: 'continue' });
    expect(onlyLog()).toMatchObject({ outcome: 'timeout', deadline_ms: 350 });
  });

  it('returns the fallback on a 500', async () => {
    engine.respond = (_req, res) => json(res, 500, { reply: 'should not be spoken' });
    expect(await handler(voiceEvent())).toEqual({ reply: FALLBACK, action: 'continue' });
    expect(onlyLog()).toMatchObject({ outcome: 'http_error', status: 500 });
  });

  it('does not follow a redirect with the signed body', async () => {
    engine.respond = (_req, res) => {
      res.writeHead(307, { location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    };
    expect(await handler(voiceEvent())).toEqual({ reply: FALLBACK, action: 'continue' });
    expect(onlyLog()).toMatchObject({ outcome: 'http_error', status: 307 });
  });

  it.each([
    ['malformed JSON', '{"reply": "Hi",'],
    ['a JSON array', '["Hi"]'],
    ['no reply', '{"action":"continue"}'],
    ['an empty reply', '{"reply":"   "}'],
    ['a non-string reply', '{"reply":{"text":"Hi"}}'],
    ['an unknown action', '{"reply":"Hi","action":"hangup"}'],
    ['an empty body', ''],
  ])('returns the fallback on %s', async (_name, raw) => {
    engine.respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(raw);
    };
    const result = await handler(voiceEvent());
    expectFlatStringMap(result);
    expect(result).toEqual({ reply: FALLBACK, action: 'continue' });
    expect(onlyLog()).toMatchObject({ outcome: 'malformed_reply' });
  });

  it('returns the fallback when the engine is unreachable', async () => {
    const gone = new StubEngine();
    await gone.start();
    const url = gone.url;
    await gone.stop();
    process.env.ENGINE_WEBHOOK_URL = url;
    const result = await handler(voiceEvent());
    expect(result).toEqual({ reply: FALLBACK, action: 'continue' });
    const line = onlyLog();
    expect(line.outcome).toBe('network_error');
    expect(String(line.error)).toContain('ECONNREFUSED');
  });

  it('hands the contact to a person, without calling the engine, when agent_id is missing', async () => {
    const result = await handler(voiceEvent({ utterance: UTTERANCE }));
    expect(result).toEqual({ reply: FALLBACK, action: 'transfer' });
    expect(engine.received).toHaveLength(0);
    expect(onlyLog()).toMatchObject({ outcome: 'missing_agent_id', contact_id: CONTACT_ID, agent_id: null });
    expect(await handler(voiceEvent({ agent_id: '  ', utterance: UTTERANCE }))).toEqual({
      reply: FALLBACK,
      action: 'transfer',
    });
  });

  it('hands over a channel the contract does not know (web chat) without calling the engine', async () => {
    const event = smsEvent();
    const webChat = {
      ...event,
      Details: { ...event.Details, ContactData: { ...event.Details.ContactData, SegmentAttributes: {} } },
    };
    expect(await handler(webChat)).toEqual({ reply: FALLBACK, action: 'transfer' });
    expect(engine.received).toHaveLength(0);
    expect(onlyLog()).toMatchObject({ outcome: 'unsupported_channel', channel: 'CHAT' });
  });

  it('hands over when the function is misconfigured, naming the variable but not its value', async () => {
    delete process.env.WEBHOOK_SECRET;
    expect(await handler(voiceEvent())).toEqual({ reply: FALLBACK, action: 'transfer' });
    expect(onlyLog()).toMatchObject({ outcome: 'misconfigured', missing: ['WEBHOOK_SECRET'] });
    expect(engine.received).toHaveLength(0);
  });

  it('uses the built-in fallback sentence when FALLBACK_REPLY is not set', async () => {
    delete process.env.FALLBACK_REPLY;
    engine.respond = (_req, res) => json(res, 503, {});
    const result = await handler(voiceEvent());
    expect(result.action).toBe('continue');
    expect(result.reply).toMatch(/busy/i);
    expect(result.reply).toMatch(/person/i);
  });

  it('never throws, whatever it is given', async () => {
    for (const event of [
      undefined,
      null,
      42,
      'x',
      {},
      { Details: null },
      { Details: { ContactData: 7, Parameters: [] } },
    ]) {
      const result = await handler(event);
      expectFlatStringMap(result);
      expect(result.action).toBe('transfer');
    }
    expect(engine.received).toHaveLength(0);
  });
});

/**
 * The event Lex V2 sends a fulfilment code hook, field for field as AWS documents it ("AWS Lambda input event format
 * for Lex V2", lexv2/latest/dg/lambda-input-format), as a Connect call reaches the engine's speech bot: the caller's
 * words fell to AMAZON.FallbackIntent, Connect's own session attributes are present.
 */
function lexEvent(inputTranscript: string, inputMode: 'Speech' | 'DTMF' = 'Speech') {
  return {
    messageVersion: '1.0',
    invocationSource: 'FulfillmentCodeHook',
    inputMode,
    responseContentType: 'audio/pcm',
    sessionId: CONTACT_ID,
    inputTranscript,
    invocationLabel: null,
    bot: {
      id: 'QR7WVRTYNH',
      name: 'voca-speech-c8c0e68d-2200-4265-82c0-0123456789ab-en',
      localeId: 'en_US',
      version: '1',
      aliasId: 'T2QZPMXB1C',
      aliasName: 'voca-live',
    },
    interpretations: [
      {
        interpretationSource: 'Lex',
        intent: { name: 'FallbackIntent', slots: {}, state: 'ReadyForFulfillment', confirmationState: 'None' },
      },
      {
        interpretationSource: 'Lex',
        intent: { name: 'CaptureUtterance', slots: {}, state: 'ReadyForFulfillment', confirmationState: 'None' },
        nluConfidence: 0.21,
      },
    ],
    proposedNextState: null,
    requestAttributes: { 'x-amz-lex:accept-content-types': 'PlainText,SSML' },
    sessionState: {
      sessionAttributes: {
        'x-amz-lex:barge-in-enabled:*:*': 'true',
        'x-amz-lex:dtmf:end-timeout-ms:*:*': '1500',
      },
      activeContexts: [],
      intent: { name: 'FallbackIntent', slots: {}, state: 'ReadyForFulfillment', confirmationState: 'None' },
      originatingRequestId: '2c0a1f33-6a70-4c8a-a1d5-4f1e0c9b8e77',
    },
    transcriptions: [
      {
        transcription: inputTranscript,
        transcriptionConfidence: 0.94,
        resolvedContext: { intent: 'FallbackIntent' },
        resolvedSlots: {},
      },
    ],
  };
}

describe('voice Lambda handler as the speech bot code hook', () => {
  const lexHandler = () => handler as unknown as (event: unknown) => Promise<Record<string, any>>;

  it("closes the Lex turn with the caller's words in the attribute the flow reads, keeping Connect's", async () => {
    const { TRANSCRIPT_SESSION_ATTRIBUTE } = await import('../flows/agent-contact-flow.js');
    const result = await lexHandler()(lexEvent(' Do you have the bamboo sheets in queen size? '));
    expect(result).toEqual({
      sessionState: {
        sessionAttributes: {
          'x-amz-lex:barge-in-enabled:*:*': 'true',
          'x-amz-lex:dtmf:end-timeout-ms:*:*': '1500',
          [TRANSCRIPT_SESSION_ATTRIBUTE]: 'Do you have the bamboo sheets in queen size?',
        },
        dialogAction: { type: 'Close' },
        intent: { name: 'FallbackIntent', slots: {}, state: 'Fulfilled' },
      },
    });
    // Lex does the listening; the engine hears the words on the flow's next Lambda turn.
    expect(engine.received).toHaveLength(0);
    const line = onlyLog();
    expect(line).toMatchObject({ msg: 'lex turn', input_mode: 'Speech', locale: 'en_US', heard: true });
    expect(logLines[0]).not.toContain('bamboo');
  });

  it('hands a key pressed on the keypad over the same way (0 reaches a person)', async () => {
    const result = await lexHandler()(lexEvent('0', 'DTMF'));
    expect(result.sessionState.sessionAttributes.voca_transcript).toBe('0');
    expect(onlyLog()).toMatchObject({ input_mode: 'DTMF' });
  });

  it('never throws on a malformed Lex event: the turn closes with no words', async () => {
    for (const event of [
      { messageVersion: '1.0', bot: null, sessionState: null },
      { messageVersion: '1.0', bot: {}, sessionState: { sessionAttributes: { n: 7 } }, inputTranscript: 42 },
    ]) {
      logLines = [];
      const result = await lexHandler()(event);
      expect(result.sessionState.sessionAttributes).toEqual({ voca_transcript: expect.any(String) });
      expect(result.sessionState.dialogAction).toEqual({ type: 'Close' });
      expect(result.sessionState.intent).toMatchObject({ name: 'FallbackIntent', state: 'Fulfilled' });
    }
  });
});
