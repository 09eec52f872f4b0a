import { describe, expect, it } from 'vitest';
import { confirmationAnswer } from './confirmation.js';

describe('confirmationAnswer', () => {
  it.each(['yes', 'Yes!', 'yes please', 'Yeah, go ahead', 'ok', 'Sí', 'sí, claro', 'oui', 'Ja', 'sure thing'])(
    'reads %j as yes',
    (text) => expect(confirmationAnswer(text)).toBe('yes'),
  );

  it.each(['no', 'No thanks', 'nope', 'cancel', 'never mind', 'non', 'nein', 'não'])('reads %j as no', (text) =>
    expect(confirmationAnswer(text)).toBe('no'),
  );

  it.each([
    '',
    'what time do you close?',
    'yes but actually no',
    'can you make it 8pm instead of 7pm please if possible',
    'hmm',
  ])('reads %j as neither', (text) => expect(confirmationAnswer(text)).toBe('other'));
});
