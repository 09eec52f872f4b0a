import fc from 'fast-check';
import type { ParsedWebhook } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { parseConnectTurn } from './connect-turn.js';
import { WebhookPayloadError } from './errors.js';
import { MAX_TEXT_LENGTH } from './limits.js';
import { parseMetaWebhook } from '../adapters/meta/meta-webhook.js';
import { parseTelegramUpdate } from '../adapters/telegram/telegram-webhook.js';
import { parseXWebhook } from '../adapters/x/x-webhook.js';
import { apiPhotoWithCaption, apiVenue } from '../../../../test/fixtures/platform-samples/telegram.js';

/**
 * Whatever JSON arrives, a parser returns a well-formed ParsedWebhook or throws WebhookPayloadError: never a
 * TypeError, a RangeError (an invalid Date) or anything else that would turn a bad payload into a 500.
 */

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function run(parse: (body: unknown) => unknown, body: unknown): Outcome {
  try {
    return { ok: true, value: parse(body) };
  } catch (error) {
    return { ok: false, error };
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function expectWellFormed(parsed: ParsedWebhook): void {
  expect(Array.isArray(parsed.events)).toBe(true);
  expect(Array.isArray(parsed.skipped)).toBe(true);
  for (const event of parsed.events) {
    expect(typeof event.businessAccountId === 'string' && event.businessAccountId !== '').toBe(true);
    expect(typeof event.platformMessageId === 'string' && event.platformMessageId !== '').toBe(true);
    if (event.kind === 'message') {
      expect(typeof event.sender.id === 'string' && event.sender.id !== '').toBe(true);
      expect(event.sentAt).toMatch(ISO);
      expect([...event.text].length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    } else {
      expect(event.at).toMatch(ISO);
      expect(['sent', 'delivered', 'read', 'failed']).toContain(event.status);
    }
  }
  for (const skip of parsed.skipped)
    expect(['echo', 'own_message', 'unsupported_type', 'empty', 'malformed']).toContain(skip.reason);
}

function expectContract(parse: (body: unknown) => ParsedWebhook, body: unknown): void {
  const outcome = run(parse, body);
  if (outcome.ok) expectWellFormed(outcome.value as ParsedWebhook);
  else expect(outcome.error).toBeInstanceOf(WebhookPayloadError);
}

// ------------------------------------------------------------------------------------------- valid seed payloads

const whatsapp = {
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
            contacts: [
              { profile: { name: 'Sheena Nelson' }, wa_id: '16505551234', user_id: 'US.13491208655302741918' },
            ],
            messages: [
              { from: '16505551234', id: 'wamid.A', timestamp: '1749416383', type: 'text', text: { body: 'Hi' } },
              {
                from_user_id: 'US.1',
                id: 'wamid.B',
                timestamp: '1749416383',
                type: 'interactive',
                interactive: { type: 'list_reply', list_reply: { id: 'x', title: 'X' } },
              },
              {
                from: '16505551234',
                id: 'wamid.C',
                timestamp: '1749416383',
                type: 'button',
                button: { payload: 'p', text: 'T' },
              },
            ],
            statuses: [
              {
                id: 'wamid.S',
                status: 'failed',
                timestamp: '1749416383',
                recipient_id: '16505551234',
                errors: [{ code: 131026, title: 't', message: 'm' }],
              },
            ],
          },
          field: 'messages',
        },
      ],
    },
  ],
};

const messenger = {
  object: 'page',
  entry: [
    {
      id: '104501215577894',
      time: 1750000001000,
      messaging: [
        {
          sender: { id: '6885433241504917' },
          recipient: { id: '104501215577894' },
          timestamp: 1750000000000,
          message: { mid: 'm_1', text: 'Hi' },
        },
        {
          sender: { id: '104501215577894' },
          recipient: { id: '6885433241504917' },
          timestamp: 1750000000000,
          message: { mid: 'm_2', text: 'Echo', is_echo: true },
        },
        {
          sender: { id: '6885433241504917' },
          recipient: { id: '104501215577894' },
          timestamp: 1750000000000,
          postback: { mid: 'm_3', title: 'Go', payload: 'GO' },
        },
      ],
    },
  ],
};

const instagram = { ...messenger, object: 'instagram' };

const x = {
  for_user_id: '3805104374',
  direct_message_events: [
    {
      type: 'message_create',
      id: '1234858589',
      created_timestamp: '1392078023603',
      message_create: {
        target: { recipient_id: '3805104374' },
        sender_id: '1234858592',
        message_data: { text: 'Blue Bird' },
      },
    },
  ],
  users: { '1234858592': { id: '1234858592', name: 'Jordan Brinks', screen_name: 'furiouscamper' } },
};

