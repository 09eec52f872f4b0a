import type { ToolIntent } from '@voca/contracts';
import { clip } from '../plain.js';
import { nameWords } from './argument-schema.js';
import type { ToolLanguage } from './language.js';

/**
 * A backend's answer to a tool call, told to the customer: its own words when it gives some (`message`, `reply`,
 * `text`, `summary`), verbatim; otherwise sentences from its top-level fields, the status first ("Your order 10423 has
 * shipped. Carrier: UPS. Estimated delivery: 2026-12-10."), lists and objects cut to a few of their values. Never
 * longer than about 400 characters.
 */

export const MAX_RESULT_CHARS = 400;
const MAX_FIELDS = 8;
const MAX_LISTED = 3;
const MAX_VALUE_CHARS = 120;

const OWN_WORDS = ['message', 'reply', 'text', 'summary'];
const STATUS_KEYS = ['status', 'state', 'order status', 'booking status', 'stock status'];
const IN_STOCK = /^(?:is )?(?:in stock|instock|available|availability|is available)$/;
const QUANTITY =
  /^(?:quantity|qty|stock|inventory|count|units|on hand|stock level|available quantity|quantity available|available units|units available|quantity on hand)$/;
const PRODUCT_NAME = /^(?:name|product|product name|title|item|item name)$/;
const LABELS = ['name', 'title', 'label', 'description', 'product', 'sku', 'id'];

export interface ResultInput {
  intent: ToolIntent | null;
  result: Record<string, unknown> | undefined;
  arguments: Record<string, unknown>;
  language: ToolLanguage;
  /** The order's reference or the product the call was about, as the arguments gave it. */
  subject?: string;
}

const BOOLEANS: Record<ToolLanguage, [string, string]> = {
  en: ['yes', 'no'],
  es: ['sí', 'no'],
  fr: ['oui', 'non'],
  pt: ['sim', 'não'],
  de: ['ja', 'nein'],
};

/** One field as a sentence: "Carrier: UPS." ("Transporteur : UPS." in French). */
function fieldSentence(label: string, value: string, language: ToolLanguage): string {
  return `${label}${language === 'fr' ? ' :' : ':'} ${value.replace(/[.\s]+$/, '')}.`;
}

