import { describe, expect, it } from 'vitest';
import { bookingDate } from './booking-date.js';
import { todayOf } from './calendar.js';
import { readToolMessage } from './tool-message.js';

/** Monday 7 December 2026. */
const MONDAY = todayOf(new Date('2026-12-07T12:00:00Z'));
const dateOf = (text: string, tag?: string) => bookingDate(readToolMessage(text), MONDAY, tag);

describe('bookingDate', () => {
  it('reads today, tomorrow and the day after', () => {
    expect(dateOf('book a table for 4 tomorrow at 7pm')).toBe('2026-12-08');
    expect(dateOf('tonight at 8')).toBe('2026-12-07');
    expect(dateOf('a table today please')).toBe('2026-12-07');
    expect(dateOf('the day after tomorrow')).toBe('2026-12-09');
    expect(dateOf('tmrw?')).toBe('2026-12-08');
  });

  it('reads a weekday as the next one to come, a week on when it is today', () => {
    expect(dateOf("I'd like an appointment on Friday at 3")).toBe('2026-12-11');
    expect(dateOf('next tuesday')).toBe('2026-12-08');
    expect(dateOf('on Monday')).toBe('2026-12-14');
    expect(dateOf('this Monday evening')).toBe('2026-12-07');
    expect(dateOf('Sunday brunch for two')).toBe('2026-12-13');
  });

  it('reads explicit dates, in the year to come when none is written', () => {
    expect(dateOf('on 2026-12-24')).toBe('2026-12-24');
    expect(dateOf('December 8th at 7')).toBe('2026-12-08');
    expect(dateOf('the 8th of december')).toBe('2026-12-08');
    expect(dateOf('on Jan 3')).toBe('2027-01-03');
    expect(dateOf('March 2, 2027')).toBe('2027-03-02');
    expect(dateOf('on the 20th')).toBe('2026-12-20');
    expect(dateOf('on the 2nd')).toBe('2027-01-02');
  });

  it('reads numeric dates month first in US English, day first elsewhere', () => {
    expect(dateOf('on 12/10', 'en')).toBe('2026-12-10');
    expect(dateOf('on 12/10', 'en-US')).toBe('2026-12-10');
    expect(dateOf('on 12/10', 'en-GB')).toBe('2027-10-12');
    expect(dateOf('el 10/12', 'es-MX')).toBe('2026-12-10');
    expect(dateOf('on 25/12')).toBe('2026-12-25');
    expect(dateOf('am 24.12.2026', 'de')).toBe('2026-12-24');
    expect(dateOf('am 24.12.', 'de')).toBe('2026-12-24');
    expect(dateOf('12/24/26')).toBe('2026-12-24');
  });

  it('reads the key words in Spanish, French, Portuguese and German', () => {
    expect(dateOf('mañana a las 8')).toBe('2026-12-08');
    expect(dateOf('hoy por la mañana')).toBe('2026-12-07');
    expect(dateOf('el viernes')).toBe('2026-12-11');
    expect(dateOf('el 8 de diciembre')).toBe('2026-12-08');
    expect(dateOf('pasado mañana')).toBe('2026-12-09');
    expect(dateOf('demain soir')).toBe('2026-12-08');
    expect(dateOf('vendredi prochain')).toBe('2026-12-11');
    expect(dateOf("aujourd'hui")).toBe('2026-12-07');
    expect(dateOf('amanhã às 19h')).toBe('2026-12-08');
    expect(dateOf('na sexta')).toBe('2026-12-11');
    expect(dateOf('quarta-feira')).toBe('2026-12-09');
    expect(dateOf('morgen um 19 Uhr')).toBe('2026-12-08');
    expect(dateOf('am Freitag')).toBe('2026-12-11');
    expect(dateOf('übermorgen')).toBe('2026-12-09');
  });

  it('takes the first day named', () => {
    expect(dateOf('friday, or else tomorrow')).toBe('2026-12-11');
  });

  it('does not read a date into times, greetings, counts or impossible days', () => {
    expect(dateOf('book a table for 4 at 7.30.')).toBeUndefined();
    expect(dateOf('Guten Morgen, einen Tisch bitte')).toBeUndefined();
    expect(dateOf('we are open 24/7')).toBeUndefined();
    expect(dateOf('on 2026-02-30')).toBeUndefined();
    expect(dateOf('a table for 4')).toBeUndefined();
    expect(dateOf('may I book a table')).toBeUndefined();
  });

  it("counts from today in the business's time zone", () => {
    const tokyo = todayOf(new Date('2026-12-07T20:00:00Z'), 'Asia/Tokyo');
    expect(bookingDate(readToolMessage('tomorrow'), tokyo)).toBe('2026-12-09');
  });
});
