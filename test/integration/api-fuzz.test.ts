import type { INestApplication } from '@nestjs/common';
import { AGENT_STATUSES, BUSINESS_TYPES, CHANNELS } from '@voca/contracts';
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';
import { signAsCaller } from '../support/engine-webhooks.js';

/**
 * Property-based tests of the HTTP API's edges: whatever the body, path or query, the gateway answers below 500, in
 * its one error shape `{statusCode, error, message, request_id}`, without internals (stack traces, module paths),
 * and a refused request leaves no row behind. Set FUZZ_RUNS to change the number of runs per property.
 */

const WEBHOOK_SECRET = 'fuzz-webhook-secret-0123456789-0123456789-xyz';
const BODY_LIMIT_BYTES = 256 * 1024; // HTTP_BODY_LIMIT's default, 256kb
const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
const runs = (n: number) => RUNS ?? n;
/** A platform account id (Meta's and X's are decimal numbers) no other run uses. */
const numericId = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const PUBLIC_PREFIXES = ['/health', '/metrics', '/docs', '/api/v1/webhooks'];

const env = testEnv({
  WEBHOOK_SECRET,
  RATE_LIMIT_PER_MINUTE: '100000000',
  // The workers are stopped once the fixtures exist; the generic webhook then answers 202 after this long.
  ELIZAOS_WEBHOOK_DEADLINE_MS: '20',
});
const db = testDatabase();
let gateway: INestApplication;
let api: Api;

/** The fixtures: agent W receives messages and has two customers; agent U is the target of the update fuzz. */
const fixture = {
  vendor: uniqueVendor(),
  webhookAgent: '',
  updateAgent: '',
  customers: [] as string[],
  identities: [] as string[],
};

// --------------------------------------------------------------------------------------------------- requests

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Send the path as is over node:http (fetch would normalise `..` and re-encode). */
  raw?: boolean;
  /** Exact body bytes (raw requests only), for bodies that are not UTF-8. */
  bytes?: Buffer;
}

interface Answer {
  status: number;
  text: string;
  json: any;
}

async function send(sent: Sent): Promise<Answer> {
  let status: number;
  let text: string;
  if (sent.raw) {
    ({ status, text } = await rawRequest(sent));
  } else {
    const response = await fetch(`${api.baseUrl}${sent.path}`, {
      method: sent.method,
      headers: sent.headers,
      body: sent.body,
      signal: AbortSignal.timeout(20_000),
    });
    status = response.status;
    text = await response.text();
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status, text, json };
}

function rawRequest(sent: Sent): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(api.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: hostname, port, method: sent.method, path: sent.path, headers: sent.headers, timeout: 20_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (sent.bytes !== undefined) req.write(sent.bytes);
    else if (sent.body !== undefined) req.write(sent.body);
    req.end();
  });
}

/**
 * encodeURIComponent for any JS string: a lone surrogate (which encodeURIComponent refuses) is written as the three
 * bytes WTF-8 gives it, which is what a sloppy client would send.
 */
function encodeAny(value: string): string {
  return value.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (unit) => {
    const code = unit.charCodeAt(0);
    if (unit.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(unit);
  });
}

const json = (token: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  ...bearer(token),
  ...extra,
});

/** Headers of the engine's own webhooks: HMAC over the timestamp and the exact body bytes. */
const signed = (body: string, extra: Record<string, string> = {}, path = '/api/v1/webhooks/elizaos') => ({
  'content-type': 'application/json',
  ...signAsCaller(path, body, WEBHOOK_SECRET),
  ...extra,
});

// --------------------------------------------------------------------------------------------------- oracles

/** Stack frames, module paths and source positions: internals that must never reach a client. */
const INTERNALS: RegExp[] = [
  /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/)?\/[^\s:()]+:\d+/, // "at fn (/path/file.js:12:3)"
  /\n\s+at\s/, // a multi-line stack
  /node_modules/,
  /\.(?:ts|js|mjs|cjs):\d+:\d+/,
  /QueryFailedError|DatabaseError|TypeORMError|duplicate key value|violates .* constraint/i,
];

/** What is wrong with an answer: a 5xx, an error not in the API's shape, internals in the body. */
function problemsOf(sent: Sent, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (answer.status >= 400) {
    const body = answer.json;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      problems.push('error body is not a JSON object');
    } else {
      if (body.statusCode !== answer.status)
        problems.push(`statusCode ${JSON.stringify(body.statusCode)} differs from ${answer.status}`);
      if (typeof body.error !== 'string' || !body.error) problems.push('no error');
      if (typeof body.message !== 'string' || !body.message) problems.push('no message');
      if (typeof body.request_id !== 'string' || !body.request_id) problems.push('no request_id');
    }
  }
  const asked = `${sent.path} ${sent.body ?? ''}`;
  for (const pattern of INTERNALS) {
    // An input echoed back (an unknown action named "node_modules") is not a leak.
    if (pattern.test(answer.text) && !pattern.test(asked)) problems.push(`internals in the body (${pattern})`);
  }
  return problems;
}

/** Deepest nesting of arrays and objects in a JSON text (outside strings). */
function nestingOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}

/** Sends one generated request and fails (with the input) on any problem. */
async function check(label: string, sent: Sent): Promise<Answer> {
  const answer = await send(sent);
  const problems = problemsOf(sent, answer);
  if (problems.length === 0) return answer;
  throw new Error(
    `${label}: ${problems.join('; ')}\n` +
      `  request: ${sent.method} ${sent.path.slice(0, 500)}${sent.path.length > 500 ? `... (${sent.path.length} chars)` : ''}\n` +
      `  headers: ${JSON.stringify({ ...sent.headers, authorization: sent.headers.authorization ? '<token>' : undefined })}\n` +
      `  body: ${describeBody(sent.body)}\n` +
      `  answer: ${answer.status} ${answer.text.slice(0, 600)}`,
  );
}

function describeBody(body: string | undefined): string {
  if (body === undefined) return '<none>';
  const shown = JSON.stringify(body.length > 1500 ? `${body.slice(0, 1500)}...` : body);
  return `${shown} (${body.length} chars, nesting ${nestingOf(body)})`;
}

