import type { ConnectTurnRequest } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { parseConnectTurn, parseConnectTurnRequest } from './connect-turn.js';
import { WebhookPayloadError } from './errors.js';
import { MAX_TEXT_LENGTH } from './limits.js';

const turn: ConnectTurnRequest = {
  agent_id: '3f6c2a1e-8b7d-4c59-9e21-6a0b5d4c3e2f',
  contact_id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  channel: 'voice',
  caller: '+233201234567',
  dialed: '+18005550199',
  utterance: 'Are you open on Sunday?',
  timestamp: '2026-03-14T09:26:53.589Z',
};

function errorOf(run: () => unknown): WebhookPayloadError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(WebhookPayloadError);
    return err as WebhookPayloadError;
  }
  throw new Error('expected a WebhookPayloadError');
}

describe('parseConnectTurn', () => {
  it('makes the turn a message from the caller to the dialed number', () => {
    expect(parseConnectTurn(turn)).toStrictEqual({
      kind: 'message',
      channel: 'voice',
      businessAccountId: '+18005550199',
      platformMessageId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d:2026-03-14T09:26:53.589Z',
      sender: { id: '+233201234567', phone: '+233201234567' },
      text: 'Are you open on Sunday?',
      sentAt: '2026-03-14T09:26:53.589Z',
    });
  });

  it('accepts SMS turns, the empty first turn of a call and an offset timestamp', () => {
    expect(parseConnectTurn({ ...turn, channel: 'sms' })).toMatchObject({ channel: 'sms' });
    expect(parseConnectTurn({ ...turn, utterance: '' })).toMatchObject({ text: '' });
    expect(parseConnectTurn({ ...turn, timestamp: '2026-03-14T10:26:53+01:00' })).toMatchObject({
      sentAt: '2026-03-14T09:26:53.000Z',
      platformMessageId: `${turn.contact_id}:2026-03-14T10:26:53+01:00`,
    });
  });

  it.each([null, undefined, '', 'anonymous', 'Restricted', 'PRIVATE', 'unknown'])(
    'answers a withheld number (caller %j) as the contact: anonymous, linked to nothing',
    (caller) => {
      const body: Record<string, unknown> = { ...turn, caller };
      if (caller === undefined) delete body.caller;
      expect(parseConnectTurnRequest(body).caller).toBeNull();
      expect(parseConnectTurn(body)).toMatchObject({ sender: { id: `contact:${turn.contact_id}` } });
      expect(parseConnectTurn(body).sender).not.toHaveProperty('phone');
    },
  );

  it('returns the validated request for the agent id', () => {
    expect(parseConnectTurnRequest({ ...turn, extra: 'ignored' })).toStrictEqual(turn);
  });

  it('truncates an over-long utterance', () => {
    expect(parseConnectTurn({ ...turn, utterance: 'a'.repeat(MAX_TEXT_LENGTH + 10) }).text).toHaveLength(
      MAX_TEXT_LENGTH,
    );
  });

  it.each([
    ['agent_id', undefined, 'agent_id is missing'],
    ['agent_id', '', 'agent_id is empty'],
    ['agent_id', 'agent 1', 'agent_id must be an id (letters, digits, "-", "_" or ".", at most 128)'],
    ['contact_id', 42, 'contact_id must be a string'],
    ['contact_id', 'x'.repeat(129), 'contact_id must be an id (letters, digits, "-", "_" or ".", at most 128)'],
    ['channel', 'whatsapp', 'channel must be "voice" or "sms"'],
    ['caller', 42, 'caller must be a string'],
    ['caller', '0201234567', 'caller must be an E.164 phone number (+ and 7 to 15 digits)'],
    ['caller', '+0201234567', 'caller must be an E.164 phone number (+ and 7 to 15 digits)'],
    ['dialed', '+1800555019912345', 'dialed must be an E.164 phone number (+ and 7 to 15 digits)'],
    ['dialed', 'anonymous', 'dialed must be an E.164 phone number (+ and 7 to 15 digits)'],
    ['utterance', undefined, 'utterance is missing'],
    ['utterance', ['hi'], 'utterance must be a string'],
    ['timestamp', '2026-03-14', 'timestamp must be an ISO 8601 date and time with a zone'],
    ['timestamp', '2026-03-14T09:26:53', 'timestamp must be an ISO 8601 date and time with a zone'],
    ['timestamp', '2026-13-45T09:26:53Z', 'timestamp must be an ISO 8601 date and time with a zone'],
    ['timestamp', 1773480413, 'timestamp must be a string'],
  ])('refuses %s = %j', (field, value, message) => {
    const body: Record<string, unknown> = { ...turn, [field]: value };
    if (value === undefined) delete body[field];
    const err = errorOf(() => parseConnectTurn(body));
    expect(err.message).toBe(message);
    expect(err.field).toBe(field);
  });

  it('refuses a body that is not an object', () => {
    expect(errorOf(() => parseConnectTurn('{"agent_id":"x"}')).message).toBe('payload must be a JSON object');
  });
});
