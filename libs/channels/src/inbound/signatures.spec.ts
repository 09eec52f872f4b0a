import { createHmac } from 'node:crypto';
import { WEBHOOK_MAX_SKEW_SECONDS, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { metaVerificationChallenge, verifyMetaSignature } from '../adapters/meta/meta-signature.js';
import { verifyXSignature, xCrcResponse } from '../adapters/x/x-signature.js';
import { signEngineWebhook, verifyEngineSignature } from './signatures.js';

const APP_SECRET = 'meta-app-secret-0123456789abcdef';
const CONSUMER_SECRET = 'z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu';
const ENGINE_SECRET = 'engine-webhook-secret';

const hexMac = (secret: string, data: string | Buffer) => createHmac('sha256', secret).update(data).digest('hex');
const base64Mac = (secret: string, data: string | Buffer) => createHmac('sha256', secret).update(data).digest('base64');

describe('verifyMetaSignature', () => {
  const body = Buffer.from('{"object":"page","entry":[]}');
  const header = `sha256=${hexMac(APP_SECRET, body)}`;

  it('accepts the HMAC-SHA256 of the raw body, hex, with the sha256= prefix', () => {
    expect(verifyMetaSignature(body, header, APP_SECRET)).toBe(true);
    expect(verifyMetaSignature(body, header.toUpperCase().replace('SHA256=', 'sha256='), APP_SECRET)).toBe(true);
  });

  it('refuses a tampered body, a wrong secret and a signature of other bytes', () => {
    expect(verifyMetaSignature(Buffer.from('{"object":"page","entry":[{}]}'), header, APP_SECRET)).toBe(false);
    expect(verifyMetaSignature(body, header, 'another-secret')).toBe(false);
    expect(verifyMetaSignature(body, `sha256=${hexMac(APP_SECRET, 'something else')}`, APP_SECRET)).toBe(false);
  });

  it('refuses a missing or malformed header, and an empty secret, without throwing', () => {
    const digest = hexMac(APP_SECRET, body);
    for (const bad of [
      undefined,
      '',
      'sha256=',
      digest,
      `sha1=${digest}`,
      `sha256=${digest.slice(2)}`,
      `sha256=${digest}00`,
      `sha256=${'z'.repeat(64)}`,
      `sha256=${Buffer.from(digest, 'hex').toString('base64')}`,
    ]) {
      expect(verifyMetaSignature(body, bad, APP_SECRET)).toBe(false);
    }
    expect(verifyMetaSignature(body, header, '')).toBe(false);
    expect(verifyMetaSignature(undefined as unknown as Buffer, header, APP_SECRET)).toBe(false);
    expect(verifyMetaSignature(body, ['a', 'b'] as unknown as string, APP_SECRET)).toBe(false);
  });

  it('hashes the raw escaped-unicode bytes Meta signs, not a re-serialisation of the JSON', () => {
    // Meta sends (and signs) non-ASCII text as \u escapes and "/" as "\/".
    const raw =
      '{"object":"page","entry":[{"messaging":[{"message":{"text":"Caf\\u00e9 \\ud83d\\udc4b \\u00bfabierto? https:\\/\\/x.example"}}]}]}';
    const rawBytes = Buffer.from(raw, 'utf8');
    const signature = `sha256=${hexMac(APP_SECRET, rawBytes)}`;
    expect(verifyMetaSignature(rawBytes, signature, APP_SECRET)).toBe(true);

    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw)), 'utf8');
    expect(reserialised.toString()).toContain('Café 👋 ¿abierto? https://x.example');
    expect(reserialised.equals(rawBytes)).toBe(false);
    expect(verifyMetaSignature(reserialised, signature, APP_SECRET)).toBe(false);
  });
});

