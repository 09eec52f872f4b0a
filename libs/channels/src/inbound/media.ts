import { toStorableText, type InboundMedia, type MediaType } from '@voca/contracts';
import { truncateText } from './limits.js';
import { child, isObject, optionalString, prop, requireArray, type JsonObject } from './read.js';

/** Contact cards kept of one shared message, and phone numbers of one card. */
const MAX_CONTACTS = 20;
const MAX_PHONES = 10;
/** Names, addresses and file names are descriptions: longer ones are cut, never refused. */
const MAX_LABEL = 1000;

const label = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? truncateText(toStorableText(value)).slice(0, MAX_LABEL)
    : undefined;

const finite = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** Drops the fields that ended up undefined, so stored references carry only what the platform said. */
function defined(media: InboundMedia): InboundMedia {
  return Object.fromEntries(Object.entries(media).filter(([, value]) => value !== undefined)) as InboundMedia;
}

/** A file the platform holds (photo, video, voice note, document, sticker) by id or URL. */
export function fileMedia(type: MediaType, source: JsonObject, path: string): InboundMedia {
  return defined({
    type,
    id: optionalString(prop(source, 'id'), child(path, 'id')),
    url: optionalString(prop(source, 'url'), child(path, 'url')),
    mime_type: label(prop(source, 'mime_type')),
    filename: label(prop(source, 'filename')),
    voice: prop(source, 'voice') === true ? true : undefined,
  });
}

/** A shared place: coordinates when the platform gives them, and its name and address. */
export function locationMedia(source: JsonObject): InboundMedia {
  return defined({
    type: 'location',
    latitude: finite(prop(source, 'latitude')),
    longitude: finite(prop(source, 'longitude')),
    name: label(prop(source, 'name')),
    address: label(prop(source, 'address')),
    url: label(prop(source, 'url')),
  });
}

/** A shared post, reel, story or link (Instagram, Messenger): where it is and its title. */
export function sharedMedia(source: JsonObject): InboundMedia {
  return defined({ type: 'share', url: label(prop(source, 'url')), name: label(prop(source, 'title')) });
}

/** WhatsApp contact cards: `[{name: {formatted_name}, phones: [{phone}]}]`, names and numbers only. */
export function contactsMedia(cards: unknown, path: string): InboundMedia {
  const list = requireArray(cards, path).slice(0, MAX_CONTACTS);
  const contacts = list.filter(isObject).map((card, i) => {
    const name = prop(card, 'name');
    const phones = prop(card, 'phones');
    return {
      name: (isObject(name) ? label(prop(name, 'formatted_name')) : undefined) ?? `contact ${i + 1}`,
      phones: (Array.isArray(phones) ? phones.slice(0, MAX_PHONES) : [])
        .map((phone) => (isObject(phone) ? label(prop(phone, 'phone')) : undefined))
        .filter((phone): phone is string => phone !== undefined),
    };
  });
  return { type: 'contacts', contacts };
}

/** The caption of a photo, video or document, as the customer's words (empty when there is none). */
export function captionOf(source: JsonObject): string {
  const caption = prop(source, 'caption');
  return typeof caption === 'string' ? truncateText(toStorableText(caption)) : '';
}
