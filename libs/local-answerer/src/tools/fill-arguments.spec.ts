import type { ToolIntent } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { todayOf } from './calendar.js';
import { fillArguments } from './fill-arguments.js';
import { readToolMessage } from './tool-message.js';
import type { ToolChoice, ToolTurnContext } from './tool-types.js';

/** Monday 7 December 2026. */
const TODAY = todayOf(new Date('2026-12-07T12:00:00Z'));

const tool = (intent: ToolIntent | null, properties: Record<string, unknown>, required: string[] = []): ToolChoice => ({
  name: 'tool',
  description: '',
  intent,
  parameters: { type: 'object', properties, required },
  requiresConfirmation: false,
});

const fill = (text: string, choice: ToolChoice, context: ToolTurnContext = {}, answering?: string[]) =>
  fillArguments({ message: readToolMessage(text), tool: choice, today: TODAY, context, answering });

describe('fillArguments: order status', () => {
  const orders = (schema: Record<string, unknown> = { type: 'string' }) =>
    tool('order_status', { order_number: schema, email: { type: 'string' } }, ['order_number']);

  it('puts the order reference in the property named for it', () => {
    expect(fill('where is my order 10423?', orders()).arguments).toEqual({ order_number: '10423' });
    expect(fill('Has order #A-10423 shipped?', orders()).arguments).toEqual({ order_number: 'A-10423' });
    expect(fill('where is my order?', orders()).arguments).toEqual({});
  });

  it("converts it to the property's type", () => {
    expect(fill('order #10423', orders({ type: 'integer' })).arguments).toEqual({ order_number: 10423 });
    expect(fill('order #A-10423', orders({ type: 'integer' })).arguments).toEqual({});
  });

  it("respects the schema's pattern, trying each reference in the message", () => {
    const digits = orders({ type: 'string', pattern: '^[0-9]{4,10}$' });
    expect(fill('order A-10423 or maybe 10423', digits).arguments).toEqual({ order_number: '10423' });
    expect(fill('order A-10423', digits)).toEqual({ arguments: {}, rejected: ['order_number'] });
  });

  it('fills other properties the message gives, and only properties the schema has', () => {
    expect(fill('order 10423, my email is ann@example.com', orders()).arguments).toEqual({
      order_number: '10423',
      email: 'ann@example.com',
    });
    expect(fill('order 10423', tool('order_status', { orderId: { type: 'string' } })).arguments).toEqual({
      orderId: '10423',
    });
  });
});

describe('fillArguments: booking', () => {
  const table = tool(
    'booking',
    {
      date: { type: 'string', format: 'date' },
      time: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
      party_size: { type: 'integer', minimum: 1, maximum: 12 },
      name: { type: 'string' },
    },
    ['date', 'time', 'party_size'],
  );

  it('reads the date, the time and the head count', () => {
    expect(fill('book a table for 4 tomorrow at 7pm', table).arguments).toEqual({
      date: '2026-12-08',
      time: '19:00',
      party_size: 4,
    });
  });

  it("takes the customer's name for the booking when the schema asks for one", () => {
    expect(fill('a table for 2 on Friday at 7', table, { customerName: ' Ann  Lee ' }).arguments).toEqual({
      date: '2026-12-11',
      time: '19:00',
      party_size: 2,
      name: 'Ann Lee',
    });
    expect(fill('table for 2, my name is Bob Stone', table, { customerName: 'Ann' }).arguments.name).toBe('Bob Stone');
  });

  it('leaves out a head count the schema refuses', () => {
    expect(fill('a table for 40 tomorrow', table)).toEqual({
      arguments: { date: '2026-12-08' },
      rejected: ['party_size'],
    });
  });

  it("writes the date as the schema's pattern wants it", () => {
    const slashes = tool('booking', { day: { type: 'string', pattern: '^\\d{2}/\\d{2}/\\d{4}$' } });
    expect(fill('tomorrow', slashes, { language: 'en-US' }).arguments).toEqual({ day: '12/08/2026' });
    expect(fill('demain', slashes, { language: 'fr' }).arguments).toEqual({ day: '08/12/2026' });
  });

  it('fills a date-time, with the UTC offset when the schema wants one and the time zone is known', () => {
    const at = tool('booking', { start: { type: 'string', format: 'date-time' } });
    expect(fill('friday at 3', at, { timeZone: 'America/New_York' }).arguments).toEqual({
      start: '2026-12-11T15:00:00-05:00',
    });
    expect(fill('friday at 3', at).arguments).toEqual({});
    const local = tool('booking', { when: { type: 'string' } });
    expect(fill('friday at 3', local).arguments).toEqual({ when: '2026-12-11T15:00:00' });
    const time = tool('booking', { time: { type: 'string', format: 'time' } });
    expect(fill('tomorrow at 7pm', time, { timeZone: 'Europe/Paris' }).arguments).toEqual({ time: '19:00:00+01:00' });
  });

  it('reads the service from the schema’s list, or from an obvious phrase', () => {
    const salon = tool('booking', {
      service: { type: 'string', enum: ['Haircut', 'Beard trim', 'Colour'] },
      date: { type: 'string' },
    });
    expect(fill('can I book a beard trim on Friday?', salon).arguments).toEqual({
      service: 'Beard trim',
      date: '2026-12-11',
    });
    const open = tool('booking', { service: { type: 'string' } });
    expect(fill('I want to book a massage for tomorrow', open).arguments).toEqual({ service: 'massage' });
    expect(fill('appointment for a deep tissue massage on friday', open).arguments).toEqual({
      service: 'deep tissue massage',
    });
    expect(fill("I'd like an appointment on Friday at 3", open).arguments).toEqual({});
  });

  it('reads a bare answer for the property asked for', () => {
    expect(fill('7', table, {}, ['time']).arguments).toEqual({ time: '19:00' });
    expect(fill('4', table, {}, ['party_size']).arguments).toEqual({ party_size: 4 });
    expect(fill('4', table).arguments).toEqual({});
    expect(fill('4 at 8pm', table, {}, ['party_size']).arguments).toEqual({ party_size: 4 });
    expect(fill("it's Ann Lee", table, {}, ['name']).arguments).toEqual({ name: 'Ann Lee' });
  });
});

