import type { ToolMessage } from './tool-message.js';

/**
 * How many people a booking is for: "for 4", "a table for two", "party of 6", "4 people", "the two of us",
 * "para 4 personas", "pour deux", "für 4 Personen". A number after "for" counts only when nothing after it makes it
 * something else ("for 3 nights", "for 2 pillows").
 */

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  couple: 2,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  um: 1,
  uma: 1,
  dois: 2,
  duas: 2,
  quatro: 4,
  sete: 7,
  oito: 8,
  nove: 9,
  dez: 10,
  ein: 1,
  eine: 1,
  einer: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  funf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwolf: 12,
};
/**
 * Words that are also articles or other words ("para una cita", "un rendez-vous", "for once", "sept 8"): a count
 * only before a word for people.
 */
const AMBIGUOUS = new Set(['una', 'uno', 'un', 'une', 'um', 'uma', 'ein', 'eine', 'einer', 'couple', 'once', 'sept']);

const NUMBER = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
const COUNTED = `(\\d{1,3}|${Object.keys(NUMBER_WORDS)
  .filter((word) => !AMBIGUOUS.has(word))
  .join('|')})`;

const PEOPLE =
  '(?:people|persons?|guests?|adults?|pax|diners|of us|covers|seats|personas?|comensales|invitados|personnes?|couverts|pessoas?|personen|person|gaste|leute)';
const WITH_PEOPLE = new RegExp(`\\b${NUMBER} ${PEOPLE}\\b`);
/** What may follow "for 4" in a booking: a date, a time, the end of the message. */
const FOLLOWERS =
  '(?:at|on|tomorrow|today|tonight|this|next|please|pls|and|in|by|around|from|a|el|la|le|am|um|o|no|na|de|ce|esta|este|manana|demain|amanha|morgen|heute|hoy|hoje|ce|pour|para|fur|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|\\d{1,2})';
const AFTER_FOR = new RegExp(
  `\\b(?:party of|group of|table for|table of|booking for|reservation for|for|para|pour|fur|pra|grupo de|groupe de|gruppe von|mesa para|table pour|tisch fur|we are|were|well be|we will be|somos|seremos|nous sommes|on est|on sera|wir sind|wir kommen zu) ${COUNTED}(?= ${FOLLOWERS}\\b|$)`,
);
/** The same, the count followed by punctuation: "friday at 7 for 4, name is Ann". */
const AFTER_FOR_PUNCTUATED = new RegExp(
  `\\b(?:party of|group of|table for|table of|booking for|reservation for|for|para|pour|fur|pra|grupo de|groupe de|gruppe von|mesa para|table pour|tisch fur|we are|we're|somos|nous sommes|wir sind) ${COUNTED}\\s*(?=[,.;!?)]|$)`,
);
/** An answer that starts with the count: "4", "just two", "4 at 8pm". */
const BARE = new RegExp(
  `^(?:just |only |we are |were |for |para |pour |fur )?${NUMBER}\\b(?! (?:pm|am|oclock|o clock|h|uhr|hs|horas|heures)\\b)`,
);

const MAX_PARTY = 999;

/** `answering`: the message answers "for how many people?", so a bare "4" or "two" is the count. */
export function partySize(message: ToolMessage, answering = false): number | undefined {
  const { flat } = message;
  const match =
    WITH_PEOPLE.exec(flat) ??
    AFTER_FOR.exec(flat) ??
    AFTER_FOR_PUNCTUATED.exec(message.lower) ??
    (answering ? BARE.exec(flat) : null);
  if (!match) return undefined;
  const word = match[1]!;
  const count = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  return count !== undefined && count >= 1 && count <= MAX_PARTY ? count : undefined;
}
