import { describe, expect, it } from 'vitest';
import { partySize } from './party-size.js';
import { readToolMessage } from './tool-message.js';

const sizeOf = (text: string, answering = false) => partySize(readToolMessage(text), answering);

describe('partySize', () => {
  it('reads how many people in English', () => {
    expect(sizeOf('book a table for 4 tomorrow at 7pm')).toBe(4);
    expect(sizeOf('a table for two please')).toBe(2);
    expect(sizeOf('party of 6 on Friday')).toBe(6);
    expect(sizeOf('reservation for 3 at 8')).toBe(3);
    expect(sizeOf('there will be 5 people')).toBe(5);
    expect(sizeOf('just the two of us')).toBe(2);
    expect(sizeOf('table for one')).toBe(1);
    expect(sizeOf("we're 4")).toBe(4);
    expect(sizeOf('8 guests')).toBe(8);
    expect(sizeOf('friday at 7 for 4, name is Ann')).toBe(4);
  });

  it('reads how many people in Spanish, French, Portuguese and German', () => {
    expect(sizeOf('una mesa para 4 mañana')).toBe(4);
    expect(sizeOf('para dos personas')).toBe(2);
    expect(sizeOf('une table pour deux ce soir')).toBe(2);
    expect(sizeOf('para 4 pessoas')).toBe(4);
    expect(sizeOf('einen Tisch für 4 Personen')).toBe(4);
    expect(sizeOf('una persona')).toBe(1);
  });

  it('does not read other numbers as people', () => {
    expect(sizeOf('for 3 nights')).toBeUndefined();
    expect(sizeOf('do you have 2 pillows')).toBeUndefined();
    expect(sizeOf('at 7pm for dinner')).toBeUndefined();
    expect(sizeOf('para una cita')).toBeUndefined();
    expect(sizeOf('for once, on time')).toBeUndefined();
    expect(sizeOf('for sept 8')).toBeUndefined();
    expect(sizeOf('order 10423')).toBeUndefined();
    expect(sizeOf('for 2026-12-08')).toBeUndefined();
  });

  it('reads a bare count only when it answers for one', () => {
    expect(sizeOf('4')).toBeUndefined();
    expect(sizeOf('4', true)).toBe(4);
    expect(sizeOf('just two', true)).toBe(2);
    expect(sizeOf('6 people please', true)).toBe(6);
    expect(sizeOf('tomorrow', true)).toBeUndefined();
  });
});
