import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocialEmulator } from '../emulators/social/index.js';
import { AppProcess, Engine, freePort, type AppName } from '../support/app-processes.js';
import { Api } from '../support/http.js';
import { operationEnd } from '../support/operations.js';
import { OtlpReceiver, OtlpSpanKind, type ReceivedSpan } from '../support/otlp-receiver.js';
import { signMeta, whatsappTextMessage } from '../support/platform-webhooks.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';
import { checkedFetch } from '../support/openapi-contract.js';

const META_SECRET = 'meta-app-secret-for-tracing-tests';
const WHATSAPP_ACCOUNT = `44${Date.now()}`;
const WHATSAPP_TOKEN = 'EAAG-wa-tracing-token';

let receiver: OtlpReceiver;
let social: SocialEmulator;
let engine: Engine;
let env: Record<string, string>;
let api: Api;
let operationId: string;

beforeAll(async () => {
  receiver = await OtlpReceiver.start();
  social = await SocialEmulator.start({ graphVersion: 'v21.0' });
  social.allowToken(WHATSAPP_ACCOUNT, WHATSAPP_TOKEN);
  env = testEnv({
    META_APP_SECRET: META_SECRET,
    META_GRAPH_BASE_URL: social.url,
    META_GRAPH_VERSION: 'v21.0',
    // Tracing on, as an operator turns it on: the standard variables, nothing else.
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
    // The stalled-jobs check runs often, to show it makes no traces.
    WORKER_STALLED_INTERVAL_MS: '500',
  });
  engine = await Engine.start(env);
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
  const accepted = await api.post(
    '/api/v1/agents/provision',
    cozyComfortRequest(uniqueVendor(), {
      channels: ['voice', 'whatsapp'],
      channel_credentials: { whatsapp: { phone_number_id: WHATSAPP_ACCOUNT, access_token: WHATSAPP_TOKEN } },
    } as never),
  );
  expect(accepted.status).toBe(202);
  expect((await operationEnd(api, accepted.body.status_url)).status).toBe('completed');
  operationId = accepted.body.provisioning_id;
}, 120_000);

afterAll(async () => {
  await engine?.stop();
  await social?.stop();
  await receiver?.stop();
});

/** The trace holding a span that `match` picks, once `complete` says all of it has arrived. */
async function traceOf(
  match: (span: ReceivedSpan) => boolean,
  complete: (trace: ReceivedSpan[]) => boolean,
  what: string,
) {
  try {
    return await waitFor(
      async () => {
        const found = receiver.spans.find(match);
        const trace = found && receiver.trace(found.traceId);
        return trace && complete(trace) ? trace : undefined;
      },
      what,
      20_000,
    );
  } catch (error) {
    const found = receiver.spans.find(match);
    throw new Error(
      `${(error as Error).message}; spans: ${summary(found ? receiver.trace(found.traceId) : receiver.spans)}`,
      { cause: error },
    );
  }
}

function summary(spans: ReceivedSpan[]): string {
  return spans
    .map(
      (span) =>
        `\n  ${span.service} [${span.kind}] ${span.name} (${span.scope}) ${span.spanId}<-${span.parentSpanId ?? 'root'} ${JSON.stringify(span.attributes)}`,
    )
    .join('');
}

function only(trace: ReceivedSpan[], service: AppName, name: string, kind: number): ReceivedSpan {
  const found = trace.filter((span) => span.service === service && span.name === name && span.kind === kind);
  expect(found, `one ${name} span of ${service}: ${summary(trace)}`).toHaveLength(1);
  return found[0]!;
}

function parentOf(trace: ReceivedSpan[], span: ReceivedSpan): ReceivedSpan | undefined {
  return trace.find((each) => each.spanId === span.parentSpanId);
}

const has = (trace: ReceivedSpan[], service: AppName, name: string, kind: number) =>
  trace.some((span) => span.service === service && span.name === name && span.kind === kind);

/** The chain of spans from `span` up to the trace's root. */
function ancestry(trace: ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  const byId = new Map(trace.map((each) => [each.spanId, each]));
  const chain = [span];
  for (
    let parent = span.parentSpanId && byId.get(span.parentSpanId);
    parent;
    parent = parent.parentSpanId && byId.get(parent.parentSpanId)
  ) {
    chain.push(parent);
  }
  return chain;
}

