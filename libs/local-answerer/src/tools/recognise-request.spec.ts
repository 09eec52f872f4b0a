import { describe, expect, it } from 'vitest';
import { recogniseToolIntents } from './recognise-request.js';

const intentsOf = (text: string) => recogniseToolIntents(text);
const each = (texts: string[], expected: string[]) => {
  for (const text of texts) expect(intentsOf(text), text).toEqual(expected);
};

describe('recogniseToolIntents: order status', () => {
  it('recognises customers asking where their order is, in English', () => {
    each(
      [
        'where is my order 10423?',
        "Where's my package??",
        'wheres my order',
        'Track my package',
        'can you track my order please',
        'Has order #A-10423 shipped?',
        'has order 10423 shipped',
        'status of my order',
        'What is the status of order 55012?',
        'Order status',
        'any update on my order?',
        "My order still hasn't arrived",
        'my parcel never arrived',
        "I haven't received my order yet",
        'When will my order arrive?',
        'is my delivery late?',
        "what's my tracking number",
        'hi, my order number is 10423, when is it coming?',
        'Did my last order ship?',
        "Hi, I placed an order last week and it still hasn't come",
        "the book I ordered hasn't arrived",
        "I've been waiting 2 weeks for my order",
        'my order number is 10423',
        'Order #55012 - any news?',
        'Can you check order 10423 for me?',
      ],
      ['order_status'],
    );
  });

  it('recognises the key phrases in Spanish, French, Portuguese and German', () => {
    each(
      [
        '¿Dónde está mi pedido 10423?',
        'quiero saber el estado de mi pedido',
        'mi pedido no ha llegado',
        'Où est ma commande ?',
        'je voudrais suivre mon colis',
        'ma commande n’est toujours pas arrivée',
        'Onde está meu pedido?',
        'quero rastrear minha encomenda',
        'meu pedido ainda não chegou',
        'Wo ist meine Bestellung?',
        'Ich möchte meine Bestellung verfolgen',
        'mein Paket ist noch nicht angekommen',
      ],
      ['order_status'],
    );
  });

  it('does not take other business about an order, or statements, for a status request', () => {
    each(
      [
        'I ordered the wrong size, can I return it?',
        'I want to return my order',
        'please cancel my order 10423',
        'Can I change my order?',
        'My package arrived, thanks!',
        'How do I place an order?',
        'Do you ship to Canada?',
        'How long does delivery take?',
        'How much is shipping on my order?',
        'My order arrived damaged',
        'I want to order 3 pillows',
        'Thanks, my order arrived today!',
        'I need help with my order',
        'Can I pick up my order in store?',
        'Can I add an item to my order?',
        'Has my refund been processed?',
        'quiero devolver mi pedido',
        'je veux annuler ma commande',
      ],
      [],
    );
  });
});

describe('recogniseToolIntents: booking', () => {
  it('recognises booking requests', () => {
    each(
      [
        'book a table for 4 tomorrow at 7pm',
        "I'd like an appointment on Friday at 3",
        'can I reserve a table for two?',
        'Can I book for Saturday?',
        'I want to book a haircut',
        'could we get a table for 6 tonight',
        'I need an appointment next week',
        'make a reservation for 2 at 8',
        'table for 4 at 7:30 please',
        'Any appointments available on Friday?',
        'How do I book?',
        'schedule a consultation for Monday',
        'Quisiera reservar una mesa para 4 mañana a las 8',
        'quiero una cita para el viernes',
        'Je voudrais réserver une table pour deux ce soir',
        'je voudrais prendre rendez-vous',
        'Gostaria de marcar uma consulta na sexta',
        'queria fazer uma reserva para 4 pessoas',
        'Ich möchte einen Tisch für 4 reservieren',
        'ich brauche einen Termin am Freitag',
        'Can you fit me in on Thursday at 2pm?',
        'When is the next available appointment?',
        'Do you have rooms available on the 24th?',
        'Do you have any tables free tonight for 6?',
      ],
      ['booking'],
    );
  });

  it('does not take questions about booking, changes to a booking or the word "book" for a booking', () => {
    each(
      [
        'Do you take reservations?',
        'Do I need an appointment?',
        'is a reservation required?',
        'I need to cancel my booking',
        'can I reschedule my appointment to Friday?',
        'do you have the book Dune?',
        'I loved the book you recommended',
        'what is your schedule for the holidays?',
        'what are your hours?',
        'Are you open Friday at 3?',
        'Do I need to book?',
        'How far in advance should I book?',
        'I want to cancel my reservation for tonight',
        'Can I move my booking to 8pm?',
      ],
      [],
    );
  });
});

describe('recogniseToolIntents: stock', () => {
  it('recognises stock questions', () => {
    each(
      [
        'is the queen bedding set in stock?',
        'do you have SKU BS-100 available?',
        'Is the Cloud Duvet available?',
        'are the blue towels out of stock?',
        'is BS-100 available',
        'any king sheets left?',
        'do you still have the linen duvet cover?',
        'when will the weighted blanket be back in stock?',
        'Do you have the queen set in stock',
        '¿Tienen el juego de cama queen en stock?',
        '¿Está disponible el edredón nórdico?',
        'Avez-vous la couette en stock ?',
        'Vocês têm o lençol king em estoque?',
        'Ist die Bettdecke auf Lager?',
        'Do you have any left of the linen sheets?',
        'How many of the grey towels do you have left?',
        'hey do you guys have bs100 in stock',
      ],
      ['stock_check'],
    );
  });

  it('does not take other uses of "available" or catalog questions for a stock check', () => {
    each(
      [
        'Is delivery available?',
        'are you available on Sunday?',
        'is the manager available?',
        'is parking available',
        'Is financing available?',
        'what are your hours?',
        'hello',
        'how much is the queen bedding set?',
        'do you sell pillows?',
        'do you have gift cards?',
        'Is Dr Smith available on Monday?',
        'Is the store available for private events?',
        'Do you have the queen sheets in blue?',
      ],
      [],
    );
  });
});

describe('recogniseToolIntents', () => {
  it('reads nothing into greetings, thanks, hours or price questions', () => {
    each(['hi there', 'thanks!', 'What are your hours?', 'How much is it?', '', '10423', 'yes'], []);
  });

  it('gives every request a message makes, the order status first', () => {
    expect(intentsOf('where is my order 10423? also is BS-100 in stock?')).toEqual(['order_status', 'stock_check']);
  });

  it('takes a read message as well as text', async () => {
    const { readToolMessage } = await import('./tool-message.js');
    expect(recogniseToolIntents(readToolMessage('track my package'))).toEqual(['order_status']);
  });

  it('stays fast on long adversarial text', () => {
    const long = `${'my order is where the package '.repeat(60)}${'any '.repeat(200)}`;
    const started = performance.now();
    recogniseToolIntents(long);
    recogniseToolIntents('a '.repeat(1_000));
    recogniseToolIntents(`is ${'the '.repeat(600)}x available`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
