import { describe, expect, it } from 'vitest';
import { MAX_RESULT_CHARS, resultText, type ResultInput } from './result-text.js';

const text = (result: unknown, extra: Partial<ResultInput> = {}) =>
  resultText({ intent: null, arguments: {}, language: 'en', ...extra, result: result as Record<string, unknown> });

describe('resultText', () => {
  it("uses the backend's own words verbatim", () => {
    expect(text({ message: 'Your order left our warehouse today.', status: 'shipped' })).toBe(
      'Your order left our warehouse today.',
    );
    expect(text({ reply: ' Booked! ' })).toBe('Booked!');
    expect(text({ Summary: 'All good.' })).toBe('All good.');
    expect(text({ message: '', text: 'Fallback text.' })).toBe('Fallback text.');
    expect(text({ message: 'word '.repeat(200) })!.length).toBeLessThanOrEqual(MAX_RESULT_CHARS + 3);
  });

  it('tells an order status first, then the other fields in words', () => {
    const order = { intent: 'order_status' as const, subject: '10423', arguments: { order_number: '10423' } };
    expect(text({ status: 'shipped', carrier: 'UPS', estimated_delivery: '2026-12-10' }, order)).toBe(
      'Your order 10423 has shipped. Carrier: UPS. Estimated delivery: 2026-12-10.',
    );
    expect(text({ order_number: '10423', status: 'delivered' }, order)).toBe('Your order 10423 has been delivered.');
    expect(text({ status: 'processing' }, order)).toBe('Your order 10423 is processing.');
    expect(text({ status: 'out for delivery' }, { ...order, subject: undefined })).toBe(
      'Your order is out for delivery.',
    );
    expect(text({ status: 'in_transit', eta: '2026-12-10' }, order)).toBe(
      'Status of your order 10423: in_transit. ETA: 2026-12-10.',
    );
    expect(text({ status: 'shipped' }, { ...order, language: 'es' })).toBe('Estado de tu pedido 10423: shipped.');
    expect(text({ status: 'shipped', carrier: 'UPS' }, { ...order, language: 'fr' })).toBe(
      'Statut de votre commande 10423 : shipped. Carrier : UPS.',
    );
  });

  it('tells a booking status', () => {
    expect(text({ status: 'confirmed', booking_id: 'B-77' }, { intent: 'booking' })).toBe(
      'Your booking is confirmed. Booking ID: B-77.',
    );
    expect(text({ state: 'CONF-1' }, { intent: 'booking', language: 'de' })).toBe('Status Ihrer Buchung: CONF-1.');
  });

  it('tells whether a product is in stock, and how many', () => {
    const stock = { intent: 'stock_check' as const, subject: 'BS-100' };
    expect(text({ in_stock: true, quantity: 12 }, stock)).toBe(
      'Good news: BS-100 is in stock. Quantity available: 12.',
    );
    expect(text({ name: 'Queen Bedding Set', available: false, restock_date: '2026-12-20' }, stock)).toBe(
      'Sorry, Queen Bedding Set is out of stock right now. Restock date: 2026-12-20.',
    );
    expect(text({ quantity: 0 }, { ...stock, subject: undefined })).toBe('Sorry, it is out of stock right now.');
    expect(text({ inStock: true }, { ...stock, language: 'pt' })).toBe('Boa notícia: BS-100 está em estoque.');
  });

  it('says lists and objects by a few of their values, and booleans in words', () => {
    expect(
      text({
        items: [{ name: 'Pillow', qty: 2 }, { sku: 'BS-100' }, { qty: 1 }, { name: 'Duvet' }],
        address: { line1: '1 Main St', city: 'Springfield', zip: '12345', country: 'US' },
        tags: ['a', 'b', 'c', 'd'],
        gift: true,
        empty: [],
        nothing: null,
      }),
    ).toBe('Items: Pillow, BS-100, 1. Address: 1 Main St, Springfield, 12345. Tags: a, b, c. Gift: yes.');
  });

  it('leaves out private fields and the arguments echoed back', () => {
    expect(text({ _internal: 'x', order_number: 10423, status: 'ok' }, { arguments: { order_number: 10423 } })).toBe(
      'Status: ok.',
    );
  });

  it('says nothing about an empty or missing result', () => {
    expect(text(undefined)).toBeUndefined();
    expect(text({})).toBeUndefined();
    expect(text([1, 2])).toBeUndefined();
    expect(text({ nested: { deeper: { x: 1 } } })).toBeUndefined();
  });

  it('stays within about 400 characters', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field_${i}`, 'value '.repeat(15)]));
    const said = text({ status: 'shipped', ...many }, { intent: 'order_status' })!;
    expect(said.startsWith('Your order has shipped.')).toBe(true);
    expect(said.length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
  });
});
