import { firstFitting, propertiesOf, type PropertySpec } from './argument-schema.js';
import { bookingDate } from './booking-date.js';
import { bookingTime } from './booking-time.js';
import { isoDate, utcOffsetAt, type CalendarDay } from './calendar.js';
import { orderReferences } from './codes.js';
import { monthFirst } from './language.js';
import { partySize } from './party-size.js';
import { productMention } from './product-mention.js';
import { rolesOf, type PropertyRole } from './property-roles.js';
import { fold, wordIndexAt, type ToolMessage } from './tool-message.js';
import type { ToolChoice, ToolTurnContext } from './tool-types.js';

/**
 * The arguments of a tool call, from what the customer wrote: each property of the tool's schema gets what its role
 * calls for (the order reference, the date...), converted to its type, and only when the schema's checks pass; a
 * property the message says nothing about stays out. Properties the customer is answering (the agent asked for them)
 * are read more loosely: a bare "10423", "7", "the queen set" is the answer.
 */

export interface FillInput {
  message: ToolMessage;
  tool: ToolChoice;
  /** Today where the business is. */
  today: CalendarDay;
  context: ToolTurnContext;
  /**
   * Properties the message answers, asked for in the previous turn: only these are read, and loosely. Absent, every
   * property is read from the message as a request.
   */
  answering?: readonly string[];
}

export interface Filled {
  arguments: Record<string, unknown>;
  /** Properties the message gave a value for that the schema refused ("A-10423" for a digits-only order number). */
  rejected: string[];
}

const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}/;
const PHONE = /(?:\+|\b)\d[\d\s().-]{5,18}\d\b/;
const QUANTITY =
  /\b(\d{1,4}) (?:units?|pieces?|pcs|of (?:them|those|these|it|each)|unidades|piezas|pieces|unites|exemplaires|pecas|stuck|stk)\b/;
const NUMBER = /\b(\d{1,6}(?:[.,]\d{1,4})?)\b/;
const NAMED =
  /(?:\bmy name is|\bmy names|\bname is|\bunder the name(?: of)?|\bme llamo|\bmi nombre es|\bje mappelle|\bmeu nome e|\bme chamo|\bich heisse|\bmein name ist) ([a-z]+(?: [a-z]+){0,2})/;
const NAMED_ANSWER =
  /^(?:(?:its|it is|im|i am|this is|under|soy|es|je suis|cest|sou|e|ich bin|ist) )?([a-z]+(?: [a-z]+){0,2})$/;