// --------------------------------------------------------------------------------------------------- generators

/** Strings that have broken APIs before: control characters, lone surrogates, injections, number look-alikes. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ud83d',
  '\u202eevil',
  '\ufeffbom',
  'e\u0301',
  '🙂'.repeat(40),
  'Ω≈ç√∫',
  '%00',
  '%',
  '../../etc/passwd',
  '..',
  '.',
  '${7*7}',
  '{{7*7}}',
  "' OR 1=1 --",
  '"); DROP TABLE agents; --',
  '<script>alert(1)</script>',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-1',
  '1e400',
  '0x1F',
  '1_000',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '\r\n\t',
);

/** Numbers written as strings, the kind a client might send for a number (and the reverse). */
const numberString = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '1',
    '-1',
    '1.5',
    '1e3',
    '1e21',
    '99999999999999999999',
    '9007199254740993',
    ' 1',
    '1 ',
    '+1',
    '0x10',
    '1e-7',
    '08',
    '١٢',
  ),
  fc.double().map(String),
  fc.bigInt().map(String),
);

/** Numbers at the edges: type limits, timestamps beyond the Date range, negative zero, tiny and huge. */
const edgeNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    1.5,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 53 - 1,
    2 ** 53 + 2,
    8.64e15,
    8.64e15 + 1,
    1e16,
    1e21,
    1e308,
    -1e308,
    5e-324,
  ),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any UTF-16 code unit, lone surrogates included. */
const utf16String = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 60,
});
const unicodeString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  utf16String,
);

/**
 * Strings at and around the length limits of the DTOs and columns (35, 60, 120, 128, 200, 500, 2000, 4096), ending
 * in characters that different counters count differently (emoji, variation selectors, combining marks).
 */
const boundaryString = fc
  .tuple(
    fc.constantFrom(
      1,
      2,
      34,
      35,
      36,
      59,
      60,
      61,
      119,
      120,
      121,
      127,
      128,
      129,
      200,
      201,
      499,
      500,
      501,
      2000,
      2001,
      4096,
      4097,
    ),
    fc.constantFrom('a', 'é', '🙂', '\ufe0f', '\ufe0e', '\u0301', '\u0000'),
    fc.boolean(),
  )
  .map(([length, tail, repeatTail]) => (repeatTail ? tail.repeat(length) : 'a'.repeat(Math.max(0, length - 1)) + tail));

/** Any value an HTTP header can carry: visible ASCII, space and tab, and obs-text (0x80-0xff). */
const headerValue = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09))
    .map((code) => String.fromCharCode(code)),
  maxLength: 300,
});

const hugeString = fc.integer({ min: 5_000, max: 300_000 }).map((length) => 'x'.repeat(length));

/** A placeholder for deep nesting, replaced by raw JSON text after serialisation (JSON.stringify would overflow). */
const DEEP = (n: number, kind: string) => `\u0001DEEP:${kind}:${n}\u0001`;
const deepPlaceholder = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 2, max: 200 }),
      fc.integer({ min: 200, max: 3_000 }),
      fc.integer({ min: 3_000, max: 40_000 }),
    ),
    fc.constantFrom('array', 'object', 'mixed'),
  )
  .map(([depth, kind]) => DEEP(depth, kind));

