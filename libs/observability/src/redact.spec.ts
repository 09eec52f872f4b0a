import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { redactDeep } from './redact.js';

/** What a pino logger configured as the apps' LoggerModule writes for one error log call. */
function logged(object: Record<string, unknown>): string {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(chunk.toString()), done()) });
  pino({ formatters: { log: (o: Record<string, unknown>) => redactDeep(o) as Record<string, unknown> } }, sink).error(
    object,
    'request failed',
  );
  return lines.join('');
}

describe('log redaction', () => {
  it("drops a failed query's parameters (customer text, phone numbers), keeping the query and the reason", () => {
    const error = new QueryFailedError(
      'INSERT INTO conversation_messages (text, counterpart_phone) VALUES ($1, $2)',
      ['my card is 4111', '+15551234567'],
      new Error('value too long'),
    );
    const line = logged({ err: error, path: '/api/v1/webhooks/meta' });
    expect(line).not.toContain('4111');
    expect(line).not.toContain('+15551234567');
    expect(line).toContain('INSERT INTO conversation_messages');
    expect(line).toContain('value too long');
  });

  it('censors secrets however deep they sit, and query strings in URLs', () => {
    const line = logged({
      request: {
        headers: { Authorization: 'Bearer eyJhbGciOi.secret' },
        channel: { credentials: { whatsapp: { access_token: 'EAAG-very-secret' } } },
      },
      calls: [{ url: 'https://graph.facebook.com/v21.0/me?access_token=EAAG-in-url', apiKey: 'sk-live-1' }],
      path: '/api/v1/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-in-path',
    });
    for (const secret of ['eyJhbGciOi', 'EAAG-very-secret', 'EAAG-in-url', 'sk-live-1', 'verify-in-path'])
      expect(line).not.toContain(secret);
    expect(line).toContain('https://graph.facebook.com/v21.0/me?[redacted]');
    expect(line).toContain('/api/v1/webhooks/meta?[redacted]');
  });

  it('survives cycles and very deep objects', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { token: 'deepest-secret' };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    const line = logged({ cyclic, deep });
    expect(line).toContain('[circular]');
    expect(line).not.toContain('deepest-secret');
  });
});
