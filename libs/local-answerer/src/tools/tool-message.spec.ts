import { describe, expect, it } from 'vitest';
import { asWritten, fold, lowerPlain, MAX_MESSAGE_CHARS, readToolMessage } from './tool-message.js';

describe('readToolMessage', () => {
  it('folds words to lower-case ASCII, apostrophes and accents dropped', () => {
    const message = readToolMessage("¿Dónde está mi pedido? I'd like the Queen set, Straße 5");
    expect(message.flat).toBe('donde esta mi pedido id like the queen set strasse 5');
    expect(message.words).toEqual([
      'Dónde',
      'está',
      'mi',
      'pedido',
      "I'd",
      'like',
      'the',
      'Queen',
      'set',
      'Straße',
      '5',
    ]);
    expect(message.lower).toBe("¿donde esta mi pedido? i'd like the queen set, strasse 5");
  });

  it('splits hyphenated words and codes into words, keeps them whole in the raw text', () => {
    const message = readToolMessage('Has order #A-10423 shipped? Prendre rendez-vous');
    expect(message.flat).toBe('has order a 10423 shipped prendre rendez vous');
    expect(message.raw).toContain('#A-10423');
  });

  it('drops words with nothing foldable and reads nothing from a non-string', () => {
    expect(readToolMessage('你好 hello').flat).toBe('hello');
    expect(readToolMessage(undefined).flat).toBe('');
    expect(readToolMessage(42).words).toEqual([]);
  });

  it('reads only the first MAX_MESSAGE_CHARS characters', () => {
    expect(readToolMessage('a '.repeat(5_000)).raw.length).toBe(MAX_MESSAGE_CHARS);
  });

  it('quotes a stretch of the folded words back as written', () => {
    const message = readToolMessage('Is the Queen Bedding Set in stock?');
    const start = message.flat.indexOf('queen');
    expect(asWritten(message, start, start + 'queen bedding set'.length)).toBe('Queen Bedding Set');
    expect(asWritten(message, 0, 2)).toBe('Is');
  });

  it('folds one word, and lowers text keeping its punctuation', () => {
    expect(fold("Où's")).toBe('ous');
    expect(fold('Für')).toBe('fur');
    expect(lowerPlain('7:30 P.M. Mañana')).toBe('7:30 p.m. manana');
  });
});