const SERVICE_AFTER =
  /\b(?:book|reserve|schedule|appointment for|booking for|reservation for|get|like|want|need) (?:me |us )?(?:in )?(?:for )?(?:a |an |my |some |the )?((?:[a-z]+ ){0,2}?[a-z]+)(?= (?:on|at|for|tomorrow|today|tonight|this|next|with|please|and|in|around|by|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|$)/g;

/** Words that never name a service, a person or an answer by themselves. */
const NOT_SERVICE = new Set(
  `table tables appointment appointments appt reservation reservations booking bookings slot slots time times spot
  visit session it that this one something anything me us you them tomorrow today tonight week weekend morning
  afternoon evening monday tuesday wednesday thursday friday saturday sunday to book reserve schedule a an the
  please help to know some more order stock`.split(/\s+/),
);
const FILLER_START = new Set(
  `its it is s the a an my i want id like would need please sure ok okay yes yeah yep um uh just for under name
  hi hello hey es el la soy je cest sou o ich ist der die das`.split(/\s+/),
);
const FILLER_END = new Set(
  'please pls thanks thank you thx por favor gracias merci obrigado obrigada danke bitte'.split(' '),
);
const NAME_STOP = new Set(
  `and please thanks for at on tomorrow today tonight i im y et e und por favor table booking reservation`.split(/\s+/),
);
const MAX_ANSWER_WORDS = 12;
const MAX_NAME_CHARS = 60;

export function fillArguments(input: FillInput): Filled {
  const { tool } = input;
  const properties = propertiesOf(tool.parameters);
  const roles = rolesOf(properties, tool.intent);
  const answering = new Set(input.answering ?? []);
  const reader = new Reader(
    input,
    properties.some((p) => roles.get(p.name) === 'sku'),
  );
  const args: Record<string, unknown> = {};
  const rejected: string[] = [];
  for (const property of properties) {
    if (input.answering && !answering.has(property.name)) continue;
    const role = roles.get(property.name) ?? 'other';
    const candidates = reader.candidates(property, role, answering.has(property.name));
    if (candidates.length === 0) continue;
    const value = firstFitting(candidates, property);
    if (value !== undefined) args[property.name] = value;
    else rejected.push(property.name);
  }
  return { arguments: args, rejected };
}

/** Reads each kind of value out of the message once, on demand. */
class Reader {
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly input: FillInput,
    /** The tool has a property for the product's code: the product's name goes in the other. */
    private readonly hasCodeProperty: boolean,
  ) {}

  private once<T>(key: string, read: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, read());
    return this.cache.get(key) as T;
  }

  candidates(property: PropertySpec, role: PropertyRole, answering: boolean): Array<string | number> {
    const { message } = this.input;
    switch (role) {
      case 'order':
        return this.once('order', () => orderReferences(message.raw));
      case 'date':
        return this.dates();
      case 'time':
        return this.times(answering);
      case 'datetime':
        return this.dateTimes(answering);
      case 'party':
        return listed(this.once(`party:${answering}`, () => partySize(message, answering)));
      case 'service':
        return listed(enumIn(property, message) ?? this.service() ?? (answering ? answerText(message) : undefined));
      case 'name':
        return listed(this.personName(answering));
      case 'product': {
        const mention = this.once(`product:${answering}`, () => productMention(message, answering));
        if (this.hasCodeProperty && mention.codes.length > 0) return listed(mention.phrase);
        return [...mention.codes, ...listed(mention.phrase)];
      }
      case 'sku':
        return this.once(`product:${answering}`, () => productMention(message, answering)).codes;
      case 'quantity': {
        const quantity = QUANTITY.exec(message.flat) ?? (answering ? NUMBER.exec(message.flat) : null);
        return quantity ? [Number(quantity[1])] : [];
      }
      case 'email':
        return listed(EMAIL.exec(message.raw)?.[0]);
      case 'phone': {
        const phone = PHONE.exec(message.raw)?.[0].trim();
        return phone && phone.replace(/\D/g, '').length >= 7 ? [phone] : [];
      }
      case 'other':
        return listed(enumIn(property, message) ?? (answering ? this.answer(property) : undefined));
    }
  }

  private dates(): string[] {
    const { message, today, context } = this.input;
    const iso = this.once('date', () => bookingDate(message, today, context.language));
    if (!iso) return [];
    const [year, month, day] = iso.split('-');
    return [iso, monthFirst(context.language) ? `${month}/${day}/${year}` : `${day}/${month}/${year}`];
  }

  private times(answering: boolean): string[] {
    const { message, today, context } = this.input;
    const time = this.once(`time:${answering}`, () => bookingTime(message, answering));
    if (!time) return [];
    const offset = utcOffsetAt(this.dates()[0] ?? isoDate(today), time, context.timeZone);
    return [time, `${time}:00`, ...(offset ? [`${time}:00${offset}`] : [])];
  }

  private dateTimes(answering: boolean): string[] {
    const { message, context } = this.input;
    const date = this.dates()[0];
    const time = this.once(`time:${answering}`, () => bookingTime(message, answering));
    if (!date || !time) return [];
    const offset = utcOffsetAt(date, time, context.timeZone);
    return [...(offset ? [`${date}T${time}:00${offset}`] : []), `${date}T${time}:00`, `${date} ${time}`];
  }

  private service(): string | undefined {
    const { message } = this.input;
    return this.once('service', () => {
      for (const match of message.flat.matchAll(SERVICE_AFTER)) {
        const words = match[1]!.split(' ');
        if (words.some((word) => NOT_SERVICE.has(word) || /\d/.test(word))) continue;
        const start = match.index + match[0].length - match[1]!.length;
        return asWrittenAt(message, start, words.length);
      }
      return undefined;
    });
  }

  private personName(answering: boolean): string | undefined {
    const { message, context } = this.input;
    const named = NAMED.exec(message.flat) ?? (answering ? NAMED_ANSWER.exec(message.flat) : null);
    if (named) {
      const words = named[1]!.split(' ');
      const stop = words.findIndex(
        (word) => NAME_STOP.has(word) || NOT_SERVICE.has(word) || FILLER_START.has(word) || FILLER_END.has(word),
      );
      const count = stop === -1 ? words.length : stop;
      if (count > 0) return asWrittenAt(message, named.index + named[0].length - named[1]!.length, count);
    }
    if (this.input.tool.intent !== 'booking') return undefined;
    const name = typeof context.customerName === 'string' ? context.customerName.trim().replace(/\s+/g, ' ') : '';
    return name && name.length <= MAX_NAME_CHARS ? name : undefined;
  }

  private answer(property: PropertySpec): string | number | undefined {
    const { message } = this.input;
    const numeric = property.types.size > 0 && !property.types.has('string');
    if (numeric) {
      const number = NUMBER.exec(message.lower);
      return number ? Number(number[1]!.replace(',', '.')) : undefined;
    }
    return answerText(message);
  }
}

function listed<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** `count` words from the one at `start` in `flat`, as the customer wrote them. */
function asWrittenAt(message: ToolMessage, start: number, count: number): string {
  const index = wordIndexAt(message.flat, start);
  return message.words.slice(index, index + count).join(' ');
}

/**
 * The enum value the message names (the earliest named), as the schema writes it. A one-letter value ("M") counts
 * only as a word written exactly so.
 */
function enumIn(property: PropertySpec, message: ToolMessage): string | undefined {
  const values = Array.isArray(property.schema.enum) ? property.schema.enum : [];
  const padded = ` ${message.flat} `;
  let best: { word: number; value: string } | undefined;
  for (const value of values) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    let word: number;
    if ([...value.trim()].length === 1) {
      word = message.words.indexOf(value.trim());
    } else {
      const folded = value
        .split(/[^\p{L}\p{N}]+/u)
        .map(fold)
        .filter(Boolean)
        .join(' ');
      const at = folded ? padded.indexOf(` ${folded} `) : -1;
      word = at < 0 ? -1 : wordIndexAt(message.flat, at);
    }
    if (word >= 0 && (!best || word < best.word)) best = { word, value };
  }
  return best?.value;
}

/** The whole of a short answer, its filler words dropped ("it's the Deluxe Massage please" -> "Deluxe Massage"). */
function answerText(message: ToolMessage): string | undefined {
  if (message.raw.includes('?')) return undefined;
  let a = 0;
  let b = message.folded.length - 1;
  while (a <= b && FILLER_START.has(message.folded[a]!)) a++;
  while (b >= a && FILLER_END.has(message.folded[b]!)) b--;
  if (a > b || b - a + 1 > MAX_ANSWER_WORDS) return undefined;
  return message.words.slice(a, b + 1).join(' ');
}
