import { describe, expect, it } from 'vitest';
import { propertiesOf } from './argument-schema.js';
import { askText, questionFor } from './ask-text.js';

const property = (name: string, schema: Record<string, unknown> = {}) =>
  propertiesOf({ properties: { [name]: schema }, required: [name] })[0]!;

describe('questionFor', () => {
  it('asks for each role in words', () => {
    expect(questionFor(property('order_number'), 'order', 'order_status', 'en')).toBe('What is your order number?');
    expect(questionFor(property('date'), 'date', 'booking', 'en')).toBe('For what date would you like to book?');
    expect(questionFor(property('time'), 'time', 'booking', 'en')).toBe('At what time would you like to book?');
    expect(questionFor(property('guests'), 'party', 'booking', 'en')).toBe('For how many people?');
    expect(questionFor(property('product'), 'product', 'stock_check', 'en')).toBe(
      'Which product would you like me to check?',
    );
    expect(questionFor(property('name'), 'name', 'booking', 'en')).toBe('What name should I put the booking under?');
    expect(questionFor(property('last_name'), 'name', 'order_status', 'en')).toBe('What is your name?');
  });

  it("asks for anything else by its description, else by its name's words", () => {
    expect(
      questionFor(property('zip', { description: 'The ZIP code of the delivery address.' }), 'other', null, 'en'),
    ).toBe('Could you tell me the ZIP code of the delivery address?');
    expect(questionFor(property('postCode'), 'other', null, 'en')).toBe('What is your post code?');
    expect(questionFor(property('postCode'), 'other', null, 'es')).toBe('¿Me indicas post code?');
    expect(questionFor(property('x', { description: 'a'.repeat(300) }), 'other', null, 'en').length).toBeLessThan(160);
  });

  it("asks in the agent's language", () => {
    expect(questionFor(property('order_id'), 'order', 'order_status', 'es')).toBe('¿Cuál es tu número de pedido?');
    expect(questionFor(property('date'), 'date', 'booking', 'fr')).toBe('Pour quelle date souhaitez-vous réserver ?');
    expect(questionFor(property('party'), 'party', 'booking', 'pt')).toBe('Para quantas pessoas?');
    expect(questionFor(property('sku'), 'sku', 'stock_check', 'de')).toBe('Wie lautet die Artikelnummer (SKU)?');
  });
});

describe('askText', () => {
  const order = property('order_number');

  it('offers help, naming the customer, then asks', () => {
    expect(
      askText({ property: order, role: 'order', intent: 'order_status', language: 'en', customerName: 'Ann Lee' }),
    ).toBe('I can look up your order, Ann. What is your order number?');
    expect(askText({ property: property('date'), role: 'date', intent: 'booking', language: 'es' })).toBe(
      'Puedo ayudarte a reservar. ¿Para qué fecha quieres reservar?',
    );
  });

  it('thanks the customer for a partial answer', () => {
    expect(
      askText({ property: property('time'), role: 'time', intent: 'booking', language: 'en', followUp: true }),
    ).toBe('Thanks. At what time would you like to book?');
  });

  it('says when the value given does not look valid', () => {
    expect(askText({ property: order, role: 'order', intent: 'order_status', language: 'en', invalid: true })).toBe(
      "Sorry, that doesn't look like a valid order number. What is your order number?",
    );
    expect(askText({ property: property('zip'), role: 'other', intent: null, language: 'en', invalid: true })).toBe(
      "Sorry, that doesn't look like a valid zip. What is your zip?",
    );
    expect(askText({ property: order, role: 'order', intent: 'order_status', language: 'de', invalid: true })).toBe(
      'Entschuldigung, diese Angabe scheint nicht gültig zu sein. Wie lautet Ihre Bestellnummer?',
    );
  });
});
