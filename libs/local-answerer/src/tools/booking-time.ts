import type { ToolMessage } from './tool-message.js';

/**
 * The time a booking is for, 'HH:MM' on a 24-hour clock, from what the customer wrote: "7pm", "7:30 p.m.", "19:00",
 * "19h", "15 Uhr", "noon", "at 3", "a las 8 de la noche". A bare hour ("at 3") with nothing saying morning or evening
 * is read as business hours would have it: 1 to 7 in the afternoon or evening, 8 to 12 as written.
 */

type Reading = { at: number; hour: number; minute: number; guess: boolean; priority: number };

const TWELVE_HOUR = /(?<![\d:.])(\d{1,2})(?:[:.](\d{2}))?\s?(?:(a)|(p))\.?\s?m\b\.?/g;
const CLOCK = /(?<![\d:.])([01]?\d|2[0-3])\s?([:h])\s?([0-5]\d)(?!\d)/g;
const HOUR_WORD = /(?<![\d:.])([01]?\d|2[0-3])\s?(h|hs|hrs|uhr|horas|heures?|o\s?['’]?\s?clock)(?![a-z])/g;
const AFTER_WORD =
  /(?:\b(?:at|around|about|by|from|after|before|a las|a la|alas|as|vers|um|gegen|ab)|@)\s?(\d{1,2})(?:[:.](\d{2}))?(?![\d:.]|\s?(?:[ap]\.?\s?m\b|h\b|hs\b|hrs\b|uhr|heures?|horas|o\s?['’]?\s?clock|people|persons?|personas?|personnes?|pessoas?|personen|guests?|adults?|of us|pax|kids|children|%|days?|weeks?|months?|years?|nights?|minutes?|mins?|hours?|items?|pieces?|units?|pcs|dollars?|euros?|bucks|[$€£/-]))/g;
const NOON = /\b(?:noon|midday|mediodia|meio[\s-]dia|mittags?)\b|(?<!apres[\s-])\bmidi\b/;
const MIDNIGHT = /\b(?:midnight|medianoche|minuit|meia[\s-]noite|mitternacht)\b/;
const BARE =
  /^\s*(?:at |around |a las |as |um |vers )?(\d{1,2})(?:[:.h](\d{2}))?\s*(?:please|pls|por favor|svp|bitte)?\s*[.!]?\s*$/;

const MORNING =
  /\b(?:mornings?|la manana|du matin|le matin|ce matin|da manha|de manha|pela manha|morgens|vormittags?|am morgen|morgen fruh)\b/;
const EVENING =
  /\b(?:evenings?|tonight|tonite|night|afternoon|dinner|supper|la tarde|la noche|esta noche|esta tarde|du soir|ce soir|apres midi|da tarde|da noite|a tarde|a noite|esta noite|abends?|nachmittags?)\b/;

/** `answering`: the message answers "at what time?", so a bare "7" or "7:30" is the time. */
export function bookingTime(message: ToolMessage, answering = false): string | undefined {
  const { lower, flat } = message;
  const readings: Reading[] = [];
  for (const m of lower.matchAll(TWELVE_HOUR)) {
    const hour = Number(m[1]);
    if (hour < 1 || hour > 12) continue;
    const pm = m[4] !== undefined;
    readings.push({
      at: m.index,
      hour: (hour % 12) + (pm ? 12 : 0),
      minute: Number(m[2] ?? 0),
      guess: false,
      priority: 0,
    });
  }
  for (const m of lower.matchAll(CLOCK)) {
    readings.push({ at: m.index, hour: Number(m[1]), minute: Number(m[3]), guess: m[2] === ':', priority: 1 });
  }
  for (const m of lower.matchAll(HOUR_WORD)) {
    readings.push({ at: m.index, hour: Number(m[1]), minute: 0, guess: /clock/.test(m[2]!), priority: 2 });
  }
  for (const m of lower.matchAll(AFTER_WORD)) {
    readings.push({ at: m.index, hour: Number(m[1]), minute: Number(m[2] ?? 0), guess: true, priority: 3 });
  }
  const noon = NOON.exec(lower);
  if (noon) readings.push({ at: noon.index, hour: 12, minute: 0, guess: false, priority: 4 });
  const midnight = MIDNIGHT.exec(lower);
  if (midnight) readings.push({ at: midnight.index, hour: 0, minute: 0, guess: false, priority: 4 });
  if (answering && readings.length === 0) {
    const bare = BARE.exec(lower);
    if (bare) readings.push({ at: 0, hour: Number(bare[1]), minute: Number(bare[2] ?? 0), guess: true, priority: 5 });
  }
  const valid = readings.filter((r) => r.hour <= 23 && r.minute <= 59);
  if (valid.length === 0) return undefined;
  const first = valid.reduce((a, b) => (b.at < a.at || (b.at === a.at && b.priority < a.priority) ? b : a));
  const hour = first.guess || first.priority === 2 ? dayPart(first.hour, flat, first.guess) : first.hour;
  return `${String(hour).padStart(2, '0')}:${String(first.minute).padStart(2, '0')}`;
}

/** An hour written without am/pm, placed in the day by the words around it, else (when a guess) by business hours. */
function dayPart(hour: number, flat: string, guess: boolean): number {
  if (hour >= 12) return hour;
  if (EVENING.test(flat)) return hour + 12;
  if (MORNING.test(flat)) return hour;
  return guess && hour >= 1 && hour <= 7 ? hour + 12 : hour;
}