function deepJson(depth: number, kind: string): string {
  if (kind === 'array') return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  if (kind === 'object') return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"k":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}null${close}`;
}

/** JSON.stringify, with the deep placeholders expanded into raw nested JSON. */
function serialise(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(/"\\u0001DEEP:(\w+):(\d+)\\u0001"/g, (_m, kind: string, depth: string) =>
    deepJson(Number(depth), kind),
  );
}

/** Keys that are dangerous in JavaScript objects. */
const nastyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '', ' ', '\u0000', 'a.b', '$where'),
  fc.string({ maxLength: 12 }),
);

/** Any value a field might be replaced with. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: unicodeString },
  { weight: 2, arbitrary: numberString },
  { weight: 3, arbitrary: edgeNumber },
  { weight: 3, arbitrary: boundaryString },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepPlaceholder },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[]], { '': '' }) },
  { weight: 2, arbitrary: fc.array(fc.oneof(nastyString, edgeNumber, fc.constant(null)), { maxLength: 8 }) },
  { weight: 2, arbitrary: fc.dictionary(nastyKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }) },
);

/** A JSON text from anything fast-check can make (values JSON cannot hold are dropped or nulled). */
const anythingAsJson = fc
  .anything({
    withBigInt: false,
    withBoxedValues: false,
    withMap: false,
    withSet: false,
    withTypedArray: false,
    withSparseArray: true,
    withNullPrototype: true,
    withDate: true,
  })
  .map((value) => {
    try {
      return JSON.stringify(value) ?? 'null';
    } catch {
      return 'null';
    }
  });

type PathKey = (string | number)[];

/** Every path into a value (objects' keys and arrays' indexes), the root excluded. */
function pathsOf(value: unknown, prefix: PathKey = []): PathKey[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

interface Mutation {
  /** Index into the seed's paths (taken modulo their number). */
  at: number;
  op: 'delete' | 'replace' | 'add';
  key: string;
  value: unknown;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'add'),
  key: nastyKey,
  value: anyValue,
});
const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

/** The seed with each mutation applied: a field deleted, replaced by any value, or a new key added beside it. */
function mutate(seed: unknown, changes: Mutation[]): unknown {
  const copy = structuredClone(seed) as Record<string, unknown>;
  for (const change of changes) {
    const paths = pathsOf(copy);
    if (paths.length === 0) break;
    const path = paths[change.at % paths.length]!;
    const parent = path.slice(0, -1).reduce<any>((node, key) => node?.[key], copy);
    const last = path.at(-1)!;
    if (parent === null || typeof parent !== 'object') continue;
    if (change.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (change.op === 'replace') {
      parent[last] = change.value;
    } else if (Array.isArray(parent)) {
      parent.push(change.value);
    } else {
      // defineProperty, so that "__proto__" becomes an own key (as JSON.parse on the server makes it).
      Object.defineProperty(parent, change.key, {
        value: change.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return copy;
}

/** Bodies for a JSON route: its seed mutated (most often), arbitrary JSON, anything, deep junk, huge strings. */
function bodies(seed: () => unknown): fc.Arbitrary<{ kind: string; text: () => string }> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: mutations.map((changes) => ({ kind: 'mutated seed', text: () => serialise(mutate(seed(), changes)) })),
    },
    { weight: 2, arbitrary: fc.jsonValue().map((value) => ({ kind: 'arbitrary JSON', text: () => serialise(value) })) },
    { weight: 1, arbitrary: anythingAsJson.map((text) => ({ kind: 'anything', text: () => text })) },
    { weight: 1, arbitrary: deepPlaceholder.map((deep) => ({ kind: 'deep junk', text: () => serialise({ deep }) })) },
    { weight: 1, arbitrary: deepPlaceholder.map((deep) => ({ kind: 'deep junk', text: () => serialise(deep) })) },
    {
      weight: 1,
      arbitrary: fc
        .dictionary(nastyKey, anyValue, { maxKeys: 6 })
        .map((value) => ({ kind: 'junk object', text: () => serialise(value) })),
    },
  );
}

// --------------------------------------------------------------------------------------------------- seeds

const seedContext = () => ({
  ...cozyComfortRequest('x').agent_config.context,
  timezone: 'America/New_York',
  opening_hours: [{ day: 'MONDAY', open: '09:00', close: '18:00' }],
  policies: { returns: '30 days', shipping: 'Free over $75', warranty: '1 year', payment: 'Cards' },
});

function provisionSeed(vendor: string) {
  return cozyComfortRequest(vendor, {
    channels: ['voice', 'whatsapp', 'facebook'],
    context: seedContext() as never,
    channel_credentials: {
      whatsapp: { phone_number_id: numericId(), business_account_id: '100200300', access_token: 'EAAG-fuzz-token' },
      facebook: { page_id: numericId(), access_token: 'EAAG-fuzz-page' },
    },
  } as never);
}

// --------------------------------------------------------------------------------------------------- set-up

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
  const workers = await startWorkers(env);
  try {
    const provision = async () => {
      const accepted = await api.post(
        '/api/v1/agents/provision',
        cozyComfortRequest(fixture.vendor, { channels: ['whatsapp'] }),
        bearer(serviceToken()),
      );
      expect(accepted.status).toBe(202);
      await waitFor(
        async () => {
          const { body } = await api.get(accepted.body.status_url, bearer(serviceToken()));
          return body.status === 'completed' ? body : undefined;
        },
        'a fixture agent to be provisioned',
        45_000,
      );
      return accepted.body.agent_id as string;
    };
    [fixture.webhookAgent, fixture.updateAgent] = await Promise.all([provision(), provision()]);
    for (const user of ['15550100001', '15550100002']) {
      const body = JSON.stringify({
        platform: 'whatsapp',
        agent_id: fixture.webhookAgent,
        message: 'Hello',
        user_id: user,
        timestamp: new Date().toISOString(),
      });
      const response = await fetch(`${api.baseUrl}/api/v1/webhooks/elizaos`, {
        method: 'POST',
        headers: signed(body),
        body,
      });
      expect([200, 202]).toContain(response.status);
    }
    const page = await waitFor(async () => {
      const { body } = await api.get(`/api/v1/agents/${fixture.webhookAgent}/conversations`, bearer(serviceToken()));
      return body?.items?.length === 2 ? body : undefined;
    }, 'two customers');
    fixture.customers = page.items.map((item: { customer_id: string }) => item.customer_id);
    for (const customer of fixture.customers) {
      const { body } = await api.get(
        `/api/v1/agents/${fixture.webhookAgent}/customers/${customer}/context`,
        bearer(serviceToken()),
      );
      fixture.identities.push(body.identities[0].id);
    }
  } finally {
    // From here on nothing consumes the queues: accepted requests stay queued, and only the gateway writes.
    await closeAll(workers);
  }
}, 120_000);

afterAll(async () => {
  await gateway?.close();
  await db.end();
});

// --------------------------------------------------------------------------------------------------- row checks

/** Every row a create could have written for a vendor. */
async function rowsOfVendor(vendor: string) {
  return {
    agents: await countRows(db, 'agents', 'vendor_id = $1', [vendor]),
    operations: await countRows(db, 'provisioning_operations', 'vendor_id = $1', [vendor]),
    channels: await countRows(db, 'agent_channels c JOIN agents a ON a.id = c.agent_id', 'a.vendor_id = $1', [vendor]),
    events: await countRows(db, 'agent_events e JOIN agents a ON a.id = e.agent_id', 'a.vendor_id = $1', [vendor]),
    idempotencyKeys: await countRows(db, 'idempotency_keys', 'vendor_id = $1', [vendor]),
  };
}

const NO_ROWS = { agents: 0, operations: 0, channels: 0, events: 0, idempotencyKeys: 0 };

/** An accepted create wrote the whole agent: its row, one channel row per channel, the operation and its steps. */
async function assertWhole(agentId: string, operationId: string, body: string) {
  const agent = await db.query('SELECT vendor_id FROM agents WHERE id = $1', [agentId]);
  expect(agent.rows, `no agent row for an accepted request: ${describeBody(body)}`).toHaveLength(1);
  const parsed = JSON.parse(body);
  const channels: string[] = (parsed.agent_config ?? parsed).channels;
  expect(await countRows(db, 'agent_channels', 'agent_id = $1', [agentId])).toBe(channels.length);
  const operation = await db.query('SELECT vendor_id FROM provisioning_operations WHERE id = $1 AND agent_id = $2', [
    operationId,
    agentId,
  ]);
  expect(operation.rows).toEqual([{ vendor_id: agent.rows[0].vendor_id }]);
  expect(await countRows(db, 'provisioning_steps', 'operation_id = $1', [operationId])).toBeGreaterThanOrEqual(2);
  expect(await countRows(db, 'agent_events', 'agent_id = $1', [agentId])).toBe(1);
}

// --------------------------------------------------------------------------------------------------- properties

describe('create routes, fuzzed bodies', () => {
  const createRoutes = [
    { path: '/api/v1/agents/provision', seed: (vendor: string) => provisionSeed(vendor) },
    {
      path: '/api/v1/agents',
      seed: (vendor: string) => ({ vendor_id: vendor, ...provisionSeed(vendor).agent_config }),
    },
  ];

  for (const route of createRoutes) {
    it(`POST ${route.path}: never 5xx, errors in shape, and a refused request writes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(
          bodies(() => route.seed('<vendor>')),
          fc.constantFrom('vendor token', 'service token'),
          fc.option(fc.oneof(fc.constant('fuzz-key'), headerValue), { freq: 4 }),
          async (generated, who, idempotencyKey) => {
            const vendor = uniqueVendor();
            // The seed names the run's vendor; a vendor token makes any body act for it.
            const body = generated.text().replaceAll('<vendor>', vendor);
            const token = who === 'vendor token' ? vendorToken(vendor) : serviceToken();
            const headers = json(
              token,
              idempotencyKey === null ? {} : { 'idempotency-key': `${idempotencyKey}-${vendor}` },
            );
            const sent: Sent = { method: 'POST', path: route.path, headers, body };
            const answer = await check(`POST ${route.path} (${generated.kind}, ${who})`, sent);
            if (answer.status >= 400) {
              expect(
                await rowsOfVendor(vendor),
                `a refused request (${answer.status}) left rows: ${describeBody(body)}`,
              ).toEqual(NO_ROWS);
            } else {
              expect(answer.status, answer.text).toBe(202);
              await assertWhole(answer.json.agent_id, answer.json.provisioning_id, body);
            }
          },
        ),
        { numRuns: runs(120) },
      );
    }, 120_000);
  }

  it('POST /api/v1/agents/provision: any Idempotency-Key is either accepted or a 400, never more than one operation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          headerValue,
          nastyString.filter((s) => /^[\x20-\x7e]*$/.test(s)),
        ),
        async (key) => {
          const vendor = uniqueVendor();
          const sent: Sent = {
            method: 'POST',
            path: '/api/v1/agents/provision',
            headers: json(vendorToken(vendor), { 'idempotency-key': key }),
            body: serialise(provisionSeed(vendor)),
          };
          let answer: Answer;
          try {
            answer = await check('Idempotency-Key', sent);
          } catch (error) {
            // fetch refuses header values no server could receive (CR, LF, NUL): nothing was sent.
            if (error instanceof TypeError) return;
            throw error;
          }
          const rows = await rowsOfVendor(vendor);
          if (answer.status >= 400) expect(rows).toEqual(NO_ROWS);
          else expect(rows).toMatchObject({ agents: 1, operations: 1 });
        },
      ),
      { numRuns: runs(60) },
    );
  }, 60_000);
});

