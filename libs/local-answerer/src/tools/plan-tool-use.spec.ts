import type { ToolIntent } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { planToolUse, type PlanToolUseInput } from './plan-tool-use.js';
import type { ToolChoice } from './tool-types.js';

/** Monday 7 December 2026, noon UTC. */
const NOW = new Date('2026-12-07T12:00:00Z');

const tool = (
  name: string,
  intent: ToolIntent | null,
  properties: Record<string, unknown>,
  required: string[],
): ToolChoice => ({
  name,
  description: `The ${name} tool`,
  intent,
  parameters: { type: 'object', properties, required, additionalProperties: false },
  requiresConfirmation: intent === 'booking',
});

const ORDER_STATUS = tool(
  'order_status',
  'order_status',
  { order_number: { type: 'string', pattern: '^[0-9]{4,10}$', description: 'The order number' } },
  ['order_number'],
);
const BOOK_TABLE = tool(
  'book_table',
  'booking',
  {
    date: { type: 'string', format: 'date' },
    time: { type: 'string' },
    party_size: { type: 'integer', minimum: 1, maximum: 20 },
    notes: { type: 'string' },
  },
  ['date', 'time', 'party_size'],
);
const CHECK_STOCK = tool('check_stock', 'stock_check', { product: { type: 'string' } }, ['product']);
const CANCEL_ORDER = tool('cancel_order', null, { order_number: { type: 'string' } }, ['order_number']);
const ALL = [CANCEL_ORDER, ORDER_STATUS, BOOK_TABLE, CHECK_STOCK];

const plan = (text: string, extra: Partial<PlanToolUseInput> = {}) =>
  planToolUse({ text, tools: ALL, now: NOW, ...extra });

describe('planToolUse: a new request', () => {
  it('calls the tool for the request with the arguments the message gives', () => {
    expect(plan('where is my order 10423?')).toEqual({
      kind: 'call',
      tool: 'order_status',
      arguments: { order_number: '10423' },
    });
    expect(plan('book a table for 4 tomorrow at 7pm')).toEqual({
      kind: 'call',
      tool: 'book_table',
      arguments: { date: '2026-12-08', time: '19:00', party_size: 4 },
    });
    expect(plan('is the queen bedding set in stock?')).toEqual({
      kind: 'call',
      tool: 'check_stock',
      arguments: { product: 'queen bedding set' },
    });
    expect(plan('do you have SKU BS-100 available?')).toEqual({
      kind: 'call',
      tool: 'check_stock',
      arguments: { product: 'BS-100' },
    });
  });

  it('asks for the first required argument the message lacks', () => {
    expect(plan('track my package', { customerName: 'Ann Lee' })).toEqual({
      kind: 'ask',
      tool: 'order_status',
      arguments: {},
      missing: ['order_number'],
      text: 'I can look up your order, Ann. What is your order number?',
    });
    expect(plan("I'd like a table for 2 on Friday")).toEqual({
      kind: 'ask',
      tool: 'book_table',
      arguments: { date: '2026-12-11', party_size: 2 },
      missing: ['time'],
      text: 'I can help you book that. At what time would you like to book?',
    });
    expect(plan('can I book a table?')).toMatchObject({
      kind: 'ask',
      missing: ['date', 'time', 'party_size'],
      text: 'I can help you book that. For what date would you like to book?',
    });
  });

  it('says so when the value given does not fit the schema', () => {
    expect(plan('Has order #A-10423 shipped?')).toEqual({
      kind: 'ask',
      tool: 'order_status',
      arguments: {},
      missing: ['order_number'],
      text: "Sorry, that doesn't look like a valid order number. What is your order number?",
    });
  });

  it("asks in the agent's language, English when it is not supported", () => {
    expect(plan('¿Dónde está mi pedido?', { language: 'es-MX' })).toMatchObject({
      kind: 'ask',
      text: 'Puedo consultar tu pedido. ¿Cuál es tu número de pedido?',
    });
    expect(plan('où est ma commande ?', { language: 'fr' })).toMatchObject({
      text: 'Je peux vérifier votre commande. Quel est votre numéro de commande ?',
    });
    expect(plan('where is my order?', { language: 'ja' })).toMatchObject({
      text: 'I can look up your order. What is your order number?',
    });
  });

  it('does nothing for messages that are not such requests', () => {
    for (const text of [
      'what are your hours?',
      'hello',
      'how much is the queen bedding set?',
      'I ordered the wrong size, can I return it?',
      'Do you take reservations?',
      'Is delivery available?',
      '10423',
      '',
    ]) {
      expect(plan(text), text).toEqual({ kind: 'none' });
    }
  });

  it('does nothing when no tool serves the request', () => {
    expect(planToolUse({ text: 'where is my order 10423?', tools: [BOOK_TABLE, CANCEL_ORDER], now: NOW })).toEqual({
      kind: 'none',
    });
    expect(planToolUse({ text: 'book a table for 2 at 8pm', tools: [CHECK_STOCK], now: NOW })).toEqual({
      kind: 'none',
    });
    expect(planToolUse({ text: 'where is my order 10423?', tools: [], now: NOW })).toEqual({ kind: 'none' });
  });

  it('takes the first tool of the right kind', () => {
    const other = { ...ORDER_STATUS, name: 'track_order' };
    expect(planToolUse({ text: 'order 10423 status', tools: [other, ORDER_STATUS], now: NOW })).toMatchObject({
      tool: 'track_order',
    });
  });

  it('counts days from now in the time zone given, and from the current time by default', () => {
    const lateSunday = new Date('2026-12-07T03:00:00Z');
    expect(
      planToolUse({
        text: 'a table for 2 tomorrow at 8pm',
        tools: [BOOK_TABLE],
        now: lateSunday,
        timeZone: 'America/New_York',
      }),
    ).toMatchObject({ arguments: { date: '2026-12-07' } });
    expect(planToolUse({ text: 'a table for 2 today at 8pm', tools: [BOOK_TABLE] })).toMatchObject({ kind: 'call' });
  });
});

