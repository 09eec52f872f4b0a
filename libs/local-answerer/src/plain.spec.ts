import { describe, expect, it } from 'vitest';
import { describeWeek, rangesByDay, spokenTime, timezoneLabel } from './hours.js';
import { asSentence, clip, listOf, plainText } from './plain.js';
import { money } from './replies.js';

describe('plainText', () => {
  it('drops markdown, emoji, line breaks and foreign links', () => {
    expect(
      plainText('# Title\n- **Bold** item 🎉\n> quote `code` [site](https://shop.example/a)', 'shop.example'),
    ).toBe('Title Bold item quote code site https://shop.example/a');
    expect(plainText('See https://other.example/x.', 'shop.example')).toBe('See.');
    expect(plainText('Mail help_desk@shop.example')).toBe('Mail help_desk@shop.example');
  });

  it('cuts long text at a sentence or word boundary', () => {
    expect(clip('Short.', 12)).toBe('Short.');
    expect(clip(`${'a'.repeat(300)}. ${'b'.repeat(300)}`)).toBe(`${'a'.repeat(300)}.`);
    expect(clip('word '.repeat(200))).toMatch(/^(word ){79}word\.\.\.$/);
    expect(asSentence('Free shipping over $75')).toBe('Free shipping over $75.');
    expect(asSentence('Open daily!')).toBe('Open daily!');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('hours', () => {
  it('speaks times and groups days', () => {
    expect([spokenTime('00:00'), spokenTime('09:00'), spokenTime('12:00'), spokenTime('18:30')]).toEqual([
      '12 AM',
      '9 AM',
      '12 PM',
      '6:30 PM',
    ]);
    expect(timezoneLabel('America/New_York')).toBe('New York time');
    const byDay = rangesByDay([
      { day: 'MONDAY', open: '09:00', close: '12:00' },
      { day: 'MONDAY', open: '13:00', close: '17:00' },
      { day: 'TUESDAY', open: '09:00', close: '12:00' },
      { day: 'TUESDAY', open: '13:00', close: '17:00' },
      { day: 'THURSDAY', open: '10:00', close: '14:00' },
      { day: 'FRIDAY', open: 'late', close: '14:00' },
    ]);
    expect(describeWeek(byDay)).toBe(
      'Monday to Tuesday, 9 AM to 12 PM and 1 PM to 5 PM; Thursday, 10 AM to 2 PM; closed Wednesday, Friday, Saturday and Sunday',
    );
    expect(describeWeek(new Map())).toBeUndefined();
  });
});

describe('money', () => {
  it('formats dollars', () => {
    expect([money(89.5), money(129.99), money(5), money(1200), money(1234567.891)]).toEqual([
      '$89.50',
      '$129.99',
      '$5',
      '$1,200',
      '$1,234,567.89',
    ]);
  });
});
