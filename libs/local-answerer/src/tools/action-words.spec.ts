import type { ToolIntent } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { actionWords, say } from './action-words.js';
import type { ToolChoice } from './tool-types.js';

const tool = (
  name: string,
  intent: ToolIntent | null,
  properties: Record<string, unknown>,
  description = '',
): ToolChoice => ({
  name,
  description,
  intent,
  parameters: { type: 'object', properties },
  requiresConfirmation: true,
});

const TABLE = tool('book_table', 'booking', { date: {}, time: {}, party_size: {}, name: {} });
const SALON = tool('book_appointment', 'booking', { service: {}, start: {} }, 'Books an appointment at the salon');
const ORDER = tool('order_status', 'order_status', { order_number: {} });
const STOCK = tool('check_stock', 'stock_check', { sku: {} });
const CANCEL = tool('cancel_order', null, { order_number: {}, reason: {} });

describe('actionWords', () => {
  it('says a booking with its arguments', () => {
    const args = { date: '2026-12-08', time: '19:00', party_size: 4 };
    expect(say(actionWords(TABLE, args, 'en').full, 'en')).toBe('book a table for 4 on 2026-12-08 at 19:00');
    expect(say(actionWords(TABLE, { ...args, name: 'Ann Lee' }, 'en').full, 'en')).toBe(
      'book a table for 4 on 2026-12-08 at 19:00 under the name Ann Lee',
    );
    expect(say(actionWords(SALON, { service: 'haircut', start: '2026-12-11T15:00:00-05:00' }, 'en').full, 'en')).toBe(
      'book a haircut on 2026-12-11 at 15:00',
    );
    expect(say(actionWords(tool('reserve', 'booking', { guests: {} }), { guests: 1 }, 'en').full, 'en')).toBe(
      'make a booking for 1 person',
    );
    expect(actionWords(TABLE, args, 'en').short).toEqual({ verb: 'make', object: 'the booking' });
  });

  it('says a booking in the other languages, the German verb last', () => {
    const args = { date: '2026-12-08', time: '19:00', party_size: 4 };
    expect(say(actionWords(TABLE, args, 'es').full, 'es')).toBe(
      'reservar una mesa para 4 personas el 2026-12-08 a las 19:00',
    );
    expect(say(actionWords(TABLE, args, 'fr').full, 'fr')).toBe(
      'réserver une table pour 4 personnes le 2026-12-08 à 19:00',
    );
    expect(say(actionWords(TABLE, args, 'pt').full, 'pt')).toBe(
      'reservar uma mesa para 4 pessoas em 2026-12-08 às 19:00',
    );
    expect(say(actionWords(TABLE, args, 'de').full, 'de')).toBe(
      'einen Tisch für 4 Personen am 2026-12-08 um 19:00 buchen',
    );
  });

  it('says an order lookup and a stock check, and what they are about', () => {
    expect(actionWords(ORDER, { order_number: '10423' }, 'en')).toMatchObject({
      full: { verb: 'look up', object: 'your order 10423' },
      short: { verb: 'look up', object: 'your order' },
      about: '10423',
    });
    expect(say(actionWords(STOCK, { sku: 'BS-100' }, 'en').full, 'en')).toBe('check whether BS-100 is in stock');
    expect(say(actionWords(STOCK, { sku: 'BS-100' }, 'de').full, 'de')).toBe('prüfen, ob BS-100 auf Lager ist');
    expect(actionWords(STOCK, {}, 'en').about).toBeUndefined();
  });

  it("says another tool by its name's words, with its arguments", () => {
    const words = actionWords(CANCEL, { order_number: '10423', reason: 'too late', extra: { a: 1 } }, 'en');
    expect(say(words.full, 'en')).toBe('cancel the order (order number: 10423, reason: too late)');
    expect(say(words.short, 'en')).toBe('cancel the order');
    expect(words.subject).toBe('the request to cancel the order');
    expect(say(actionWords(tool('loyalty_points', null, {}), {}, 'en').short, 'en')).toBe('get the loyalty points');
    expect(say(actionWords(CANCEL, {}, 'es').short, 'es')).toBe('realizar la acción «cancel order»');
  });

  it('clips long argument values and ignores arguments that are not an object', () => {
    const long = 'x'.repeat(200);
    expect(say(actionWords(CANCEL, { reason: long }, 'en').full, 'en').length).toBeLessThan(120);
    expect(say(actionWords(ORDER, null as never, 'en').full, 'en')).toBe('look up your order');
  });
});
