import { describe, expect, it } from 'vitest';
import { bookingTime } from './booking-time.js';
import { readToolMessage } from './tool-message.js';

const timeOf = (text: string, answering = false) => bookingTime(readToolMessage(text), answering);

describe('bookingTime', () => {
  it('reads 12-hour times', () => {
    expect(timeOf('book a table for 4 tomorrow at 7pm')).toBe('19:00');
    expect(timeOf('at 7:30 p.m.')).toBe('19:30');
    expect(timeOf('10am please')).toBe('10:00');
    expect(timeOf('12 pm')).toBe('12:00');
    expect(timeOf('12am')).toBe('00:00');
    expect(timeOf('around 8.15 PM')).toBe('20:15');
  });

  it('reads 24-hour times', () => {
    expect(timeOf('at 19:00')).toBe('19:00');
    expect(timeOf('à 19h30')).toBe('19:30');
    expect(timeOf('vers 20h')).toBe('20:00');
    expect(timeOf('um 15 Uhr')).toBe('15:00');
    expect(timeOf('às 19h')).toBe('19:00');
  });

  it('reads a bare hour as business hours would have it, unless the words place it in the day', () => {
    expect(timeOf("I'd like an appointment on Friday at 3")).toBe('15:00');
    expect(timeOf('table for 2 at 7')).toBe('19:00');
    expect(timeOf('at 10')).toBe('10:00');
    expect(timeOf('at 8 in the evening')).toBe('20:00');
    expect(timeOf('tomorrow morning at 7')).toBe('07:00');
    expect(timeOf('a las 8 de la noche')).toBe('20:00');
    expect(timeOf('a las 9 de la mañana')).toBe('09:00');
    expect(timeOf('at 3:30')).toBe('15:30');
    expect(timeOf("at 4 o'clock")).toBe('16:00');
  });

  it('reads noon and midnight', () => {
    expect(timeOf('tomorrow at noon')).toBe('12:00');
    expect(timeOf('à midi')).toBe('12:00');
    expect(timeOf('cet après-midi')).toBeUndefined();
    expect(timeOf('at midnight')).toBe('00:00');
  });

  it('takes the first time written', () => {
    expect(timeOf('7pm, or 8pm if not')).toBe('19:00');
  });

  it('does not read counts, references or durations as times', () => {
    expect(timeOf('a table for 4')).toBeUndefined();
    expect(timeOf('about 4 people')).toBeUndefined();
    expect(timeOf('where is my order 10423')).toBeUndefined();
    expect(timeOf('at 10423 Main Street')).toBeUndefined();
    expect(timeOf('in about 20 minutes')).toBeUndefined();
    expect(timeOf('at 25:00')).toBeUndefined();
  });

  it('reads a bare number as the time only when it answers for one', () => {
    expect(timeOf('7')).toBeUndefined();
    expect(timeOf('7', true)).toBe('19:00');
    expect(timeOf('9:30', true)).toBe('09:30');
    expect(timeOf('at 11 please', true)).toBe('11:00');
    expect(timeOf('7 people', true)).toBeUndefined();
  });
});
