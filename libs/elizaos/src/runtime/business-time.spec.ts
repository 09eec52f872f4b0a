import { describe, expect, it } from 'vitest';
import { businessTime } from './business-time.js';

const noonUtc = new Date('2026-12-01T12:00:00Z');

describe('businessTime', () => {
  it("gives the time in the business's time zone", () => {
    expect(businessTime({ timezone: 'America/New_York' }, noonUtc)).toBe(
      'Tuesday, December 1, 2026 at 7:00 AM (America/New_York)',
    );
    expect(businessTime({ timezone: 'Asia/Tokyo' }, noonUtc)).toBe('Tuesday, December 1, 2026 at 9:00 PM (Asia/Tokyo)');
  });

  it('falls back to UTC without a time zone or with one it does not know', () => {
    expect(businessTime({}, noonUtc)).toBe('Tuesday, December 1, 2026 at 12:00 PM (UTC)');
    expect(businessTime({ timezone: 'Mars/Olympus_Mons' }, noonUtc)).toBe(
      'Tuesday, December 1, 2026 at 12:00 PM (UTC)',
    );
  });
});
