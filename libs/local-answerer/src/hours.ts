import type { OpeningHoursDto, Weekday } from '@voca/contracts';
import { listOf } from './plain.js';

const DAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function dayName(day: Weekday): string {
  return day.charAt(0) + day.slice(1).toLowerCase();
}

/** The weekday a (lower-case) word names, if any. */
export function weekdayOf(word: string): Weekday | undefined {
  return DAYS.find((day) => day.toLowerCase() === word);
}

/** "09:00" -> "9 AM", "18:30" -> "6:30 PM": how a person says it. */
export function spokenTime(clock: string): string {
  const [, h, m] = CLOCK.exec(clock) ?? [];
  const hour = Number(h);
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? 'AM' : 'PM';
  return m === '00' ? `${hour12} ${suffix}` : `${hour12}:${m} ${suffix}`;
}

/** "America/New_York" -> "New York time". */
export function timezoneLabel(timezone: string | undefined): string | undefined {
  if (!timezone) return undefined;
  if (/^(?:utc|gmt|etc\/utc|etc\/gmt)$/i.test(timezone)) return 'UTC';
  const city = timezone.split('/').pop()?.replace(/_/g, ' ');
  return city ? `${city} time` : undefined;
}

/** The machine-readable opening hours as ranges per day; malformed entries are skipped. */
export function rangesByDay(hours: readonly OpeningHoursDto[] | undefined): Map<Weekday, string> {
  const byDay = new Map<Weekday, string[]>();
  for (const entry of Array.isArray(hours) ? hours : []) {
    if (!entry || !DAYS.includes(entry.day) || !CLOCK.test(entry.open) || !CLOCK.test(entry.close)) continue;
    const ranges = byDay.get(entry.day) ?? [];
    ranges.push(`${entry.open}|${entry.close}`);
    byDay.set(entry.day, ranges);
  }
  const out = new Map<Weekday, string>();
  for (const day of DAYS) {
    const ranges = byDay.get(day);
    if (!ranges) continue;
    const spoken = [...new Set(ranges)].sort().map((r) => {
      const [open, close] = r.split('|') as [string, string];
      return `${spokenTime(open)} to ${spokenTime(close)}`;
    });
    out.set(day, spoken.join(' and '));
  }
  return out;
}

/** "Monday to Friday, 9 AM to 6 PM; Saturday, 10 AM to 2 PM; closed Sunday (New York time)". */
export function describeWeek(byDay: ReadonlyMap<Weekday, string>, timezone?: string): string | undefined {
  if (byDay.size === 0) return undefined;
  const groups: { from: Weekday; to: Weekday; ranges: string }[] = [];
  for (const day of DAYS) {
    const ranges = byDay.get(day);
    if (!ranges) continue;
    const last = groups[groups.length - 1];
    if (last && last.ranges === ranges && DAYS.indexOf(last.to) === DAYS.indexOf(day) - 1) last.to = day;
    else groups.push({ from: day, to: day, ranges });
  }
  const parts = groups.map(({ from, to, ranges }) =>
    from === to ? `${dayName(from)}, ${ranges}` : `${dayName(from)} to ${dayName(to)}, ${ranges}`,
  );
  const closed = DAYS.filter((day) => !byDay.has(day)).map(dayName);
  if (closed.length > 0) parts.push(`closed ${listOf(closed)}`);
  const zone = timezoneLabel(timezone);
  return zone ? `${parts.join('; ')} (${zone})` : parts.join('; ');
}
