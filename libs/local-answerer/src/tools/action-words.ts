import type { ToolIntent } from '@voca/contracts';
import { nameWords, propertiesOf } from './argument-schema.js';
import type { ToolLanguage } from './language.js';
import { rolesOf, type PropertyRole } from './property-roles.js';
import type { ToolChoice } from './tool-types.js';

/**
 * What a tool call does, in words, for the replies around it: the full action with its arguments ("book a table for
 * 4 on 2026-12-08 at 19:00") to confirm it, a short one ("make the booking") for a refusal or a failure, and a noun
 * ("your booking") for a call whose outcome is unknown. A phrase is a verb and its object, so that each language can
 * put them in its own order (German puts the verb last).
 */

export interface Phrase {
  verb: string;
  object: string;
}

export interface ActionWords {
  /** The whole action, with the arguments that matter. */
  full: Phrase;
  /** The action in a few words. */
  short: Phrase;
  /** The thing done, as a noun phrase. */
  subject: string;
  /** English only: the full action's verb in the past ("booked"), for the tool's kinds. */
  past?: string;
  /** What the call is about: the order's reference, the product. */
  about?: string;
}

/** The phrase as the language says it after a modal ("I can ...", "Ich kann ..."). */
export function say(phrase: Phrase, language: ToolLanguage): string {
  const parts = language === 'de' ? [phrase.object, phrase.verb] : [phrase.verb, phrase.object];
  return parts.filter(Boolean).join(' ');
}

interface BookingDetails {
  kind: 'table' | 'appointment' | 'room' | 'service' | 'booking';
  service?: string;
  party?: string;
  date?: string;
  time?: string;
  name?: string;
}

const MAX_VALUE_CHARS = 60;
const MAX_LISTED_ARGUMENTS = 4;

/** A scalar argument as words, clipped; undefined for anything else. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (!trimmed) return undefined;
  return trimmed.length > MAX_VALUE_CHARS ? `${trimmed.slice(0, MAX_VALUE_CHARS).trimEnd()}...` : trimmed;
}

/** The argument held by the first property of that role. */
function byRole(tool: ToolChoice, args: Record<string, unknown>, ...wanted: PropertyRole[]): string | undefined {
  const roles = rolesOf(propertiesOf(tool.parameters), tool.intent);
  for (const role of wanted) {
    for (const [name, r] of roles) if (r === role && text(args[name]) !== undefined) return text(args[name]);
  }
  return undefined;
}

