/**
 * Days of the calendar as the business lives them: what "today" is in its time zone (UTC when it has none or names
 * one the runtime does not know), days counted from it, and the UTC offset of a wall-clock time there.
 */

export interface CalendarDay {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
}

const MAX_CACHED_ZONES = 50;
const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(timeZone: string): Intl.DateTimeFormat | null {
  if (formats.has(timeZone)) return formats.get(timeZone)!;
  let format: Intl.DateTimeFormat | null;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
  } catch {
    format = null;
  }
  if (formats.size >= MAX_CACHED_ZONES) formats.delete(formats.keys().next().value!);
  formats.set(timeZone, format);
  return format;
}

/** The wall-clock time in the zone at `epochMs`, as if it were UTC (ms). */
function wallClock(format: Intl.DateTimeFormat, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
}

function dayOfUtc(epochMs: number): CalendarDay {
  const date = new Date(epochMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

/** Today in the time zone (UTC without one or with an unknown one). */
export function todayOf(now: Date, timeZone?: string): CalendarDay {
  const epoch = Number.isFinite(now.getTime()) ? now.getTime() : Date.now();
  const format = timeZone ? formatFor(timeZone) : null;
  return dayOfUtc(format ? wallClock(format, epoch) : epoch);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayOfUtc(Date.UTC(day.year, day.month - 1, day.day + days));
}

/** Whether year-month-day is a day of the calendar (no February 30). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function dayOf(year: number, month: number, day: number): CalendarDay {
  return dayOfUtc(Date.UTC(year, month - 1, day));
}

/** Days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD'. */
export function isoDate(day: CalendarDay): string {
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/**
 * The UTC offset ('+01:00', '-05:00', 'Z' for UTC itself) the zone has at that wall-clock date and time ('HH:MM');
 * undefined without a (known) zone, since a time zone cannot be guessed.
 */
export function utcOffsetAt(date: string, time: string, timeZone: string | undefined): string | undefined {
  const format = timeZone ? formatFor(timeZone) : null;
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!format || !d || !t) return undefined;
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const guess = asUtc - (wallClock(format, asUtc) - asUtc);
  const offsetMinutes = Math.round((wallClock(format, guess) - guess) / 60_000);
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
