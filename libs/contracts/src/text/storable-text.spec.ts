import { describe, expect, it } from 'vitest';
import { isStorableText, toStorableText } from './storable-text.js';

describe('isStorableText', () => {
  it('accepts any well-formed text without NUL, astral characters and variation selectors included', () => {
    for (const text of ['', 'Cozy Comfort', 'caf\u00e9', '\u{1F600} \u2764\ufe0f', '\u0001\u007f'])
      expect(isStorableText(text), text).toBe(true);
  });

  it('refuses NUL and lone surrogates, high or low, anywhere', () => {
    for (const text of ['\u0000', 'a\u0000b', 'a\ud83d', '\ud83d b', 'a\ude00', '\ude00\ud83d'])
      expect(isStorableText(text), JSON.stringify(text)).toBe(false);
  });
});

describe('toStorableText', () => {
  it('drops NUL and replaces each lone surrogate with U+FFFD, leaving pairs alone', () => {
    expect(toStorableText('Blue\u0000 or \ud83d red \u{1F600}\ude00?')).toBe('Blue or \ufffd red \u{1F600}\ufffd?');
  });

  it('returns storable text unchanged', () => {
    expect(toStorableText('Does it come in another color?')).toBe('Does it come in another color?');
  });
});