describe('PUT /api/v1/agents/{id}, fuzzed bodies', () => {
  async function stateOf(agentId: string) {
    const agent = await db.query(
      'SELECT version, name, status, description, business_type, character_config, context FROM agents WHERE id = $1',
      [agentId],
    );
    const channels = await db.query(
      'SELECT channel, external_account_id, credentials_ciphertext FROM agent_channels WHERE agent_id = $1 ORDER BY channel',
      [agentId],
    );
    return {
      agent: agent.rows[0],
      channels: channels.rows,
      operations: await countRows(db, 'provisioning_operations', 'agent_id = $1', [agentId]),
      events: await countRows(db, 'agent_events', 'agent_id = $1', [agentId]),
    };
  }

  it('never 5xx, errors in shape, and a refused change leaves the agent as it was', async () => {
    const agentId = fixture.updateAgent;
    let version = 0;
    await fc.assert(
      fc.asyncProperty(
        bodies(() => ({
          version,
          name: 'Cozy Comfort Home',
          description: 'Premium bedding',
          business_type: 'retail',
          channels: ['whatsapp', 'instagram'],
          character_config: { tone: 'formal', greeting: 'Good day!', language: 'en' },
          context: seedContext(),
          channel_credentials: { instagram: { account_id: numericId(), access_token: 'IGQV-fuzz-token' } },
        })),
        fc.constantFrom('vendor token', 'service token'),
        async (generated, who) => {
          const before = await stateOf(agentId);
          version = before.agent.version;
          const body = generated.text();
          const token = who === 'vendor token' ? vendorToken(fixture.vendor) : serviceToken();
          const sent: Sent = { method: 'PUT', path: `/api/v1/agents/${agentId}`, headers: json(token), body };
          const answer = await check(`PUT /api/v1/agents/{id} (${generated.kind}, ${who})`, sent);
          const after = await stateOf(agentId);
          if (answer.status >= 400) {
            expect(after, `a refused change (${answer.status}) changed the agent: ${describeBody(body)}`).toEqual(
              before,
            );
          } else {
            expect([200, 202]).toContain(answer.status);
            expect(after.agent.version).toBe(before.agent.version + 1);
            expect(after.events).toBe(before.events + 1);
            expect(after.operations - before.operations).toBe(answer.json.provisioning_id ? 1 : 0);
          }
        },
      ),
      { numRuns: runs(100) },
    );
  }, 120_000);
});

describe('POST /api/v1/agents/{id}/customers/{customer_id}/link, fuzzed bodies', () => {
  it('never 5xx, errors in shape, and a refused link moves no identity', async () => {
    const identities = async () =>
      (
        await db.query('SELECT id, customer_id, linked FROM customer_identities WHERE agent_id = $1 ORDER BY id', [
          fixture.webhookAgent,
        ])
      ).rows;
    await fc.assert(
      fc.asyncProperty(
        bodies(() => ({ identity_id: fixture.identities[1] })),
        fc.constantFrom('vendor token', 'service token'),
        async (generated, who) => {
          const before = await identities();
          const body = generated.text();
          const token = who === 'vendor token' ? vendorToken(fixture.vendor) : serviceToken();
          const path = `/api/v1/agents/${fixture.webhookAgent}/customers/${fixture.customers[0]}/link`;
          const answer = await check(`link (${generated.kind}, ${who})`, {
            method: 'POST',
            path,
            headers: json(token),
            body,
          });
          if (answer.status >= 400)
            expect(
              await identities(),
              `a refused link (${answer.status}) moved an identity: ${describeBody(body)}`,
            ).toEqual(before);
          else expect(answer.status).toBe(200);
        },
      ),
      { numRuns: runs(80) },
    );
  }, 60_000);
});