const connectTurn = {
  agent_id: '3f6c2a1e-8b7d-4c59-9e21-6a0b5d4c3e2f',
  contact_id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  channel: 'voice',
  caller: '+233201234567',
  dialed: '+18005550199',
  utterance: 'Hello',
  timestamp: '2026-03-14T09:26:53.589Z',
};

// ---------------------------------------------------------------------------------------------------- mutations

type Path = (string | number)[];

/** Every path inside a JSON value (the root excluded). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  }
  return [];
}

/** A copy of `value` with the node at `path` replaced (or deleted when replacement is undefined). */
function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = replacement;
  return copy;
}

/** Valid payloads with one node deleted or replaced by arbitrary JSON (or by a tricky scalar). */
function mutationsOf(seed: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(seed);
  const tricky = fc.constantFrom<unknown>(
    undefined,
    null,
    '',
    ' ',
    0,
    -1,
    1.5,
    1e300,
    Number.MAX_SAFE_INTEGER,
    '99999999999999999999',
    true,
    [],
    {},
    '__proto__',
    'constructor',
    'x'.repeat(5000),
  );
  return fc
    .tuple(fc.nat({ max: paths.length - 1 }), fc.oneof(tricky, fc.jsonValue({ maxDepth: 3 })))
    .map(([i, replacement]) => replaceAt(seed, paths[i]!, replacement));
}

// ------------------------------------------------------------------------------------------------------ properties

const RUNS = { numRuns: 400 };

describe('parsers on arbitrary JSON', () => {
  it('parseMetaWebhook returns a ParsedWebhook or throws WebhookPayloadError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => expectContract(parseMetaWebhook, body)),
      RUNS,
    );
    // Arbitrary JSON rarely gets past `object`; give each Meta shape random content too.
    const envelopes = fc.record({
      object: fc.constantFrom('whatsapp_business_account', 'page', 'instagram'),
      entry: fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(envelopes, (body) => expectContract(parseMetaWebhook, body)),
      RUNS,
    );
  });

  it('parseXWebhook returns a ParsedWebhook or throws WebhookPayloadError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => expectContract(parseXWebhook, body)),
      RUNS,
    );
    const envelopes = fc.record({
      for_user_id: fc.string(),
      direct_message_events: fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 3 }),
      users: fc.jsonValue({ maxDepth: 2 }),
    });
    fc.assert(
      fc.property(envelopes, (body) => expectContract(parseXWebhook, body)),
      RUNS,
    );
  });

  it('parseTelegramUpdate returns a ParsedWebhook or throws WebhookPayloadError', () => {
    const parse = (body: unknown) => parseTelegramUpdate(body, '7012345678');
    fc.assert(
      fc.property(fc.jsonValue(), (body) => expectContract(parse, body)),
      RUNS,
    );
    const updates = fc.record({ update_id: fc.nat(), message: fc.jsonValue({ maxDepth: 4 }) });
    fc.assert(
      fc.property(updates, (body) => expectContract(parse, body)),
      RUNS,
    );
  });

  it('parseConnectTurn returns an event or throws WebhookPayloadError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const outcome = run(parseConnectTurn, body);
        if (!outcome.ok) expect(outcome.error).toBeInstanceOf(WebhookPayloadError);
      }),
      RUNS,
    );
  });
});

describe('parsers on valid payloads with one node changed', () => {
  it.each([
    ['WhatsApp', whatsapp],
    ['Messenger', messenger],
    ['Instagram', instagram],
  ])('parseMetaWebhook (%s)', (_name, seed) => {
    expectContract(parseMetaWebhook, seed);
    expect(parseMetaWebhook(seed).events.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(mutationsOf(seed), (body) => expectContract(parseMetaWebhook, body)),
      { numRuns: 1000 },
    );
  });

  it('parseXWebhook', () => {
    expect(parseXWebhook(x).events).toHaveLength(1);
    fc.assert(
      fc.property(mutationsOf(x), (body) => expectContract(parseXWebhook, body)),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['a photo', apiPhotoWithCaption],
    ['a venue', apiVenue],
  ])('parseTelegramUpdate (%s)', (_name, seed) => {
    const parse = (body: unknown) => parseTelegramUpdate(body, '7012345678');
    expect(parse(seed).events).toHaveLength(1);
    fc.assert(
      fc.property(mutationsOf(seed), (body) => expectContract(parse, body)),
      { numRuns: 1000 },
    );
  });

  it('parseConnectTurn', () => {
    expect(parseConnectTurn(connectTurn).kind).toBe('message');
    fc.assert(
      fc.property(mutationsOf(connectTurn), (body) => {
        const outcome = run(parseConnectTurn, body);
        if (outcome.ok) expect((outcome.value as { sentAt: string }).sentAt).toMatch(ISO);
        else expect(outcome.error).toBeInstanceOf(WebhookPayloadError);
      }),
      { numRuns: 1000 },
    );
  });
});
