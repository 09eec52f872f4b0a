import type { ToolIntent } from '@voca/contracts';
import { nameWords, type PropertySpec } from './argument-schema.js';
import { namedAfter, type ToolLanguage } from './language.js';
import type { PropertyRole } from './property-roles.js';

/**
 * The question for an argument the customer has not given yet, in the agent's language: a sentence that says the
 * agent can help, then the question, in words derived from the property's role ("What is your order number?", "For
 * what date would you like to book?"), else from its description or its name.
 */

type Questions = Partial<Record<PropertyRole, string>>;

const QUESTIONS: Record<ToolLanguage, Questions> = {
  en: {
    order: 'What is your order number?',
    date: 'For what date would you like to book?',
    time: 'At what time would you like to book?',
    datetime: 'For what date and time would you like to book?',
    party: 'For how many people?',
    service: 'Which service would you like to book?',
    name: 'What name should I put the booking under?',
    product: 'Which product would you like me to check?',
    sku: "What is the product's code (SKU)?",
    quantity: 'How many would you like?',
    email: 'What is your email address?',
    phone: 'What is your phone number?',
  },
  es: {
    order: '¿Cuál es tu número de pedido?',
    date: '¿Para qué fecha quieres reservar?',
    time: '¿A qué hora quieres reservar?',
    datetime: '¿Para qué día y a qué hora quieres reservar?',
    party: '¿Para cuántas personas?',
    service: '¿Qué servicio quieres reservar?',
    name: '¿A nombre de quién hago la reserva?',
    product: '¿Qué producto quieres que consulte?',
    sku: '¿Cuál es el código del producto (SKU)?',
    quantity: '¿Cuántas unidades necesitas?',
    email: '¿Cuál es tu correo electrónico?',
    phone: '¿Cuál es tu número de teléfono?',
  },
  fr: {
    order: 'Quel est votre numéro de commande ?',
    date: 'Pour quelle date souhaitez-vous réserver ?',
    time: 'À quelle heure souhaitez-vous réserver ?',
    datetime: 'Pour quel jour et à quelle heure souhaitez-vous réserver ?',
    party: 'Pour combien de personnes ?',
    service: 'Quel service souhaitez-vous réserver ?',
    name: 'À quel nom dois-je faire la réservation ?',
    product: 'Quel produit souhaitez-vous que je vérifie ?',
    sku: 'Quel est le code du produit (SKU) ?',
    quantity: 'Combien en souhaitez-vous ?',
    email: 'Quelle est votre adresse e-mail ?',
    phone: 'Quel est votre numéro de téléphone ?',
  },
  pt: {
    order: 'Qual é o número do seu pedido?',
    date: 'Para qual data você gostaria de reservar?',
    time: 'Para qual horário você gostaria de reservar?',
    datetime: 'Para qual dia e horário você gostaria de reservar?',
    party: 'Para quantas pessoas?',
    service: 'Qual serviço você gostaria de reservar?',
    name: 'Em nome de quem devo fazer a reserva?',
    product: 'Qual produto você gostaria que eu verificasse?',
    sku: 'Qual é o código do produto (SKU)?',
    quantity: 'Quantas unidades você deseja?',
    email: 'Qual é o seu e-mail?',
    phone: 'Qual é o seu número de telefone?',
  },
  de: {
    order: 'Wie lautet Ihre Bestellnummer?',
    date: 'Für welches Datum möchten Sie buchen?',
    time: 'Um wie viel Uhr möchten Sie buchen?',
    datetime: 'Für welchen Tag und welche Uhrzeit möchten Sie buchen?',
    party: 'Für wie viele Personen?',
    service: 'Welche Leistung möchten Sie buchen?',
    name: 'Auf welchen Namen darf ich die Buchung vornehmen?',
    product: 'Welches Produkt soll ich prüfen?',
    sku: 'Wie lautet die Artikelnummer (SKU)?',
    quantity: 'Wie viele Stück möchten Sie?',
    email: 'Wie lautet Ihre E-Mail-Adresse?',
    phone: 'Wie lautet Ihre Telefonnummer?',
  },
};

/** A name asked outside a booking is the customer's own. */
const YOUR_NAME: Record<ToolLanguage, string> = {
  en: 'What is your name?',
  es: '¿Cuál es tu nombre?',
  fr: 'Quel est votre nom ?',
  pt: 'Qual é o seu nome?',
  de: 'Wie ist Ihr Name?',
};

/** Anything else, by its description or name. */
const GENERIC: Record<ToolLanguage, (label: string, described: boolean) => string> = {
  en: (label, described) => (described ? `Could you tell me ${label}?` : `What is your ${label}?`),
  es: (label) => `¿Me indicas ${label}?`,
  fr: (label) => `Pourriez-vous m'indiquer ${label} ?`,
  pt: (label) => `Pode me informar ${label}?`,
  de: (label) => `Können Sie mir bitte Folgendes nennen: ${label}?`,
};

