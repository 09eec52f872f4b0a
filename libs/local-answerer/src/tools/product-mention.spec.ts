import { describe, expect, it } from 'vitest';
import { couldBeProduct, productMention } from './product-mention.js';
import { readToolMessage } from './tool-message.js';

const mentionOf = (text: string, answering = false) => productMention(readToolMessage(text), answering);

describe('productMention', () => {
  it("takes the product's words between the question's, as written", () => {
    expect(mentionOf('is the queen bedding set in stock?')).toEqual({ codes: [], phrase: 'queen bedding set' });
    expect(mentionOf('Is the Cloud Duvet available?')).toEqual({ codes: [], phrase: 'Cloud Duvet' });
    expect(mentionOf('do you still have the linen duvet cover in stock')).toEqual({
      codes: [],
      phrase: 'linen duvet cover',
    });
    expect(mentionOf('any king sheets left?').phrase).toBe('king sheets');
    expect(mentionOf('Do you have any left of the linen sheets?').phrase).toBe('linen sheets');
    expect(mentionOf('How many of the grey towels do you have left?').phrase).toBe('grey towels');
    expect(mentionOf('do you have 3 units of the king sheets in stock?').phrase).toBe('king sheets');
    expect(mentionOf('when will the weighted blanket be back in stock?').phrase).toBe('weighted blanket');
    expect(mentionOf('can you check the stock of bamboo pillows').phrase).toBe('bamboo pillows');
    expect(mentionOf('¿Tienen el juego de cama queen en stock?').phrase).toBe('juego de cama queen');
    expect(mentionOf('¿Está disponible el edredón nórdico?').phrase).toBe('edredón nórdico');
    expect(mentionOf('Avez-vous la couette en stock ?').phrase).toBe('couette');
    expect(mentionOf('Ist die Bettdecke auf Lager?').phrase).toBe('Bettdecke');
  });

  it('gives a code rather than the words around it', () => {
    expect(mentionOf('do you have SKU BS-100 available?')).toEqual({ codes: ['BS-100'] });
    expect(mentionOf('is BS-100 in stock')).toEqual({ codes: ['BS-100'] });
    expect(mentionOf('is the BS-100 queen set available')).toEqual({ codes: ['BS-100'], phrase: 'queen set' });
  });

  it('names no product in questions about services, people or times', () => {
    expect(mentionOf('Is delivery available?')).toEqual({ codes: [] });
    expect(mentionOf('are you available on Sunday?')).toEqual({ codes: [] });
    expect(mentionOf('is it available')).toEqual({ codes: [] });
  });

  it('takes a short answer whole when the message answers which product', () => {
    expect(mentionOf("it's the queen bedding set", true).phrase).toBe('queen bedding set');
    expect(mentionOf('Cloud Duvet please', true).phrase).toBe('Cloud Duvet');
    expect(mentionOf('what are your hours?', true).phrase).toBeUndefined();
    expect(mentionOf('the blue one', true).phrase).toBeUndefined();
    expect(mentionOf('one two three four five six seven eight nine ten', true).phrase).toBeUndefined();
    expect(mentionOf('the queen bedding set', false).phrase).toBeUndefined();
  });

  it('tells words that could name a product', () => {
    expect(couldBeProduct(['queen', 'sheets'])).toBe(true);
    expect(couldBeProduct(['delivery'])).toBe(false);
    expect(couldBeProduct([])).toBe(false);
  });
});