describe('POST /api/v1/webhooks/elizaos, fuzzed bodies with a valid signature', () => {
  let user = 0;
  it('never 5xx, errors in shape, and a refused message records nothing', async () => {
    const messages = () => countRows(db, 'conversation_messages', 'agent_id = $1', [fixture.webhookAgent]);
    await fc.assert(
      fc.asyncProperty(
        bodies(() => ({
          platform: 'whatsapp',
          agent_id: fixture.webhookAgent,
          message: 'Do you deliver on Saturdays?',
          user_id: `1555020${String(user++).padStart(4, '0')}`,
          timestamp: new Date().toISOString(),
        })),
        async (generated) => {
          const before = await messages();
          const body = generated.text();
          const sent: Sent = { method: 'POST', path: '/api/v1/webhooks/elizaos', headers: signed(body), body };
          const answer = await check(`webhook (${generated.kind})`, sent);
          const after = await messages();
          if (answer.status >= 400)
            expect(after, `a refused message (${answer.status}) was recorded: ${describeBody(body)}`).toBe(before);
          else expect(after - before).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: runs(120) },
    );
  }, 120_000);

  it('refuses a missing, wrong or stale signature with 401 in the error shape, whatever the body', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies(() => ({
          platform: 'whatsapp',
          agent_id: fixture.webhookAgent,
          message: 'hi',
          user_id: '1',
          timestamp: Date.now(),
        })),
        fc.constantFrom('none', 'other secret', 'stale', 'other body', 'garbage'),
        async (generated, how) => {
          const body = generated.text();
          const headers: Record<string, string> =
            how === 'none'
              ? { 'content-type': 'application/json' }
              : how === 'other secret'
                ? {
                    'content-type': 'application/json',
                    ...signAsCaller('/api/v1/webhooks/elizaos', body, `${WEBHOOK_SECRET}-other`),
                  }
                : how === 'stale'
                  ? {
                      'content-type': 'application/json',
                      ...signAsCaller('/api/v1/webhooks/elizaos', body, WEBHOOK_SECRET, Date.now() / 1000 - 3600),
                    }
                  : how === 'other body'
                    ? signed(`${body} `)
                    : {
                        'content-type': 'application/json',
                        'x-voca-timestamp': 'yesterday',
                        'x-voca-signature': 'sha256=zz',
                      };
          const answer = await check(`webhook signature (${how})`, {
            method: 'POST',
            path: '/api/v1/webhooks/elizaos',
            headers,
            body,
          });
          // A body the parser refuses (413, malformed) is refused before the signature is looked at.
          expect([400, 401, 413]).toContain(answer.status);
        },
      ),
      { numRuns: runs(60) },
    );
  }, 60_000);
});

