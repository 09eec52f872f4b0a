import { addDays, dayOf, daysBetween, isoDate, isRealDay, type CalendarDay } from './calendar.js';
import { monthFirst } from './language.js';
import type { ToolMessage } from './tool-message.js';

/**
 * The day a booking is for, as an ISO date ('YYYY-MM-DD'), from what the customer wrote: an explicit date
 * ("2026-12-08", "12/08", "December 8th", "8 de diciembre"), else a day named relative to today ("tomorrow",
 * "mañana", "demain") or a weekday ("on Friday", "vendredi prochain"), whichever comes first. A date without a year is
 * the next one to come.
 */

const MONTHS: ReadonlyArray<readonly [number, string]> = [
  [1, 'jan|january|enero|janvier|janeiro|januar|janner'],
  [2, 'feb|february|febrero|fevrier|fevereiro|februar'],
  [3, 'mar|march|marzo|mars|marco|marz'],
  [4, 'apr|april|abril|avril'],
  [5, 'may|mayo|mai|maio'],
  [6, 'jun|june|junio|juin|junho|juni'],
  [7, 'jul|july|julio|juillet|julho|juli'],
  [8, 'aug|august|agosto|aout'],
  [9, 'sep|sept|september|septiembre|setiembre|septembre|setembro'],
  [10, 'oct|october|octubre|octobre|outubro|oktober'],
  [11, 'nov|november|noviembre|novembre|novembro'],
  [12, 'dec|december|diciembre|decembre|dezembro|dezember'],
];
const MONTH_OF = new Map(MONTHS.flatMap(([month, names]) => names.split('|').map((name) => [name, month] as const)));
const MONTH = `(${MONTHS.map(([, names]) => names).join('|')})`;
const ORDINAL = '(?:st|nd|rd|th|er|o|eme)?';

const DAY_MONTH = new RegExp(`\\b(\\d{1,2})${ORDINAL} (?:of |de )?${MONTH}\\b(?: (?:de |of )?(\\d{4}))?`);
const MONTH_DAY = new RegExp(`\\b${MONTH} (?:the )?(\\d{1,2})${ORDINAL}\\b(?: (\\d{4}))?`);
const THE_NTH = /\b(?:on the|the) (\d{1,2})(?:st|nd|rd|th)\b/;
const ISO = /(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])/;
const NUMERIC =
  /(?<![\d/.:-])(\d{1,2})(?:\/(\d{1,2})(?:\/(\d{2}|\d{4}))?|\.(\d{1,2})\.(\d{2}|\d{4})?|-(\d{1,2})-(\d{4}))(?![\d/:]|\.\d)/;

const WEEKDAYS: ReadonlyArray<readonly [number, string]> = [
  [0, 'sunday|domingo|dimanche|sonntag'],
  [1, 'monday|lunes|lundi|montag'],
  [2, 'tuesday|tues|martes|mardi|dienstag'],
  [3, 'wednesday|miercoles|mercredi|mittwoch'],
  [4, 'thursday|thurs|jueves|jeudi|donnerstag'],
  [5, 'friday|viernes|vendredi|freitag'],
  [6, 'saturday|sabado|samedi|samstag|sonnabend'],
];
const WEEKDAY_OF = new Map(WEEKDAYS.flatMap(([day, names]) => names.split('|').map((name) => [name, day] as const)));
const PT_WEEKDAY_OF: Record<string, number> = { segunda: 1, terca: 2, quarta: 3, quinta: 4, sexta: 5 };
const THIS = 'this|este|ce|cette|esta|nesta|neste|diesen|diese|dieser';
const NEXT = 'next|coming|proximo|proxima|prochain|nachsten|kommenden|naechsten';
const WEEKDAY = new RegExp(`\\b(?:(${THIS}|${NEXT}) )?(${WEEKDAYS.map(([, names]) => names).join('|')})s?\\b`);
const PT_WEEKDAY = new RegExp(
  `\\b(?:(?:(na|no|${THIS}|${NEXT}|ate|pra|para a) )(segunda|terca|quarta|quinta|sexta)|(segunda|terca|quarta|quinta|sexta) feira)\\b`,
);

