import type { ToolCallStatus, ToolIntent } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { toolReply, type ToolReplyInput } from './tool-reply.js';
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
  requiresConfirmation: intent === 'booking',
});

const ORDER = tool('order_status', 'order_status', { order_number: { type: 'string' } });
const TABLE = tool('book_table', 'booking', { date: {}, time: {}, party_size: {} }, 'Books a table at the restaurant');
const STOCK = tool('check_stock', 'stock_check', { product: {} });
const CANCEL = tool('cancel_order', null, { order_number: {} });

const reply = (
  choice: ToolChoice,
  status: ToolCallStatus,
  args: Record<string, unknown>,
  extra: Partial<ToolReplyInput> & { result?: Record<string, unknown> } = {},
) =>
  toolReply({
    tool: choice,
    handoffOnFailure: false,
    ...extra,
    outcome: { tool: choice.name, arguments: args, status, ...(extra.result ? { result: extra.result } : {}) },
  });

const BOOKING = { date: '2026-12-08', time: '19:00', party_size: 4 };

describe('toolReply: a call that succeeded', () => {
  it('phrases the result, the status first', () => {
    expect(
      reply(
        ORDER,
        'ok',
        { order_number: '10423' },
        { result: { status: 'shipped', carrier: 'UPS', estimated_delivery: '2026-12-10' } },
      ),
    ).toEqual({ text: 'Your order 10423 has shipped. Carrier: UPS. Estimated delivery: 2026-12-10.', handoff: false });
    expect(reply(STOCK, 'ok', { product: 'queen bedding set' }, { result: { in_stock: true, quantity: 3 } }).text).toBe(
      'Good news: queen bedding set is in stock. Quantity available: 3.',
    );
  });

  it("uses the backend's message verbatim", () => {
    expect(reply(TABLE, 'ok', BOOKING, { result: { message: 'See you Tuesday at 7pm!', id: 'B-1' } })).toEqual({
      text: 'See you Tuesday at 7pm!',
      handoff: false,
    });
  });

  it('says the action was done when the result says nothing', () => {
    expect(reply(TABLE, 'ok', BOOKING, { result: {} }).text).toBe(
      "Done! I've booked a table for 4 on 2026-12-08 at 19:00.",
    );
    expect(reply(TABLE, 'ok', BOOKING, { language: 'es' }).text).toBe(
      '¡Listo! He podido reservar una mesa para 4 personas el 2026-12-08 a las 19:00.',
    );
    expect(reply(CANCEL, 'ok', { order_number: '1' }).text).toBe('Done.');
    expect(reply(ORDER, 'ok', { order_number: '10423' }, { result: {} }).text).toBe(
      "I've looked up your order 10423, but there are no details to share yet.",
    );
    expect(reply(STOCK, 'ok', { product: 'BS-100' }, { language: 'fr' }).text).toBe(
      "J'ai pu vérifier si BS-100 est en stock, mais il n'y a pas encore de détails.",
    );
  });
});

describe('toolReply: confirmation', () => {
  it('says what will be done with the arguments and asks for a yes', () => {
    expect(reply(TABLE, 'awaiting_confirmation', BOOKING)).toEqual({
      text: 'I can book a table for 4 on 2026-12-08 at 19:00. Shall I go ahead? Please reply yes to confirm.',
      handoff: false,
    });
    expect(reply(CANCEL, 'awaiting_confirmation', { order_number: '10423' }).text).toBe(
      'I can cancel the order (order number: 10423). Shall I go ahead? Please reply yes to confirm.',
    );
    expect(reply(TABLE, 'awaiting_confirmation', BOOKING, { language: 'de-AT' }).text).toBe(
      'Ich kann einen Tisch für 4 Personen am 2026-12-08 um 19:00 buchen. Soll ich das tun? Bitte antworten Sie mit „ja“, um zu bestätigen.',
    );
    expect(reply(TABLE, 'awaiting_confirmation', BOOKING, { language: 'fr' }).text).toBe(
      'Je peux réserver une table pour 4 personnes le 2026-12-08 à 19:00. Voulez-vous que je le fasse ? Répondez « oui » pour confirmer.',
    );
  });

  it('acknowledges a no', () => {
    expect(reply(TABLE, 'declined', BOOKING)).toEqual({
      text: "Okay, I won't make the booking. Is there anything else I can help with?",
      handoff: false,
    });
    expect(reply(CANCEL, 'declined', {}).text).toBe(
      "Okay, I won't cancel the order. Is there anything else I can help with?",
    );
    expect(reply(TABLE, 'declined', BOOKING, { language: 'pt-BR' }).text).toBe(
      'Tudo bem, não vou fazer a reserva. Posso ajudar com mais alguma coisa?',
    );
  });
});

describe('toolReply: failures', () => {
  const failures: ToolCallStatus[] = ['failed', 'timeout', 'refused', 'invalid_answer', 'invalid_arguments'];

  it('apologises, names what could not be done and offers to try again or a person', () => {
    for (const status of failures) {
      expect(reply(ORDER, status, { order_number: '10423' }), status).toEqual({
        text: "I'm sorry, I couldn't look up your order right now. Please try again a little later, or let me know if you'd like to talk to a person.",
        handoff: false,
      });
    }
  });

  it('passes the customer to a person when the business asked for it', () => {
    for (const status of failures) {
      expect(reply(TABLE, status, BOOKING, { handoffOnFailure: true, customerName: 'Ann Lee' }), status).toEqual({
        text: "I'm sorry, Ann, I couldn't make the booking right now. I'm passing you to a member of the team.",
        handoff: true,
      });
    }
    expect(reply(STOCK, 'timeout', {}, { handoffOnFailure: true, language: 'es' }).text).toBe(
      'Lo siento, ahora mismo no he podido comprobar el stock. Te paso con una persona del equipo.',
    );
    expect(reply(STOCK, 'timeout', {}, { handoffOnFailure: true, language: 'de' }).text).toBe(
      'Es tut mir leid, ich konnte den Lagerbestand gerade nicht prüfen. Ich verbinde Sie mit einem Mitglied unseres Teams.',
    );
  });

  it('never shows technical details', () => {
    const said = reply(
      ORDER,
      'failed',
      { order_number: '10423' },
      { result: { error: 'ECONNREFUSED 10.0.0.1:443' } },
    ).text;
    expect(said).not.toMatch(/ECONN|10\.0|443|HTTP|timeout|invalid/i);
  });

  it('says it cannot tell whether a cut-short call went through, and always passes to a person', () => {
    expect(reply(TABLE, 'unknown', BOOKING, { handoffOnFailure: false })).toEqual({
      text: "I'm sorry, I couldn't confirm whether your booking went through. A member of the team will check and get back to you.",
      handoff: true,
    });
    expect(reply(CANCEL, 'unknown', {}, { customerName: 'Bo' }).text).toBe(
      "I'm sorry, Bo, I couldn't confirm whether the request to cancel the order went through. A member of the team will check and get back to you.",
    );
    expect(reply(TABLE, 'unknown', BOOKING, { language: 'fr' })).toMatchObject({ handoff: true });
  });
});

describe('toolReply: other statuses', () => {
  it('handles the waiting and abandoned statuses gently', () => {
    expect(reply(TABLE, 'awaiting_arguments', {})).toEqual({
      text: 'I need a few more details to make the booking.',
      handoff: false,
    });
    expect(reply(TABLE, 'abandoned', {}).handoff).toBe(false);
    expect(reply(TABLE, 'calling', BOOKING).handoff).toBe(true);
  });
});