/** One root, and every other span's parent in the trace. */
function expectConnected(trace: ReceivedSpan[]): ReceivedSpan {
  const ids = new Set(trace.map((span) => span.spanId));
  const roots = trace.filter((span) => span.parentSpanId === undefined);
  expect(roots, summary(roots)).toHaveLength(1);
  const orphans = trace.filter((span) => span.parentSpanId !== undefined && !ids.has(span.parentSpanId));
  expect(orphans, summary(orphans)).toEqual([]);
  return roots[0]!;
}

describe('traces across HTTP and every queue hop', () => {
  it('follows a provisioning request from its HTTP span to the finalizer, through every worker that ran a step', async () => {
    const finalizeJobId = `provision.${operationId}.finalize`;
    const trace = await traceOf(
      (span) => span.attributes['bullmq.job.id'] === finalizeJobId && span.kind === OtlpSpanKind.Consumer,
      (trace) =>
        has(trace, 'api-gateway', 'POST /api/v1/agents/provision', OtlpSpanKind.Server) &&
        has(trace, 'aws-connect-worker', 'process aws-connect', OtlpSpanKind.Consumer) &&
        has(trace, 'elizaos-worker', 'process elizaos', OtlpSpanKind.Consumer) &&
        has(trace, 'context-service', 'process context', OtlpSpanKind.Consumer) &&
        has(trace, 'context-service', 'process provisioning', OtlpSpanKind.Consumer),
      'the provisioning trace',
    );
    const root = expectConnected(trace);
    expect(root).toMatchObject({
      service: 'api-gateway',
      kind: OtlpSpanKind.Server,
      name: 'POST /api/v1/agents/provision',
    });
    expect(root.attributes).toMatchObject({
      'http.route': '/api/v1/agents/provision',
      'http.response.status_code': 202,
    });
    // Express is instrumented: the route's handler has a span of its own, under the request's.
    const handler = trace.find(
      (span) =>
        span.scope === '@opentelemetry/instrumentation-express' &&
        span.attributes['http.route'] === '/api/v1/agents/provision',
    );
    expect(handler?.parentSpanId).toBe(root.spanId);
    expect(new Set(trace.map((span) => span.service))).toEqual(
      new Set(['api-gateway', 'aws-connect-worker', 'elizaos-worker', 'context-service']),
    );

    const flow = only(trace, 'api-gateway', 'addFlow provisioning', OtlpSpanKind.Producer);
    expect(ancestry(trace, flow).at(-1)).toBe(root);
    // Each step runs, in its own process, under the gateway's producer span of its job.
    for (const [service, queue] of [
      ['aws-connect-worker', 'aws-connect'],
      ['elizaos-worker', 'elizaos'],
      ['context-service', 'context'],
      ['context-service', 'provisioning'],
    ] as const) {
      const processed = only(trace, service, `process ${queue}`, OtlpSpanKind.Consumer);
      expect(processed.attributes['bullmq.job.id']).toMatch(new RegExp(`^provision\\.${operationId}\\.`));
      const added = parentOf(trace, processed);
      expect(added).toMatchObject({ service: 'api-gateway', name: `addNode ${queue}`, kind: OtlpSpanKind.Producer });
      expect(ancestry(trace, added!)).toContain(flow);
    }
  });

  it('follows a WhatsApp message from the webhook to the reply sent to the platform', async () => {
    const customer = `1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const body = whatsappTextMessage({
      phoneNumberId: WHATSAPP_ACCOUNT,
      from: customer,
      name: 'Ann Lee',
      text: 'What are your store hours?',
    });
    const response = await checkedFetch(`${engine.gatewayUrl}/api/v1/webhooks/meta`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signMeta(body, META_SECRET) },
      body,
    });
    expect(response.status).toBe(200);
    await waitFor(async () => (social.sentTo(customer).length > 0 ? true : undefined), 'the reply', 30_000);

    const isSend = (span: ReceivedSpan) =>
      span.service === 'context-service' &&
      span.kind === OtlpSpanKind.Client &&
      String(span.attributes['url.full']).startsWith(`${social.url}/`);
    const trace = await traceOf(
      (span) =>
        span.service === 'api-gateway' &&
        span.kind === OtlpSpanKind.Server &&
        span.name === 'POST /api/v1/webhooks/meta',
      (trace) =>
        has(trace, 'context-service', 'process inbound', OtlpSpanKind.Consumer) &&
        has(trace, 'elizaos-worker', 'process messages', OtlpSpanKind.Consumer) &&
        has(trace, 'context-service', 'process conversations', OtlpSpanKind.Consumer) &&
        trace.some(isSend),
      'the message trace',
    );
    const root = expectConnected(trace);
    expect(root).toMatchObject({
      service: 'api-gateway',
      kind: OtlpSpanKind.Server,
      name: 'POST /api/v1/webhooks/meta',
    });
    expect(root.attributes).toMatchObject({ 'http.route': '/api/v1/webhooks/meta', 'http.response.status_code': 200 });
    expect(new Set(trace.map((span) => span.service))).toEqual(
      new Set(['api-gateway', 'context-service', 'elizaos-worker']),
    );

    // Webhook -> inbound job (context-service) -> the turn flow it adds -> the reply (elizaos-worker) and the delivery
    // (context-service) -> the platform call.
    const inbound = only(trace, 'context-service', 'process inbound', OtlpSpanKind.Consumer);
    expect(parentOf(trace, inbound)).toMatchObject({
      service: 'api-gateway',
      name: 'add inbound.inbound.message',
      kind: OtlpSpanKind.Producer,
    });
    expect(ancestry(trace, inbound).at(-1)).toBe(root);
    const turn = only(trace, 'context-service', 'addFlow conversations', OtlpSpanKind.Producer);
    expect(parentOf(trace, turn)).toBe(inbound);
    const reply = only(trace, 'elizaos-worker', 'process messages', OtlpSpanKind.Consumer);
    expect(parentOf(trace, reply)).toMatchObject({
      service: 'context-service',
      name: 'addNode messages',
      kind: OtlpSpanKind.Producer,
    });
    expect(ancestry(trace, reply)).toContain(turn);
    const deliver = only(trace, 'context-service', 'process conversations', OtlpSpanKind.Consumer);
    expect(parentOf(trace, deliver)).toMatchObject({
      service: 'context-service',
      name: 'addNode conversations',
      kind: OtlpSpanKind.Producer,
    });
    expect(ancestry(trace, deliver)).toContain(turn);
    const send = trace.find(isSend)!;
    expect(send.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.response.status_code': 200 });
    expect(String(send.attributes['url.full'])).toContain(`/${WHATSAPP_ACCOUNT}/messages`);
    expect(parentOf(trace, send)).toBe(deliver);
  });

  it("records no query value of a request: Meta's verify token stays out of every span", async () => {
    const secret = 'verify-token-that-must-not-leak';
    const handshake = await checkedFetch(
      `${engine.gatewayUrl}/api/v1/webhooks/meta?hub.mode=subscribe&hub.verify_token=${secret}&hub.challenge=1158201444`,
    );
    expect(handshake.status).not.toBe(200);
    const span = await waitFor(
      async () =>
        receiver.spans.find(
          (each) =>
            each.service === 'api-gateway' &&
            each.kind === OtlpSpanKind.Server &&
            String(each.attributes['url.query']).includes('hub.verify_token'),
        ),
      'the handshake span',
    );
    expect(span.attributes['url.query']).toBe('hub.mode=REDACTED&hub.verify_token=REDACTED&hub.challenge=REDACTED');
    expect(JSON.stringify(receiver.spans)).not.toContain(secret);
  });

  it('exports the spans still buffered when an app stops', async () => {
    // Nothing is exported on schedule (a minute away): only the flush on SIGTERM can deliver the request's span.
    const gateway = AppProcess.spawn(
      'api-gateway',
      { ...env, OTEL_BSP_SCHEDULE_DELAY: '60000', OTEL_SERVICE_NAME: 'gateway-stopping' },
      await freePort(),
    );
    try {
      await gateway.ready();
      expect(
        (await checkedFetch(`${gateway.url}/api/v1/agents?limit=1`, { headers: bearer(serviceToken()) })).status,
      ).toBe(200);
    } finally {
      await gateway.stop();
    }
    expect(receiver.spans).toContainEqual(
      expect.objectContaining({ service: 'gateway-stopping', kind: OtlpSpanKind.Server, name: 'GET /api/v1/agents' }),
    );
  });

  it("leaves out the queues' housekeeping that no request or job started", () => {
    // The stalled-jobs check ran every half second in every worker meanwhile; none of it is a trace of its own.
    const housekeeping = receiver.spans.filter((span) => span.scope === 'bullmq' && span.parentSpanId === undefined);
    expect(housekeeping, summary(housekeeping)).toEqual([]);
  });
});