function labelOf(key: string): string {
  const words = nameWords(key)
    .split(' ')
    .map((w) => (/^(?:id|eta|url|sku|upc|ean|gtin)$/.test(w) ? w.toUpperCase() : w))
    .join(' ');
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

function scalarText(value: unknown, language: ToolLanguage): string | undefined {
  if (typeof value === 'boolean') return BOOLEANS[language][value ? 0 : 1];
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS).replace(/\s+\S*$/, '')}...` : text;
}

/** A list or an object as a few of its values; undefined when it has none worth saying. */
function compoundText(value: unknown, language: ToolLanguage): string | undefined {
  if (Array.isArray(value)) {
    const items = value.flatMap((item) => {
      const scalar = scalarText(item, language);
      if (scalar !== undefined) return [scalar];
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return [];
      const record = item as Record<string, unknown>;
      const key = LABELS.find((k) => scalarText(record[k], language) !== undefined);
      const first = key ? record[key] : Object.values(record).find((v) => scalarText(v, language) !== undefined);
      const text = scalarText(first, language);
      return text === undefined ? [] : [text];
    });
    return items.length > 0 ? items.slice(0, MAX_LISTED).join(', ') : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const items = Object.values(value).flatMap((v) => scalarText(v, language) ?? []);
    return items.length > 0 ? items.slice(0, MAX_LISTED).join(', ') : undefined;
  }
  return undefined;
}

const PAST_HAS = new Set(['shipped', 'dispatched', 'arrived', 'left']);

function orderStatus(status: string, subject: string | undefined, language: ToolLanguage): string {
  const ref = subject ? ` ${subject}` : '';
  switch (language) {
    case 'en': {
      if (PAST_HAS.has(status.toLowerCase())) return `Your order${ref} has ${status}.`;
      if (/^[a-z]+ed$/i.test(status)) return `Your order${ref} has been ${status}.`;
      if (/^[a-z]+(?: [a-z]+){0,4}$/i.test(status)) return `Your order${ref} is ${status}.`;
      return `Status of your order${ref}: ${status}.`;
    }
    case 'es':
      return `Estado de tu pedido${ref}: ${status}.`;
    case 'fr':
      return `Statut de votre commande${ref} : ${status}.`;
    case 'pt':
      return `Status do seu pedido${ref}: ${status}.`;
    case 'de':
      return `Status Ihrer Bestellung${ref}: ${status}.`;
  }
}

function bookingStatus(status: string, language: ToolLanguage): string {
  switch (language) {
    case 'en':
      return /^[a-z]+(?: [a-z]+){0,3}$/i.test(status) ? `Your booking is ${status}.` : `Booking status: ${status}.`;
    case 'es':
      return `Estado de tu reserva: ${status}.`;
    case 'fr':
      return `Statut de votre réservation : ${status}.`;
    case 'pt':
      return `Status da sua reserva: ${status}.`;
    case 'de':
      return `Status Ihrer Buchung: ${status}.`;
  }
}

const STATUS_LABEL: Record<ToolLanguage, string> = {
  en: 'Status',
  es: 'Estado',
  fr: 'Statut',
  pt: 'Status',
  de: 'Status',
};

function stockSentence(inStock: boolean, product: string | undefined, language: ToolLanguage): string {
  switch (language) {
    case 'en': {
      const it = product ?? 'it';
      return inStock ? `Good news: ${it} is in stock.` : `Sorry, ${it} is out of stock right now.`;
    }
    case 'es': {
      const it = product ?? 'el producto';
      return inStock ? `Buenas noticias: ${it} está en stock.` : `Lo siento, ${it} está agotado por ahora.`;
    }
    case 'fr': {
      const it = product ?? 'le produit';
      return inStock ? `Bonne nouvelle : ${it} est en stock.` : `Désolé, ${it} est en rupture de stock pour le moment.`;
    }
    case 'pt': {
      const it = product ?? 'o produto';
      return inStock ? `Boa notícia: ${it} está em estoque.` : `Desculpe, ${it} está esgotado no momento.`;
    }
    case 'de': {
      const it = product ?? 'der Artikel';
      return inStock ? `Gute Nachricht: ${it} ist auf Lager.` : `Leider ist ${it} derzeit nicht auf Lager.`;
    }
  }
}

const QUANTITY_LABEL: Record<ToolLanguage, string> = {
  en: 'Quantity available',
  es: 'Unidades disponibles',
  fr: 'Quantité disponible',
  pt: 'Quantidade disponível',
  de: 'Verfügbare Menge',
};

/** The backend's own words, or sentences from its fields; undefined when it said nothing worth telling. */
export function resultText(input: ResultInput): string | undefined {
  const { result, language, intent } = input;
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return undefined;
  const entries = Object.entries(result).filter(([key]) => !key.startsWith('_'));
  for (const key of OWN_WORDS) {
    const own = entries.find(([k]) => k.toLowerCase() === key)?.[1];
    if (typeof own === 'string' && own.trim()) return clip(own.trim(), MAX_RESULT_CHARS);
  }
  const used = new Set<string>();
  const sentences: string[] = [];
  const keyed = (pattern: RegExp | string[], test: (value: unknown) => boolean) =>
    entries.find(([key, value]) => {
      const words = nameWords(key);
      return (Array.isArray(pattern) ? pattern.includes(words) : pattern.test(words)) && test(value);
    });

  const isText = (value: unknown) => scalarText(value, language) !== undefined && typeof value !== 'boolean';
  if (intent === 'stock_check') {
    const named = keyed(PRODUCT_NAME, (value) => typeof value === 'string' && value.trim() !== '');
    const product = named ? scalarText(named[1], language) : input.subject;
    if (named) used.add(named[0]);
    const flag = keyed(IN_STOCK, (value) => typeof value === 'boolean');
    const quantity = keyed(QUANTITY, (value) => typeof value === 'number' && Number.isFinite(value));
    const inStock = flag ? (flag[1] as boolean) : quantity ? (quantity[1] as number) > 0 : undefined;
    if (inStock !== undefined) sentences.push(stockSentence(inStock, product, language));
    if (flag) used.add(flag[0]);
    if (quantity) {
      used.add(quantity[0]);
      if (inStock) sentences.push(fieldSentence(QUANTITY_LABEL[language], String(quantity[1]), language));
    }
  }
  const status = keyed(STATUS_KEYS, isText);
  if (status) {
    used.add(status[0]);
    const value = scalarText(status[1], language)!;
    sentences.push(
      intent === 'order_status'
        ? orderStatus(value, input.subject, language)
        : intent === 'booking'
          ? bookingStatus(value, language)
          : fieldSentence(STATUS_LABEL[language], value, language),
    );
  }
  const echoed = new Set(Object.values(input.arguments ?? {}).map((value) => String(value).toLowerCase()));
  for (const [key, value] of entries) {
    if (used.has(key) || sentences.length >= MAX_FIELDS) continue;
    const scalar = scalarText(value, language);
    if (scalar !== undefined && typeof value !== 'boolean' && echoed.has(scalar.toLowerCase())) continue;
    const said = scalar ?? compoundText(value, language);
    if (said !== undefined) sentences.push(fieldSentence(labelOf(key), said, language));
  }
  if (sentences.length === 0) return undefined;
  let out = sentences[0]!;
  for (const sentence of sentences.slice(1)) {
    if (out.length + 1 + sentence.length > MAX_RESULT_CHARS) break;
    out = `${out} ${sentence}`;
  }
  return clip(out, MAX_RESULT_CHARS);
}