describe('planToolUse: after the agent asked for an argument', () => {
  const waitingForOrder = { tool: 'order_status', arguments: {}, missing: ['order_number'] };
  const waitingForTime = {
    tool: 'book_table',
    arguments: { date: '2026-12-08', party_size: 4 },
    missing: ['time'],
  };

  it('reads the message as the answer, and calls when nothing required is missing', () => {
    expect(plan('10423', { pending: waitingForOrder })).toEqual({
      kind: 'call',
      tool: 'order_status',
      arguments: { order_number: '10423' },
    });
    expect(plan("it's #10423", { pending: waitingForOrder })).toMatchObject({
      kind: 'call',
      arguments: { order_number: '10423' },
    });
    expect(plan('7pm', { pending: waitingForTime })).toEqual({
      kind: 'call',
      tool: 'book_table',
      arguments: { date: '2026-12-08', party_size: 4, time: '19:00' },
    });
    expect(plan('8', { pending: waitingForTime })).toMatchObject({ kind: 'call', arguments: { time: '08:00' } });
  });

  it('keeps what was already known over what the message seems to say', () => {
    expect(plan('at 7 for 6', { pending: waitingForTime })).toMatchObject({
      kind: 'call',
      arguments: { date: '2026-12-08', party_size: 4, time: '19:00' },
    });
  });

  it('asks again for what is still missing, thanking the customer', () => {
    const waitingForAll = { tool: 'book_table', arguments: {}, missing: ['date', 'time', 'party_size'] };
    expect(plan('tomorrow', { pending: waitingForAll, customerName: 'Ann' })).toEqual({
      kind: 'ask',
      tool: 'book_table',
      arguments: { date: '2026-12-08' },
      missing: ['time', 'party_size'],
      text: 'Thanks, Ann. At what time would you like to book?',
    });
    expect(plan('tomorrow at 7pm', { pending: waitingForAll })).toMatchObject({
      kind: 'ask',
      missing: ['party_size'],
      text: 'Thanks. For how many people?',
    });
  });

  it('asks again when the answer does not fit the schema', () => {
    expect(plan('it is A-10423', { pending: waitingForOrder })).toEqual({
      kind: 'ask',
      tool: 'order_status',
      arguments: {},
      missing: ['order_number'],
      text: "Sorry, that doesn't look like a valid order number. What is your order number?",
    });
  });

  it('reads a message that answers nothing afresh', () => {
    expect(plan('what are your hours?', { pending: waitingForOrder })).toEqual({ kind: 'none' });
    expect(plan('never mind', { pending: waitingForOrder })).toEqual({ kind: 'none' });
    expect(plan('no thanks', { pending: waitingForTime })).toEqual({ kind: 'none' });
    expect(plan('is BS-100 in stock?', { pending: waitingForOrder })).toEqual({
      kind: 'call',
      tool: 'check_stock',
      arguments: { product: 'BS-100' },
    });
  });

  it('reads the answer for a product, a name or any other property whole when short', () => {
    const waitingForProduct = { tool: 'check_stock', arguments: {}, missing: ['product'] };
    expect(plan('the Cloud Duvet', { pending: waitingForProduct })).toEqual({
      kind: 'call',
      tool: 'check_stock',
      arguments: { product: 'Cloud Duvet' },
    });
    expect(plan('hello', { pending: waitingForProduct })).toEqual({ kind: 'none' });
    expect(plan('the blue one', { pending: waitingForProduct })).toEqual({ kind: 'none' });
  });

  it('reads loosely only the argument asked for: a yes or a hello is no name', () => {
    const NAMED_TABLE = {
      ...BOOK_TABLE,
      parameters: {
        type: 'object',
        properties: { party_size: { type: 'integer' }, name: { type: 'string' } },
        required: ['party_size', 'name'],
      },
    };
    const waiting = { tool: 'book_table', arguments: {}, missing: ['party_size', 'name'] };
    const withName = (text: string) => planToolUse({ text, tools: [NAMED_TABLE], now: NOW, pending: waiting });
    expect(withName('yes')).toEqual({ kind: 'none' });
    expect(withName('hello')).toEqual({ kind: 'none' });
    expect(withName('4')).toMatchObject({ kind: 'ask', arguments: { party_size: 4 }, missing: ['name'] });
    expect(withName('for 4, name is Ann')).toEqual({
      kind: 'call',
      tool: 'book_table',
      arguments: { party_size: 4, name: 'Ann' },
    });
    expect(
      planToolUse({
        text: 'Ann Lee',
        tools: [NAMED_TABLE],
        now: NOW,
        pending: { tool: 'book_table', arguments: { party_size: 4 }, missing: ['name'] },
      }),
    ).toEqual({ kind: 'call', tool: 'book_table', arguments: { party_size: 4, name: 'Ann Lee' } });
  });

  it('plans afresh when the tool waited for is gone', () => {
    expect(plan('10423', { pending: { tool: 'gone', arguments: {}, missing: ['x'] } })).toEqual({ kind: 'none' });
  });

  it('works out what is missing when the request does not say', () => {
    expect(plan('10423', { pending: { tool: 'order_status', arguments: {}, missing: [] } })).toMatchObject({
      kind: 'call',
      arguments: { order_number: '10423' },
    });
  });
});
