import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoDate, isRealDay, todayOf, utcOffsetAt } from './calendar.js';

const MONDAY_EVENING_UTC = new Date('2026-12-07T23:30:00Z');

describe('calendar', () => {
  it('reads today in UTC without a time zone, or with one the runtime does not know', () => {
    expect(todayOf(MONDAY_EVENING_UTC)).toEqual({ year: 2026, month: 12, day: 7, weekday: 1 });
    expect(todayOf(MONDAY_EVENING_UTC, 'Mars/Olympus_Mons')).toEqual({ year: 2026, month: 12, day: 7, weekday: 1 });
  });

  it("reads today in the business's time zone", () => {
    expect(todayOf(MONDAY_EVENING_UTC, 'Asia/Tokyo')).toEqual({ year: 2026, month: 12, day: 8, weekday: 2 });
    expect(todayOf(new Date('2026-12-08T03:00:00Z'), 'America/New_York')).toEqual({
      year: 2026,
      month: 12,
      day: 7,
      weekday: 1,
    });
  });

  it('counts days across months and years', () => {
    const today = todayOf(MONDAY_EVENING_UTC);
    expect(isoDate(addDays(today, 25))).toBe('2027-01-01');
    expect(addDays(today, 4).weekday).toBe(5);
    expect(daysBetween(today, addDays(today, 30))).toBe(30);
  });

  it('knows the days that exist', () => {
    expect(isRealDay(2028, 2, 29)).toBe(true);
    expect(isRealDay(2026, 2, 29)).toBe(false);
    expect(isRealDay(2026, 13, 1)).toBe(false);
  });

  it("gives a wall-clock time's UTC offset in the zone, daylight saving included", () => {
    expect(utcOffsetAt('2026-12-08', '19:00', 'America/New_York')).toBe('-05:00');
    expect(utcOffsetAt('2026-07-08', '19:00', 'America/New_York')).toBe('-04:00');
    expect(utcOffsetAt('2026-12-08', '19:00', 'Asia/Kolkata')).toBe('+05:30');
    expect(utcOffsetAt('2026-12-08', '19:00', 'UTC')).toBe('Z');
    expect(utcOffsetAt('2026-12-08', '19:00', undefined)).toBeUndefined();
  });
});