describe('fillArguments: stock', () => {
  it('puts a code in the product property, else the product words', () => {
    const stock = tool('stock_check', { product: { type: 'string' } }, ['product']);
    expect(fill('do you have SKU BS-100 available?', stock).arguments).toEqual({ product: 'BS-100' });
    expect(fill('is the queen bedding set in stock?', stock).arguments).toEqual({ product: 'queen bedding set' });
    expect(fill('is it in stock?', stock).arguments).toEqual({});
  });

  it('splits the code and the words when the schema has a property for each', () => {
    const both = tool('stock_check', { sku: { type: 'string' }, product_name: { type: 'string' } });
    expect(fill('is the BS-100 queen set in stock?', both).arguments).toEqual({
      sku: 'BS-100',
      product_name: 'queen set',
    });
    expect(fill('is the queen set in stock?', both).arguments).toEqual({ product_name: 'queen set' });
  });

  it('picks a size or colour from the schema’s list, and a quantity', () => {
    const sized = tool('stock_check', {
      item: { type: 'string' },
      size: { type: 'string', enum: ['twin', 'full', 'queen', 'king'] },
      quantity: { type: 'integer' },
    });
    expect(fill('do you have 3 units of the king sheets in stock?', sized).arguments).toEqual({
      item: 'king sheets',
      size: 'king',
      quantity: 3,
    });
  });

  it('takes a one-letter choice only as a word written exactly so, and the earliest named', () => {
    const tee = tool('stock_check', { product: { type: 'string' }, size: { type: 'string', enum: ['S', 'M', 'L'] } });
    expect(fill('is the linen tee in size M in stock?', tee).arguments).toEqual({
      product: 'linen tee in size M',
      size: 'M',
    });
    expect(fill('is the linen tee in stock? I am a medium', tee).arguments).toEqual({ product: 'linen tee' });
    const colour = tool('stock_check', { colour: { type: 'string', enum: ['Navy Blue', 'White'] } });
    expect(fill('white or navy blue, whichever is in stock', colour).arguments).toEqual({ colour: 'White' });
  });

  it('takes a short answer whole for the product asked for', () => {
    const stock = tool('stock_check', { product: { type: 'string' } }, ['product']);
    expect(fill('the Cloud Duvet please', stock, {}, ['product']).arguments).toEqual({ product: 'Cloud Duvet' });
  });
});

describe('fillArguments: anything else', () => {
  it('reads contact details and answers for properties of no known role', () => {
    const other = tool(
      'order_status',
      { order_number: { type: 'string' }, postcode: { type: 'string' }, phone: { type: 'string' } },
      ['order_number', 'postcode'],
    );
    expect(fill('SW1A 1AA', other, {}, ['postcode']).arguments).toEqual({ postcode: 'SW1A 1AA' });
    expect(fill('call me on +44 20 7946 0958', other).arguments).toEqual({ phone: '+44 20 7946 0958' });
    const count = tool(null, { nights: { type: 'integer' } });
    expect(fill('3 nights', count, {}, ['nights']).arguments).toEqual({ nights: 3 });
  });

  it('does not take a question for an answer', () => {
    const other = tool('booking', { notes: { type: 'string' } });
    expect(fill('what are your hours?', other, {}, ['notes']).arguments).toEqual({});
  });
});
