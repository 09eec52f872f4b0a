import type { ToolIntent } from '@voca/contracts';
import { nameWords, type PropertySpec } from './argument-schema.js';

/**
 * What each property of a tool's schema stands for, read from its name (else its description) and format, so that
 * what a customer says can be put in it: an order reference in `order_number`, `orderId`; a date in `date`; a head
 * count in `party_size`, `guests`; a product in `product`, `item_name`, its code in `sku`...
 */
export type PropertyRole =
  | 'order'
  | 'date'
  | 'time'
  | 'datetime'
  | 'party'
  | 'service'
  | 'name'
  | 'product'
  | 'sku'
  | 'quantity'
  | 'email'
  | 'phone'
  | 'other';

const EMAIL = /\be ?mail\b/;
const PHONE = /\b(?:phone|mobile|tel|telephone|cell|whatsapp|msisdn)\b/;
const ORDER = /\b(?:order|orders|number|num|no|nr|id|reference|ref|tracking|confirmation|code|invoice|purchase)\b/;
const NOT_ORDER = /\b(?:zip|postal|postcode|post|country|city|name|street|address|customer)\b/;
const DATE = /\b(?:date|day|on)\b/;
const TIME = /\b(?:time|hour|at)\b/;
const WHEN = /\b(?:datetime|when|start|starts|slot|timestamp)\b/;
const PARTY =
  /\b(?:party|people|persons?|guests?|covers|pax|seats|adults|attendees|group|size|count|headcount|diners|participants)\b|\bnumber of\b/;
const SERVICE =
  /\b(?:service|services|treatment|type|kind|category|reason|purpose|activity|class|procedure|product|offering|package|what)\b/;
const PERSON_NAME = /\b(?:name|customer|client|contact|first|last|full|surname)\b/;
const SKU =
  /\b(?:sku|skus|code|barcode|upc|ean|gtin|mpn|model|part|id|ref|reference|variant)\b|\b(?:item|product|article) (?:number|no|nr)\b/;
const PRODUCT =
  /\b(?:product|products|item|items|name|query|search|q|keyword|keywords|term|title|description|what|article)\b/;
const QUANTITY = /\b(?:quantity|qty|count|amount|units|number)\b/;

function roleFromWords(words: string, intent: ToolIntent | null): PropertyRole {
  if (EMAIL.test(words)) return 'email';
  if (PHONE.test(words)) return 'phone';
  switch (intent) {
    case 'order_status':
      return ORDER.test(words) && !NOT_ORDER.test(words) ? 'order' : PERSON_NAME.test(words) ? 'name' : 'other';
    case 'booking':
      if (/\bname\b/.test(words) && !SERVICE.test(words)) return 'name';
      if (DATE.test(words) && TIME.test(words)) return 'datetime';
      if (DATE.test(words)) return 'date';
      if (TIME.test(words)) return 'time';
      if (WHEN.test(words)) return 'datetime';
      if (PARTY.test(words)) return 'party';
      if (SERVICE.test(words)) return 'service';
      return PERSON_NAME.test(words) ? 'name' : 'other';
    case 'stock_check':
      if (SKU.test(words)) return 'sku';
      if (PRODUCT.test(words)) return 'product';
      return QUANTITY.test(words) ? 'quantity' : 'other';
    default:
      return 'other';
  }
}

function roleFromFormat(property: PropertySpec, intent: ToolIntent | null): PropertyRole | undefined {
  const format = property.schema.format;
  if (format === 'email') return 'email';
  if (intent !== 'booking') return undefined;
  if (format === 'date') return 'date';
  if (format === 'time' || format === 'iso-time') return 'time';
  if (format === 'date-time' || format === 'iso-date-time') return 'datetime';
  return undefined;
}

/** The role of each property, by name. At most one property holds the order reference: one named for the order. */
export function rolesOf(properties: readonly PropertySpec[], intent: ToolIntent | null): Map<string, PropertyRole> {
  const roles = new Map<string, PropertyRole>();
  for (const property of properties) {
    let role = roleFromFormat(property, intent) ?? roleFromWords(nameWords(property.name), intent);
    if (role === 'other' && property.description) {
      role = roleFromWords(nameWords(property.description.slice(0, 200)), intent);
    }
    roles.set(property.name, role);
  }
  const orders = properties.filter((p) => roles.get(p.name) === 'order');
  const holder = orders.find((p) => /\border\b/.test(nameWords(p.name))) ?? orders[0];
  for (const property of orders) if (property !== holder) roles.set(property.name, 'other');
  return roles;
}