describe('metaVerificationChallenge', () => {
  const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'our-token', 'hub.challenge': '1158201444' };

  it('echoes the challenge when the mode is subscribe and the token is ours', () => {
    expect(metaVerificationChallenge(query, 'our-token')).toBe('1158201444');
  });

  it('refuses a wrong token, a wrong mode, a missing challenge and repeated parameters', () => {
    expect(metaVerificationChallenge({ ...query, 'hub.verify_token': 'their-token' }, 'our-token')).toBeUndefined();
    expect(
      metaVerificationChallenge({ ...query, 'hub.verify_token': 'our-token-but-longer' }, 'our-token'),
    ).toBeUndefined();
    expect(metaVerificationChallenge({ ...query, 'hub.mode': 'unsubscribe' }, 'our-token')).toBeUndefined();
    expect(
      metaVerificationChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': 'our-token' }, 'our-token'),
    ).toBeUndefined();
    expect(metaVerificationChallenge({ ...query, 'hub.challenge': '' }, 'our-token')).toBeUndefined();
    expect(
      metaVerificationChallenge({ ...query, 'hub.verify_token': ['our-token', 'x'] }, 'our-token'),
    ).toBeUndefined();
    expect(metaVerificationChallenge({}, 'our-token')).toBeUndefined();
  });

  it('verifies nothing when no verify token is configured', () => {
    expect(metaVerificationChallenge({ ...query, 'hub.verify_token': '' }, '')).toBeUndefined();
  });
});

describe('verifyXSignature', () => {
  const body = Buffer.from('{"for_user_id":"2244994945","favorite_events":[]}');
  const header = `sha256=${base64Mac(CONSUMER_SECRET, body)}`;

  it('accepts the base64 HMAC-SHA256 of the raw body with the sha256= prefix', () => {
    expect(verifyXSignature(body, header, CONSUMER_SECRET)).toBe(true);
  });

  it('refuses a tampered body, a wrong secret, a missing or malformed header', () => {
    expect(verifyXSignature(Buffer.from(`${body.toString()} `), header, CONSUMER_SECRET)).toBe(false);
    expect(verifyXSignature(body, header, 'wrong')).toBe(false);
    expect(verifyXSignature(body, header, '')).toBe(false);
    const hex = `sha256=${hexMac(CONSUMER_SECRET, body)}`;
    for (const bad of [undefined, '', 'sha256=', header.slice(7), hex, header.replace('=', ':'), `${header}=`]) {
      expect(verifyXSignature(body, bad, CONSUMER_SECRET)).toBe(false);
    }
  });

  it('hashes raw UTF-8 bytes (X sends non-ASCII unescaped)', () => {
    const raw = Buffer.from(
      '{"for_user_id":"1","direct_message_events":[{"message_create":{"message_data":{"text":"¿Abren el domingo? 🙂"}}}]}',
    );
    expect(verifyXSignature(raw, `sha256=${base64Mac(CONSUMER_SECRET, raw)}`, CONSUMER_SECRET)).toBe(true);
    expect(verifyXSignature(raw, `sha256=${base64Mac(CONSUMER_SECRET, raw.toString('latin1'))}`, CONSUMER_SECRET)).toBe(
      false,
    );
  });
});

describe('xCrcResponse', () => {
  it('answers sha256= + base64(HMAC-SHA256(consumer secret, crc_token))', () => {
    const token = '9b4507b3-9040-4669-9ca3-6b94edb50553';
    const expected = `sha256=${createHmac('sha256', CONSUMER_SECRET).update(token).digest('base64')}`;
    expect(xCrcResponse(token, CONSUMER_SECRET)).toEqual({ response_token: expected });
  });

  it('refuses to sign what X would never send as a token (a JSON body, say)', () => {
    expect(() => xCrcResponse('{"for_user_id":"1"}', CONSUMER_SECRET)).toThrow(/crc_token/);
    expect(() => xCrcResponse('short', CONSUMER_SECRET)).toThrow(/crc_token/);
  });

  it('depends on both the token and the secret', () => {
    const a = xCrcResponse('crc-token-a', CONSUMER_SECRET).response_token;
    expect(xCrcResponse('crc-token-b', CONSUMER_SECRET).response_token).not.toBe(a);
    expect(xCrcResponse('crc-token-a', 'other').response_token).not.toBe(a);
    expect(a).toMatch(/^sha256=[A-Za-z0-9+/]{43}=$/);
  });
});