describe('path parameters', () => {
  /** Ids of every kind: any text, look-alikes, traversal, encodings, very long, and unknown UUIDs. */
  const idValue = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: unicodeString },
    { weight: 3, arbitrary: nastyString },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.uuid().map((uuid) => uuid.toUpperCase()) },
    { weight: 1, arbitrary: fc.uuid().map((uuid) => `${uuid}x`) },
    { weight: 1, arbitrary: fc.uuid().map((uuid) => `{${uuid}}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%2e%2e',
        '%2F',
        '%252e',
        '..%2F..%2F',
        '%E0%A4%A',
        '%C0%AE',
        '%u002e',
        '%',
        '%%',
        '%0A',
        '%00',
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 4_000 }).map((length) => 'a'.repeat(length)) },
  );

  /** Encodes what a request line cannot carry; in raw mode keeps `%`, `/` and `.` as they are. */
  const inPath = (value: string, raw: boolean) =>
    raw ? value.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@%/]/gu, (c) => encodeAny(c)) : encodeAny(value);

  it('any id in any documented route is answered below 500, in the error shape', async () => {
    const openapi = await api.get('/docs/openapi.json');
    const routes = Object.entries<Record<string, any>>(openapi.body.paths)
      .filter(([path]) => !PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix)) && path.includes('{'))
      .flatMap(([path, item]) =>
        ['get', 'post', 'put', 'delete', 'patch']
          .filter((method) => item[method])
          .map((method) => ({ path, method: method.toUpperCase() })),
      );
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const real = fc.constantFrom(fixture.webhookAgent, fixture.customers[0]!, fixture.identities[0]!);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(fc.oneof({ weight: 5, arbitrary: idValue }, { weight: 1, arbitrary: real }), {
          minLength: 4,
          maxLength: 4,
        }),
        fc.boolean(),
        async (route, values, raw) => {
          let i = 0;
          const path = route.path.replace(/\{(\w+)\}/g, () => inPath(values[i++]!, raw));
          // Real ids only reach reading routes, so the fuzz never pauses, deletes or relinks a fixture.
          const reads = route.method === 'GET';
          if (
            !reads &&
            values
              .slice(0, i)
              .some((v) => [fixture.webhookAgent, ...fixture.customers, ...fixture.identities].includes(v))
          )
            return;
          const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}';
          await check(`${route.method} ${route.path}`, {
            method: route.method,
            path,
            headers: json(serviceToken()),
            body,
            raw: true,
          });
        },
      ),
      { numRuns: runs(150) },
    );
  }, 60_000);
});

describe('query parameters', () => {
  const queryValue = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 3, arbitrary: numberString },
    { weight: 2, arbitrary: nastyString },
    { weight: 1, arbitrary: unicodeString },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '0',
        '1',
        '20',
        '100',
        '101',
        'active',
        'deleted',
        'whatsapp',
        'retail',
        'vendor_x',
        '',
      ),
    },
  );
  const queryOf = (fields: Record<string, (string | string[]) | null>, extra: [string, string][]) => {
    const pairs: string[] = [];
    for (const [key, value] of Object.entries(fields)) {
      if (value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) pairs.push(`${encodeAny(key)}=${encodeAny(v)}`);
    }
    for (const [key, value] of extra) pairs.push(`${encodeAny(key)}=${encodeAny(value)}`);
    return pairs.length ? `?${pairs.join('&')}` : '';
  };
  /**
   * A query field: absent, a value valid for it (so the other fields get a chance to reach the database), junk, or
   * repeated.
   */
  const field = (valid: fc.Arbitrary<string>) =>
    fc.option(
      fc.oneof(
        { weight: 3, arbitrary: valid },
        { weight: 3, arbitrary: queryValue },
        { weight: 1, arbitrary: fc.array(fc.oneof(valid, queryValue), { minLength: 2, maxLength: 3 }) },
      ),
      { freq: 2 },
    );
  const page = fc.oneof(
    fc.nat({ max: 150 }).map(String),
    fc.constantFrom('9007199254740991', '9223372036854775807', '18446744073709551616', '1e300', '-0', '0.0', '1.0'),
  );
  /** Unknown query parameters, now and then. */
  const extras = fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as [string, string][]) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.tuple(fc.oneof(nastyKey, fc.constantFrom('skip[]', 'limit[$gt]', 'status[0]')), queryValue),
        { minLength: 1, maxLength: 2 },
      ),
    },
  );

  it('GET /api/v1/agents: any skip, limit, status, channel, vendor_id, business_type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          skip: field(page),
          limit: field(page),
          status: field(fc.constantFrom(...AGENT_STATUSES)),
          channel: field(fc.constantFrom(...CHANNELS)),
          vendor_id: field(fc.constantFrom(fixture.vendor, 'vendor_unknown', 'a'.repeat(64))),
          business_type: field(fc.constantFrom(...BUSINESS_TYPES)),
        }),
        extras,
        fc.constantFrom('service', 'vendor'),
        async (fields, extra, who) => {
          const token = who === 'service' ? serviceToken() : vendorToken(fixture.vendor);
          const answer = await check('GET /api/v1/agents', {
            method: 'GET',
            path: `/api/v1/agents${queryOf(fields, extra)}`,
            headers: json(token),
          });
          if (answer.status === 200)
            expect(answer.json).toMatchObject({ total: expect.any(Number), items: expect.any(Array) });
        },
      ),
      { numRuns: runs(150) },
    );
  }, 60_000);

  it('GET /api/v1/agents/{id}/conversations: any skip and limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ skip: field(page), limit: field(page) }), extras, async (fields, extra) => {
        const path = `/api/v1/agents/${fixture.webhookAgent}/conversations${queryOf(fields, extra)}`;
        const answer = await check('GET conversations', { method: 'GET', path, headers: json(serviceToken()) });
        if (answer.status === 200)
          expect(answer.json).toMatchObject({ total: expect.any(Number), items: expect.any(Array) });
      }),
      { numRuns: runs(100) },
    );
  }, 60_000);
});

describe('raw bodies', () => {
  const jsonRoutes = () => [
    { path: '/api/v1/agents/provision', method: 'POST', signed: false },
    { path: '/api/v1/agents', method: 'POST', signed: false },
    { path: `/api/v1/agents/${fixture.updateAgent}`, method: 'PUT', signed: false },
    {
      path: `/api/v1/agents/${fixture.webhookAgent}/customers/${fixture.customers[0]}/link`,
      method: 'POST',
      signed: false,
    },
    { path: '/api/v1/webhooks/elizaos', method: 'POST', signed: true },
  ];

  const oversized = `{"vendor_id":"v","agent_config":{"name":"${'x'.repeat(BODY_LIMIT_BYTES + 10)}"}}`;
  const rawCases: {
    name: string;
    body?: string;
    bytes?: Buffer;
    headers?: Record<string, string>;
    expected: number[];
  }[] = [
    { name: 'malformed JSON', body: '{"vendor_id": ', expected: [400] },
    { name: 'trailing garbage', body: '{"a":1} x', expected: [400] },
    { name: 'single quotes', body: "{'a':1}", expected: [400] },
    { name: 'a JSON string at the top', body: '"text"', expected: [400] },
    { name: 'a JSON number at the top', body: '42', expected: [400] },
    { name: 'JSON null', body: 'null', expected: [400] },
    { name: 'an array', body: '[]', expected: [400, 401] },
    {
      name: 'an array of objects',
      body: '[{"identity_id":"00000000-0000-0000-0000-000000000000"}]',
      expected: [400, 401],
    },
    { name: 'an empty object', body: '{}', expected: [400, 401] },
    { name: 'an empty body', body: '', expected: [400, 401] },
    { name: 'no body at all', expected: [400, 401] },
    { name: 'a byte-order mark', body: '\ufeff{}', expected: [400, 401] },
    { name: 'NaN literal', body: '{"version": NaN}', expected: [400] },
    { name: 'duplicate keys', body: '{"version":1,"version":"1"}', expected: [400, 401, 409] },
    {
      name: '__proto__ key',
      body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
      expected: [400, 401],
    },
    {
      name: 'invalid UTF-8',
      bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      expected: [400, 401],
    },
    { name: 'text/plain', body: '{}', headers: { 'content-type': 'text/plain' }, expected: [400, 401, 415] },
    {
      name: 'form encoding',
      body: 'vendor_id=a&agent_config=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      expected: [400, 401, 415],
    },
    {
      name: 'multipart',
      body: '--x\r\n\r\n--x--',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      expected: [400, 401, 415],
    },
    { name: 'no content type', body: '{}', headers: { 'content-type': '' }, expected: [400, 401, 415] },
    { name: 'a nonsense content type', body: '{}', headers: { 'content-type': '/;;=' }, expected: [400, 401, 415] },
    {
      name: 'a latin1 charset',
      body: '{}',
      headers: { 'content-type': 'application/json; charset=latin1' },
      expected: [415],
    },
    {
      name: 'a UTF-16 charset',
      body: '{}',
      headers: { 'content-type': 'application/json; charset=utf-16' },
      expected: [400, 415],
    },
    { name: 'gzip that is not', body: '{}', headers: { 'content-encoding': 'gzip' }, expected: [400, 415] },
    { name: 'an unknown encoding', body: '{}', headers: { 'content-encoding': 'x-unknown' }, expected: [415] },
    { name: 'a body over the size limit', body: oversized, expected: [413] },
  ];

  for (const rawCase of rawCases) {
    it(`${rawCase.name}: a 4xx in the error shape on every JSON route, writing nothing`, async () => {
      const before = await rowsOfVendor(fixture.vendor);
      const messages = await countRows(db, 'conversation_messages', 'agent_id = $1', [fixture.webhookAgent]);
      const failures: string[] = [];
      for (const route of jsonRoutes()) {
        const body = rawCase.body ?? rawCase.bytes?.toString('latin1');
        const base = route.signed ? signed(body ?? '', {}, route.path) : json(serviceToken());
        const headers = Object.fromEntries(Object.entries({ ...base, ...rawCase.headers }).filter(([, v]) => v !== ''));
        const sent: Sent = { method: route.method, path: route.path, headers, body, bytes: rawCase.bytes, raw: true };
        try {
          const answer = await check(`${route.method} ${route.path} (${rawCase.name})`, sent);
          if (!rawCase.expected.includes(answer.status))
            failures.push(`${route.method} ${route.path}: ${answer.status} ${answer.text.slice(0, 200)}`);
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
      expect(await rowsOfVendor(fixture.vendor)).toEqual(before);
      expect(await countRows(db, 'conversation_messages', 'agent_id = $1', [fixture.webhookAgent])).toBe(messages);
    });
  }

  it('any text as a JSON body is a 4xx in the error shape, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...jsonRoutes()),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.json().map((text) => text.slice(0, -1)),
          fc.json().map((text) => `${text}${text}`),
          utf16String,
        ),
        async (route, body) => {
          const headers = route.signed ? signed(body, {}, route.path) : json(serviceToken());
          const answer = await check(`${route.method} ${route.path} (raw text)`, {
            method: route.method,
            path: route.path,
            headers,
            body,
          });
          expect(answer.status).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: runs(100) },
    );
  }, 60_000);
});

/** Minimal reproductions of what the properties once found, kept as regression tests. */
describe('regressions found by the properties', () => {
  /** The README's promise for a bad request: a 4xx in the error shape, naming the field, with nothing written. */
  async function expectRefused(sent: Sent, field?: string) {
    const answer = await send(sent);
    expect(
      problemsOf(sent, answer),
      `${sent.method} ${sent.path.slice(0, 120)} answered ${answer.status} ${answer.text.slice(0, 300)}`,
    ).toEqual([]);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    if (field) expect(answer.json.fields?.map((f: { field: string }) => f.field)).toContain(field);
    return answer;
  }

  it('GET /api/v1/agents with a skip beyond bigint is a 400 naming skip', async () => {
    for (const skip of ['9223372036854775807', '99999999999999999999', '1e21']) {
      await expectRefused(
        { method: 'GET', path: `/api/v1/agents?skip=${skip}`, headers: json(serviceToken()) },
        'skip',
      );
    }
  });

  const badTexts: [string, string, (vendor: string) => unknown][] = [
    [
      'NUL in agent_config.name (varchar)',
      'agent_config.name',
      (vendor) => cozyComfortRequest(vendor, { name: 'Cozy\u0000Comfort', channels: ['whatsapp'] }),
    ],
    [
      'NUL in agent_config.context.store_hours (jsonb)',
      'agent_config.context.store_hours',
      (vendor) => cozyComfortRequest(vendor, { channels: ['whatsapp'], context: { store_hours: '9\u00005' } }),
    ],
    [
      'a lone surrogate in agent_config.character_config.tone (jsonb)',
      'agent_config.character_config.tone',
      (vendor) => cozyComfortRequest(vendor, { channels: ['whatsapp'], character_config: { tone: 'warm\ud800' } }),
    ],
  ];
  for (const [what, field, body] of badTexts) {
    it(`POST /api/v1/agents/provision with ${what} is a 400 naming the field, writing nothing`, async () => {
      const vendor = uniqueVendor();
      await expectRefused(
        {
          method: 'POST',
          path: '/api/v1/agents/provision',
          headers: json(serviceToken()),
          body: JSON.stringify(body(vendor)),
        },
        field,
      );
      expect(await rowsOfVendor(vendor)).toEqual(NO_ROWS);
    });
  }

  it('PUT /api/v1/agents/{id} with a NUL in name is a 400 and leaves the agent as it was', async () => {
    const before = await db.query('SELECT version, name FROM agents WHERE id = $1', [fixture.updateAgent]);
    const body = JSON.stringify({ version: before.rows[0].version, name: 'a\u0000b' });
    await expectRefused(
      { method: 'PUT', path: `/api/v1/agents/${fixture.updateAgent}`, headers: json(serviceToken()), body },
      'name',
    );
    expect((await db.query('SELECT version, name FROM agents WHERE id = $1', [fixture.updateAgent])).rows).toEqual(
      before.rows,
    );
  });

  it.each(['name', 'business_type', 'channels', 'character_config', 'context'])(
    'PUT /api/v1/agents/{id} with %s null is a 400 naming it and leaves the agent as it was',
    async (field) => {
      const before = await db.query(
        'SELECT version, name, business_type, character_config, context FROM agents WHERE id = $1',
        [fixture.updateAgent],
      );
      const body = JSON.stringify({ version: before.rows[0].version, description: 'Premium bedding', [field]: null });
      await expectRefused(
        { method: 'PUT', path: `/api/v1/agents/${fixture.updateAgent}`, headers: json(serviceToken()), body },
        field,
      );
      const after = await db.query(
        'SELECT version, name, business_type, character_config, context FROM agents WHERE id = $1',
        [fixture.updateAgent],
      );
      expect(after.rows).toEqual(before.rows);
    },
  );

  it('the generic webhook with a NUL in message is a 400 naming message, recording nothing', async () => {
    const messages = await countRows(db, 'conversation_messages', 'agent_id = $1', [fixture.webhookAgent]);
    const body = JSON.stringify({
      platform: 'whatsapp',
      agent_id: fixture.webhookAgent,
      message: 'hi\u0000',
      user_id: '15550109999',
      timestamp: new Date().toISOString(),
    });
    await expectRefused({ method: 'POST', path: '/api/v1/webhooks/elizaos', headers: signed(body), body }, 'message');
    expect(await countRows(db, 'conversation_messages', 'agent_id = $1', [fixture.webhookAgent])).toBe(messages);
  });

  it('a name of 120 characters plus U+FE0F is 121 characters as varchar(120) counts them: a 400', async () => {
    const vendor = uniqueVendor();
    const body = JSON.stringify(
      cozyComfortRequest(vendor, { name: `${'a'.repeat(120)}\ufe0f`, channels: ['whatsapp'] }),
    );
    await expectRefused(
      { method: 'POST', path: '/api/v1/agents/provision', headers: json(serviceToken()), body },
      'agent_config.name',
    );
    expect(await rowsOfVendor(vendor)).toEqual(NO_ROWS);
  });

  it('the generic webhook with a user_id of 128 characters plus U+FE0F is a 400 naming user_id', async () => {
    const body = JSON.stringify({
      platform: 'whatsapp',
      agent_id: fixture.webhookAgent,
      message: 'hi',
      user_id: `${'1'.repeat(128)}\ufe0f`,
      timestamp: new Date().toISOString(),
    });
    await expectRefused({ method: 'POST', path: '/api/v1/webhooks/elizaos', headers: signed(body), body }, 'user_id');
  });

  it('the generic webhook with a timestamp beyond what a Date holds (1e21 ms) is a 400 naming timestamp', async () => {
    const messages = await countRows(db, 'conversation_messages', 'agent_id = $1', [fixture.webhookAgent]);
    for (const timestamp of [1e21, 8.64e15 + 1]) {
      const body = JSON.stringify({
        platform: 'whatsapp',
        agent_id: fixture.webhookAgent,
        message: 'hi',
        user_id: '15550108888',
        timestamp,
      });
      await expectRefused(
        { method: 'POST', path: '/api/v1/webhooks/elizaos', headers: signed(body), body },
        'timestamp',
      );
    }
    expect(await countRows(db, 'conversation_messages', 'agent_id = $1', [fixture.webhookAgent])).toBe(messages);
  });

  it('a body nested thousands of levels deep is a 400 on every JSON route, writing nothing', async () => {
    const deep = deepJson(5_000, 'array');
    const vendor = uniqueVendor();
    const cases: Sent[] = [
      {
        method: 'POST',
        path: '/api/v1/agents/provision',
        headers: json(vendorToken(vendor)),
        body: `{"agent_config":{"context":{"products":${deep}}}}`,
      },
      { method: 'POST', path: '/api/v1/agents', headers: json(vendorToken(vendor)), body: `{"name":${deep}}` },
      {
        method: 'PUT',
        path: `/api/v1/agents/${fixture.updateAgent}`,
        headers: json(serviceToken()),
        body: `{"version":1,"context":${deep}}`,
      },
      {
        method: 'POST',
        path: `/api/v1/agents/${fixture.webhookAgent}/customers/${fixture.customers[0]}/link`,
        headers: json(serviceToken()),
        body: `{"identity_id":${deep}}`,
      },
      {
        method: 'POST',
        path: '/api/v1/webhooks/elizaos',
        headers: signed(`{"message":${deep}}`),
        body: `{"message":${deep}}`,
      },
    ];
    const failures: string[] = [];
    for (const sent of cases) {
      const answer = await send(sent);
      const problems = problemsOf(sent, answer);
      if (problems.length || answer.status < 400)
        failures.push(`${sent.method} ${sent.path}: ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(await rowsOfVendor(vendor)).toEqual(NO_ROWS);
  });

  it('errors raised before routing (bad JSON, 413, 415, bad gzip, an undecodable path) carry a request_id', async () => {
    const failures: string[] = [];
    const cases: Sent[] = [
      { method: 'POST', path: '/api/v1/agents/provision', headers: json(serviceToken()), body: '{"vendor_id": ' },
      {
        method: 'POST',
        path: '/api/v1/agents/provision',
        headers: json(serviceToken()),
        body: `{"x":"${'x'.repeat(BODY_LIMIT_BYTES)}"}`,
      },
      {
        method: 'POST',
        path: '/api/v1/agents/provision',
        headers: json(serviceToken(), { 'content-type': 'application/json; charset=latin1' }),
        body: '{}',
      },
      {
        method: 'POST',
        path: '/api/v1/agents/provision',
        headers: json(serviceToken(), { 'content-encoding': 'gzip' }),
        body: '{}',
      },
      { method: 'GET', path: '/api/v1/agents/%E0%A4%A', headers: json(serviceToken()), raw: true },
    ];
    for (const sent of cases) {
      const answer = await send(sent);
      const problems = problemsOf(sent, answer);
      expect(answer.status).toBeLessThan(500);
      if (problems.length)
        failures.push(
          `${sent.method} ${sent.path.slice(0, 60)} ${JSON.stringify(sent.headers['content-type'])}: ${answer.status} ${answer.text.slice(0, 160)}: ${problems.join(', ')}`,
        );
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});

describe('limits of the HTTP server itself', () => {
  it('an id too long for the request line is refused by Node before the app (431), never a 5xx', async () => {
    const answer = await send({
      method: 'GET',
      path: `/api/v1/agents/${'a'.repeat(20_000)}`,
      headers: json(serviceToken()),
      raw: true,
    });
    // Node's HTTP parser answers this itself, with an empty body: the API's error shape cannot apply here.
    expect([414, 431]).toContain(answer.status);
  });
});
