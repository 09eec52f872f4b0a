import { describe, expect, it } from 'vitest';
import { speakable } from './speakable.js';

describe('speakable', () => {
  it('reads a web address as a caller would say it', () => {
    expect(speakable('See cozycomfort.com for details.')).toBe('See cozycomfort dot com for details.');
    expect(speakable('Returns: https://www.cozycomfort.com/returns?utm=x#top')).toBe(
      'Returns: cozycomfort dot com slash returns',
    );
    expect(speakable('Write to help@cozycomfort.com anytime')).toBe('Write to help at cozycomfort dot com anytime');
  });

  it('says the address in the agent language', () => {
    expect(speakable('Visita cozycomfort.com/ofertas', 'es-MX')).toBe('Visita cozycomfort punto com barra ofertas');
    expect(speakable('Écrivez à aide@cozycomfort.fr', 'fr')).toBe('Écrivez à aide arobase cozycomfort point fr');
  });

  it('keeps the words of Markdown and drops its marks', () => {
    expect(speakable('**Great news!** Our _Egyptian Cotton_ set is `in stock`.')).toBe(
      'Great news! Our Egyptian Cotton set is in stock.',
    );
    expect(speakable('Read [our returns policy](https://cozycomfort.com/returns) first.')).toBe(
      'Read our returns policy first.',
    );
    expect(speakable('## Store hours\n- Monday to Friday: 9 AM - 6 PM\n- Saturday: 10 AM - 4 PM')).toBe(
      'Store hours. Monday to Friday: 9 AM - 6 PM. Saturday: 10 AM - 4 PM.',
    );
    expect(speakable('1. Pack it\n2. Print the label\n3) Drop it off')).toBe('Pack it. Print the label. Drop it off.');
    expect(speakable('| Size | Price |\n|---|---:|\n| Queen | 89 |')).toBe('Size, Price. Queen, 89.');
  });

  it('drops emoji, flags, skin tones and joined sequences', () => {
    expect(speakable('Thanks! 😊🙏🏽 See you soon 👨‍👩‍👧 🇺🇸 ✨')).toBe('Thanks! See you soon');
  });

  it('leaves plain sentences, prices and times alone', () => {
    const plain = 'The queen set is $89.99 and ships in 2-3 days; we open at 9:30 a.m. on Saturdays.';
    expect(speakable(plain)).toBe(plain);
    expect(speakable('Order 10423 has shipped. Carrier: UPS.')).toBe('Order 10423 has shipped. Carrier: UPS.');
  });
});