const RELATIVE: ReadonlyArray<readonly [number, RegExp]> = [
  [2, /\b(?:day after tomorrow|overmorrow|pasado manana|apres demain|depois de amanha|ubermorgen)\b/],
  [1, /(?<!\b(?:la|pasado) )\bmanana\b/],
  [
    1,
    /(?<!\b(?:guten|am|heute|jeden|after) )\b(?:tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow|demain|amanha|morgen)\b/,
  ],
  [
    0,
    /\b(?:today|tonight|tonite|this (?:evening|afternoon|morning)|later today|hoy|esta noche|esta tarde|aujourdhui|aujourd hui|ce soir|cet apres midi|hoje|esta noite|heute)\b/,
  ],
];

/** The ISO date the message names for a booking, if any. `languageTag` reads "12/08" as day or month first. */
export function bookingDate(message: ToolMessage, today: CalendarDay, languageTag?: string): string | undefined {
  const explicit = explicitDate(message, today, languageTag);
  if (explicit) return isoDate(explicit);
  let best: { at: number; day: CalendarDay } | undefined;
  const consider = (at: number, day: CalendarDay) => {
    if (!best || at < best.at) best = { at, day };
  };
  for (const [days, pattern] of RELATIVE) {
    const match = pattern.exec(message.flat);
    if (match) consider(match.index, addDays(today, days));
  }
  const weekday = WEEKDAY.exec(message.flat);
  if (weekday) consider(weekday.index, nextWeekday(today, WEEKDAY_OF.get(weekday[2]!)!, weekday[1]));
  const pt = PT_WEEKDAY.exec(message.flat);
  if (pt) consider(pt.index, nextWeekday(today, PT_WEEKDAY_OF[(pt[2] ?? pt[3])!]!, pt[1]));
  return best ? isoDate(best.day) : undefined;
}

function nextWeekday(today: CalendarDay, weekday: number, prefix: string | undefined): CalendarDay {
  const ahead = (weekday - today.weekday + 7) % 7;
  const thisOne = prefix !== undefined && new RegExp(`^(?:${THIS})$`).test(prefix);
  return addDays(today, ahead === 0 && !thisOne ? 7 : ahead);
}

function explicitDate(message: ToolMessage, today: CalendarDay, languageTag?: string): CalendarDay | undefined {
  const iso = ISO.exec(message.lower);
  if (iso) return real(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC.exec(message.lower);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2] ?? numeric[4] ?? numeric[6]);
    const yearText = numeric[3] ?? numeric[5] ?? numeric[7];
    // "7.30." ends a sentence about a time; "24/7" is all day.
    const dotted = numeric[4] !== undefined && yearText === undefined;
    if (!(dotted && b > 12) && numeric[0] !== '24/7') {
      const [month, day] = !dotted && ((monthFirst(languageTag) && a <= 12) || b > 12) ? [a, b] : [b, a];
      const found = withYear(today, month, day, yearText);
      if (found) return found;
    }
  }
  const dayMonth = DAY_MONTH.exec(message.flat);
  if (dayMonth) return withYear(today, MONTH_OF.get(dayMonth[2]!)!, Number(dayMonth[1]), dayMonth[3]);
  const monthDay = MONTH_DAY.exec(message.flat);
  if (monthDay) return withYear(today, MONTH_OF.get(monthDay[1]!)!, Number(monthDay[2]), monthDay[3]);
  const nth = THE_NTH.exec(message.flat);
  if (nth) {
    const day = Number(nth[1]);
    const thisMonth = isRealDay(today.year, today.month, day) ? dayOf(today.year, today.month, day) : undefined;
    if (thisMonth && daysBetween(today, thisMonth) >= 0) return thisMonth;
    const next = today.month === 12 ? [today.year + 1, 1] : [today.year, today.month + 1];
    return real(next[0]!, next[1]!, day);
  }
  return undefined;
}

function real(year: number, month: number, day: number): CalendarDay | undefined {
  return isRealDay(year, month, day) ? dayOf(year, month, day) : undefined;
}

/** With the year written, or else the next such day from today on. */
function withYear(
  today: CalendarDay,
  month: number,
  day: number,
  yearText: string | undefined,
): CalendarDay | undefined {
  if (yearText) return real(yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText), month, day);
  const thisYear = real(today.year, month, day);
  if (thisYear && daysBetween(today, thisYear) >= 0) return thisYear;
  return real(today.year + 1, month, day);
}