type Lead = (name: string) => string;
const LEADS: Record<ToolLanguage, Record<ToolIntent | 'other', Lead>> = {
  en: {
    order_status: (n) => `I can look up your order${n}.`,
    booking: (n) => `I can help you book that${n}.`,
    stock_check: (n) => `I can check that for you${n}.`,
    other: (n) => `I can help with that${n}.`,
  },
  es: {
    order_status: (n) => `Puedo consultar tu pedido${n}.`,
    booking: (n) => `Puedo ayudarte a reservar${n}.`,
    stock_check: (n) => `Puedo consultarlo${n}.`,
    other: (n) => `Puedo ayudarte con eso${n}.`,
  },
  fr: {
    order_status: (n) => `Je peux vérifier votre commande${n}.`,
    booking: (n) => `Je peux vous aider à réserver${n}.`,
    stock_check: (n) => `Je peux vérifier cela${n}.`,
    other: (n) => `Je peux vous aider${n}.`,
  },
  pt: {
    order_status: (n) => `Posso consultar o seu pedido${n}.`,
    booking: (n) => `Posso ajudar você a reservar${n}.`,
    stock_check: (n) => `Posso verificar isso${n}.`,
    other: (n) => `Posso ajudar com isso${n}.`,
  },
  de: {
    order_status: (n) => `Ich kann Ihre Bestellung nachsehen${n}.`,
    booking: (n) => `Ich kann Ihnen bei der Buchung helfen${n}.`,
    stock_check: (n) => `Ich kann das prüfen${n}.`,
    other: (n) => `Ich kann Ihnen dabei helfen${n}.`,
  },
};
const THANKS: Record<ToolLanguage, Lead> = {
  en: (n) => `Thanks${n}.`,
  es: (n) => `Gracias${n}.`,
  fr: (n) => `Merci${n}.`,
  pt: (n) => `Obrigado${n}.`,
  de: (n) => `Danke${n}.`,
};
const NOT_VALID: Record<ToolLanguage, (label: string | undefined) => string> = {
  en: (label) => (label ? `Sorry, that doesn't look like a valid ${label}.` : "Sorry, that doesn't look right."),
  es: () => 'Perdona, ese dato no parece válido.',
  fr: () => 'Désolé, cette information ne semble pas valide.',
  pt: () => 'Desculpe, esse dado não parece válido.',
  de: () => 'Entschuldigung, diese Angabe scheint nicht gültig zu sein.',
};
/** What an English apology calls the value it could not take. */
const NOUNS: Questions = {
  order: 'order number',
  date: 'date',
  time: 'time',
  datetime: 'date and time',
  party: 'number of people',
  product: 'product',
  sku: 'product code',
  quantity: 'quantity',
  email: 'email address',
  phone: 'phone number',
};

const MAX_LABEL_CHARS = 120;

/** The question alone. */
export function questionFor(
  property: PropertySpec,
  role: PropertyRole,
  intent: ToolIntent | null,
  language: ToolLanguage,
): string {
  if (role === 'name' && intent !== 'booking') return YOUR_NAME[language];
  const known = QUESTIONS[language][role];
  if (known) return known;
  const described = property.description !== undefined;
  const label = described ? descriptionLabel(property.description!) : nameWords(property.name) || property.name;
  return GENERIC[language](label, described);
}

/** "The customer's postcode." -> "the customer's postcode". */
function descriptionLabel(description: string): string {
  const text = description.replace(/\s+/g, ' ').replace(/[.?!:;,\s]+$/, '');
  const clipped = text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS).replace(/\s+\S*$/, '')}...` : text;
  return /^\p{Lu}\p{Ll}/u.test(clipped) ? clipped.charAt(0).toLowerCase() + clipped.slice(1) : clipped;
}

export interface AskInput {
  property: PropertySpec;
  role: PropertyRole;
  intent: ToolIntent | null;
  language: ToolLanguage;
  customerName?: string;
  /** The customer already answered part of it: thank them rather than offer help. */
  followUp?: boolean;
  /** The value the customer gave for this property did not pass the schema. */
  invalid?: boolean;
}

/** The lead sentence and the question. */
export function askText(input: AskInput): string {
  const { property, role, intent, language } = input;
  const name = namedAfter(input.customerName);
  const lead = input.invalid
    ? NOT_VALID[language](NOUNS[role] ?? (role === 'other' ? nameWords(property.name) || undefined : undefined))
    : input.followUp
      ? THANKS[language](name)
      : LEADS[language][intent ?? 'other'](name);
  return `${lead} ${questionFor(property, role, intent, language)}`;
}