describe('engine signatures', () => {
  const body = '{"agent_id":"a","utterance":"¿Abren el domingo?"}';
  const now = 1_760_000_000;

  it('signs "<timestamp>.<body>" with hex HMAC-SHA256 in the contract headers', () => {
    const headers = signEngineWebhook(body, ENGINE_SECRET, now + 0.75);
    expect(headers).toEqual({
      [WEBHOOK_TIMESTAMP_HEADER]: String(now),
      [WEBHOOK_SIGNATURE_HEADER]: `sha256=${hexMac(ENGINE_SECRET, `${now}.${body}`)}`,
    });
  });

  it('verifies what it signs, over the raw bytes', () => {
    const headers = signEngineWebhook(body, ENGINE_SECRET, now);
    const check = (
      raw: Buffer,
      ts = headers[WEBHOOK_TIMESTAMP_HEADER],
      sig = headers[WEBHOOK_SIGNATURE_HEADER],
      at = now,
    ) => verifyEngineSignature(raw, ts, sig, ENGINE_SECRET, at);
    expect(check(Buffer.from(body))).toBe('ok');
    expect(check(Buffer.from(body.replace('domingo', 'sábado')))).toBe('bad_signature');
    expect(check(Buffer.from(body), String(now + 1))).toBe('bad_signature');
    expect(
      verifyEngineSignature(
        Buffer.from(body),
        headers[WEBHOOK_TIMESTAMP_HEADER],
        headers[WEBHOOK_SIGNATURE_HEADER],
        'other',
        now,
      ),
    ).toBe('bad_signature');
  });

  it('is stale when the signed timestamp is more than the allowed skew away, in the past or the future', () => {
    const headers = signEngineWebhook(body, ENGINE_SECRET, now);
    const at = (clock: number) =>
      verifyEngineSignature(
        Buffer.from(body),
        headers[WEBHOOK_TIMESTAMP_HEADER],
        headers[WEBHOOK_SIGNATURE_HEADER],
        ENGINE_SECRET,
        clock,
      );
    expect(at(now + WEBHOOK_MAX_SKEW_SECONDS)).toBe('ok');
    expect(at(now - WEBHOOK_MAX_SKEW_SECONDS)).toBe('ok');
    expect(at(now + WEBHOOK_MAX_SKEW_SECONDS + 1)).toBe('stale'); // an old request, or a replay
    expect(at(now - WEBHOOK_MAX_SKEW_SECONDS - 1)).toBe('stale'); // from a clock running ahead
  });

  it('defaults to the current clock', () => {
    const headers = signEngineWebhook(body, ENGINE_SECRET);
    expect(
      verifyEngineSignature(
        Buffer.from(body),
        headers[WEBHOOK_TIMESTAMP_HEADER],
        headers[WEBHOOK_SIGNATURE_HEADER],
        ENGINE_SECRET,
      ),
    ).toBe('ok');
  });

  it('reports a missing or malformed header as a bad signature, and never verifies with an empty secret', () => {
    const { [WEBHOOK_TIMESTAMP_HEADER]: ts, [WEBHOOK_SIGNATURE_HEADER]: sig } = signEngineWebhook(
      body,
      ENGINE_SECRET,
      now,
    );
    const raw = Buffer.from(body);
    expect(verifyEngineSignature(raw, undefined, sig, ENGINE_SECRET, now)).toBe('bad_signature');
    expect(verifyEngineSignature(raw, ts, undefined, ENGINE_SECRET, now)).toBe('bad_signature');
    expect(verifyEngineSignature(raw, `${ts}.5`, sig, ENGINE_SECRET, now)).toBe('bad_signature');
    expect(verifyEngineSignature(raw, '-1', sig, ENGINE_SECRET, now)).toBe('bad_signature');
    expect(verifyEngineSignature(raw, ts, sig.slice(7), ENGINE_SECRET, now)).toBe('bad_signature');
    expect(
      verifyEngineSignature(
        raw,
        ts,
        `sha256=${Buffer.from(sig.slice(7), 'hex').toString('base64')}`,
        ENGINE_SECRET,
        now,
      ),
    ).toBe('bad_signature');
    const unsigned = signEngineWebhook(body, '', now);
    expect(
      verifyEngineSignature(raw, unsigned[WEBHOOK_TIMESTAMP_HEADER], unsigned[WEBHOOK_SIGNATURE_HEADER], '', now),
    ).toBe('bad_signature');
  });
});