function bookingDetails(tool: ToolChoice, args: Record<string, unknown>): BookingDetails {
  const about = `${nameWords(tool.name)} ${tool.description}`.toLowerCase();
  const service = byRole(tool, args, 'service');
  const kind: BookingDetails['kind'] = service
    ? 'service'
    : /\btables?\b|restaurant|dinner|lunch/.test(about)
      ? 'table'
      : /appointment|appt|consult|visit|session|salon|clinic/.test(about)
        ? 'appointment'
        : /\brooms?\b|hotel|stay|night/.test(about)
          ? 'room'
          : 'booking';
  let date = byRole(tool, args, 'date');
  let time = byRole(tool, args, 'time');
  const when = byRole(tool, args, 'datetime');
  const stamp = when ? /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(when) : null;
  if (stamp) {
    date ??= stamp[1];
    time ??= stamp[2];
  }
  const clock = time ? /^(\d{2}:\d{2})(?::\d{2})?(?:\.\d+)?(?:[zZ]|[+-]\d{2}(?::?\d{2})?)?$/.exec(time) : null;
  return {
    kind,
    ...(service ? { service } : {}),
    ...(byRole(tool, args, 'party') ? { party: byRole(tool, args, 'party') } : {}),
    ...(date ? { date } : {}),
    ...(time ? { time: clock ? clock[1]! : time } : {}),
    ...(byRole(tool, args, 'name') ? { name: byRole(tool, args, 'name') } : {}),
  };
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

type Words = (tool: ToolChoice, args: Record<string, unknown>) => ActionWords;

function bookingWords(language: ToolLanguage, d: BookingDetails): ActionWords {
  const people = d.party !== undefined && d.party !== '1';
  switch (language) {
    case 'en': {
      const what = {
        table: 'a table',
        appointment: 'an appointment',
        room: 'a room',
        service: `${article(d.service ?? '')} ${d.service}`,
        booking: 'a booking',
      }[d.kind];
      const details = [
        d.party !== undefined
          ? d.kind === 'table'
            ? `for ${d.party}`
            : `for ${d.party} ${people ? 'people' : 'person'}`
          : '',
        d.date ? `on ${d.date}` : '',
        d.time ? `at ${d.time}` : '',
        d.name ? `under the name ${d.name}` : '',
      ];
      const verb = d.kind === 'booking' ? 'make' : 'book';
      return {
        full: { verb, object: [what, ...details].filter(Boolean).join(' ') },
        short: { verb: 'make', object: 'the booking' },
        subject: 'your booking',
        past: verb === 'make' ? 'made' : 'booked',
      };
    }
    case 'es': {
      const what = {
        table: 'una mesa',
        appointment: 'una cita',
        room: 'una habitación',
        service: d.service!,
        booking: '',
      }[d.kind];
      const details = [
        d.party !== undefined ? `para ${d.party} ${people ? 'personas' : 'persona'}` : '',
        d.date ? `el ${d.date}` : '',
        d.time ? `a las ${d.time}` : '',
        d.name ? `a nombre de ${d.name}` : '',
      ];
      return {
        full: {
          verb: d.kind === 'booking' ? 'hacer una reserva' : 'reservar',
          object: [what, ...details].filter(Boolean).join(' '),
        },
        short: { verb: 'hacer', object: 'la reserva' },
        subject: 'tu reserva',
      };
    }
    case 'fr': {
      const what = {
        table: 'une table',
        appointment: 'un rendez-vous',
        room: 'une chambre',
        service: d.service!,
        booking: '',
      }[d.kind];
      const details = [
        d.party !== undefined ? `pour ${d.party} ${people ? 'personnes' : 'personne'}` : '',
        d.date ? `le ${d.date}` : '',
        d.time ? `à ${d.time}` : '',
        d.name ? `au nom de ${d.name}` : '',
      ];
      const verb = d.kind === 'booking' ? 'faire une réservation' : d.kind === 'appointment' ? 'prendre' : 'réserver';
      return {
        full: { verb, object: [what, ...details].filter(Boolean).join(' ') },
        short: { verb: 'faire', object: 'la réservation' },
        subject: 'votre réservation',
      };
    }
    case 'pt': {
      const what = {
        table: 'uma mesa',
        appointment: 'um horário',
        room: 'um quarto',
        service: d.service!,
        booking: '',
      }[d.kind];
      const details = [
        d.party !== undefined ? `para ${d.party} ${people ? 'pessoas' : 'pessoa'}` : '',
        d.date ? `em ${d.date}` : '',
        d.time ? `às ${d.time}` : '',
        d.name ? `em nome de ${d.name}` : '',
      ];
      const verb = d.kind === 'booking' ? 'fazer uma reserva' : d.kind === 'appointment' ? 'marcar' : 'reservar';
      return {
        full: { verb, object: [what, ...details].filter(Boolean).join(' ') },
        short: { verb: 'fazer', object: 'a reserva' },
        subject: 'a sua reserva',
      };
    }
    case 'de': {
      const what = {
        table: 'einen Tisch',
        appointment: 'einen Termin',
        room: 'ein Zimmer',
        service: `„${d.service}“`,
        booking: 'eine Reservierung',
      }[d.kind];
      const details = [
        d.party !== undefined ? `für ${d.party} ${people ? 'Personen' : 'Person'}` : '',
        d.date ? `am ${d.date}` : '',
        d.time ? `um ${d.time}` : '',
        d.name ? `auf den Namen ${d.name}` : '',
      ];
      const verb = d.kind === 'appointment' ? 'vereinbaren' : d.kind === 'booking' ? 'vornehmen' : 'buchen';
      return {
        full: { verb, object: [what, ...details].filter(Boolean).join(' ') },
        short: { verb: 'vornehmen', object: 'die Buchung' },
        subject: 'Ihre Buchung',
      };
    }
  }
}

function orderWords(language: ToolLanguage, reference: string | undefined): ActionWords {
  return { ...orderPhrases(language, reference), ...(reference ? { about: reference } : {}) };
}

function orderPhrases(language: ToolLanguage, reference: string | undefined): ActionWords {
  const ref = reference ? ` ${reference}` : '';
  switch (language) {
    case 'en':
      return {
        full: { verb: 'look up', object: `your order${ref}` },
        short: { verb: 'look up', object: 'your order' },
        subject: 'the order lookup',
        past: 'looked up',
      };
    case 'es':
      return {
        full: { verb: 'consultar', object: `tu pedido${ref}` },
        short: { verb: 'consultar', object: 'tu pedido' },
        subject: 'la consulta',
      };
    case 'fr':
      return {
        full: { verb: 'vérifier', object: `votre commande${ref}` },
        short: { verb: 'vérifier', object: 'votre commande' },
        subject: 'la vérification',
      };
    case 'pt':
      return {
        full: { verb: 'consultar', object: `o seu pedido${ref}` },
        short: { verb: 'consultar', object: 'o seu pedido' },
        subject: 'a consulta',
      };
    case 'de':
      return {
        full: { verb: 'nachsehen', object: `Ihre Bestellung${ref}` },
        short: { verb: 'nachsehen', object: 'Ihre Bestellung' },
        subject: 'die Abfrage',
      };
  }
}

function stockWords(language: ToolLanguage, product: string | undefined): ActionWords {
  return { ...stockPhrases(language, product), ...(product ? { about: product } : {}) };
}

function stockPhrases(language: ToolLanguage, product: string | undefined): ActionWords {
  switch (language) {
    case 'en':
      return {
        full: product
          ? { verb: 'check', object: `whether ${product} is in stock` }
          : { verb: 'check', object: 'the stock' },
        short: { verb: 'check', object: 'the stock' },
        subject: 'the stock check',
        past: 'checked',
      };
    case 'es':
      return {
        full: product
          ? { verb: 'comprobar', object: `si hay stock de ${product}` }
          : { verb: 'comprobar', object: 'el stock' },
        short: { verb: 'comprobar', object: 'el stock' },
        subject: 'la consulta',
      };
    case 'fr':
      return {
        full: product
          ? { verb: 'vérifier', object: `si ${product} est en stock` }
          : { verb: 'vérifier', object: 'le stock' },
        short: { verb: 'vérifier', object: 'le stock' },
        subject: 'la vérification',
      };
    case 'pt':
      return {
        full: product
          ? { verb: 'verificar', object: `se ${product} está em estoque` }
          : { verb: 'verificar', object: 'o estoque' },
        short: { verb: 'verificar', object: 'o estoque' },
        subject: 'a verificação',
      };
    case 'de':
      return {
        full: product
          ? { verb: `prüfen, ob ${product} auf Lager ist`, object: '' }
          : { verb: 'prüfen', object: 'den Lagerbestand' },
        short: { verb: 'prüfen', object: 'den Lagerbestand' },
        subject: 'die Abfrage',
      };
  }
}

/** Verbs a tool's name may start with ("cancel_order" -> "cancel the order"). */
const VERBS = new Set(
  `cancel update change create send refund delete remove add book check get find look lookup track schedule reserve
  order place return renew apply submit register subscribe unsubscribe request verify confirm modify edit set reset
  reschedule open close start stop pause resume transfer issue generate calculate estimate quote search list fetch
  notify contact call redeem activate deactivate upgrade downgrade extend claim report log file raise pay charge
  exchange ship hold release unlock lock sign enroll join leave buy purchase sell rent collect arrange`.split(/\s+/),
);

function otherWords(language: ToolLanguage, tool: ToolChoice, args: Record<string, unknown>): ActionWords {
  const words = nameWords(tool.name) || tool.name;
  const listed = Object.entries(args)
    .flatMap(([name, value]) => {
      const shown = text(value);
      return shown === undefined ? [] : [`${nameWords(name) || name}: ${shown}`];
    })
    .slice(0, MAX_LISTED_ARGUMENTS);
  const withArgs = listed.length > 0 ? ` (${listed.join(', ')})` : '';
  switch (language) {
    case 'en': {
      const [first, ...rest] = words.split(' ');
      const short: Phrase = VERBS.has(first!)
        ? { verb: first!, object: rest.length > 0 ? `the ${rest.join(' ')}` : '' }
        : { verb: 'get', object: `the ${words}` };
      return {
        full: { ...short, object: `${short.object}${withArgs}`.trim() },
        short,
        subject: `the request to ${say(short, 'en')}`,
      };
    }
    case 'es':
      return {
        full: { verb: 'realizar', object: `la acción «${words}»${withArgs}` },
        short: { verb: 'realizar', object: `la acción «${words}»` },
        subject: `la acción «${words}»`,
      };
    case 'fr':
      return {
        full: { verb: 'effectuer', object: `l'action « ${words} »${withArgs}` },
        short: { verb: 'effectuer', object: `l'action « ${words} »` },
        subject: `l'action « ${words} »`,
      };
    case 'pt':
      return {
        full: { verb: 'realizar', object: `a ação "${words}"${withArgs}` },
        short: { verb: 'realizar', object: `a ação "${words}"` },
        subject: `a ação "${words}"`,
      };
    case 'de':
      return {
        full: { verb: 'ausführen', object: `die Aktion „${words}“${withArgs}` },
        short: { verb: 'ausführen', object: `die Aktion „${words}“` },
        subject: `die Aktion „${words}“`,
      };
  }
}

const BY_INTENT: Record<ToolIntent, (language: ToolLanguage) => Words> = {
  booking: (language) => (tool, args) => bookingWords(language, bookingDetails(tool, args)),
  order_status: (language) => (tool, args) => orderWords(language, byRole(tool, args, 'order')),
  stock_check: (language) => (tool, args) => stockWords(language, byRole(tool, args, 'product', 'sku')),
};

export function actionWords(tool: ToolChoice, args: Record<string, unknown>, language: ToolLanguage): ActionWords {
  const safeArgs = typeof args === 'object' && args !== null && !Array.isArray(args) ? args : {};
  return tool.intent ? BY_INTENT[tool.intent](language)(tool, safeArgs) : otherWords(language, tool, safeArgs);
}
