import { describe, expect, it } from 'vitest';
import { firstNameOf, monthFirst, namedAfter, toolLanguage } from './language.js';

describe('toolLanguage', () => {
  it('reads the primary language of a BCP 47 tag, English when unsupported or absent', () => {
    expect(toolLanguage('es-MX')).toBe('es');
    expect(toolLanguage('PT_br')).toBe('pt');
    expect(toolLanguage(' de ')).toBe('de');
    expect(toolLanguage('fr-CA')).toBe('fr');
    expect(toolLanguage('ja')).toBe('en');
    expect(toolLanguage(undefined)).toBe('en');
    expect(toolLanguage('')).toBe('en');
  });
});

describe('monthFirst', () => {
  it('writes dates month first in US English (the default), day first elsewhere', () => {
    expect(monthFirst(undefined)).toBe(true);
    expect(monthFirst('en')).toBe(true);
    expect(monthFirst('en-US')).toBe(true);
    expect(monthFirst('en-GB')).toBe(false);
    expect(monthFirst('en-AU')).toBe(false);
    expect(monthFirst('es-US')).toBe(false);
  });
});

describe('firstNameOf', () => {
  it("takes the customer's first name, letters only", () => {
    expect(firstNameOf('  Ann Lee ')).toBe('Ann');
    expect(firstNameOf("O'Brien")).toBe("O'Brien");
    expect(firstNameOf('José-María Pérez')).toBe('José-María');
    expect(firstNameOf('😀')).toBeUndefined();
    expect(firstNameOf('x'.repeat(40))).toBeUndefined();
    expect(firstNameOf(undefined)).toBeUndefined();
    expect(namedAfter('Ann Lee')).toBe(', Ann');
    expect(namedAfter(undefined)).toBe('');
  });
});
