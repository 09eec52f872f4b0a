import { productCodes } from './codes.js';
import { wordIndexAt, type ToolMessage } from './tool-message.js';

/**
 * The product a stock question is about: its code when the message gives one, else the words that name it between
 * the question's own words ("is the queen bedding set in stock?" -> "queen bedding set"), quoted as written.
 */

/** Up to six words, as few as the frame allows. */
const W = '((?:[a-z0-9]+ ){0,5}?[a-z0-9]+)';
const DET =
  '(?:(?:the|your|this|that|these|those|a|an|any|some|more|el|la|los|las|un|una|unos|unas|le|les|l|des|du|de|o|os|as|um|uma|der|die|das|den|dem|einen|eine|ein|noch) )*';
const STOCK_WORDS =
  '(?:in stock|available|availible|avail|out of stock|sold out|back in stock|restocked|left|en stock|disponibles?|agotad[oa]s?|en existencia|epuisee?s?|em estoque|disponive(?:l|is)|esgotad[oa]s?|auf lager|vorratig|verfugbar|lieferbar|ausverkauft|noch da)';

/** Where the product sits in a stock question, in each language. */
const FRAMES: RegExp[] = [
  new RegExp(
    `\\b(?:is|are|isnt|arent|was|were) (?:there )?(?:still )?${DET}${W} (?:still |currently |now |also )?${STOCK_WORDS}\\b`,
    'd',
  ),
  new RegExp(
    `\\b(?:do|does|did) (?:you|u|ya)(?: guys| all)? (?:still |currently |now )?(?:have|got|carry|stock|sell) ${DET}${W} (?:still |currently )?(?:in stock|available|left|in store|right now|at the moment|on hand)\\b`,
    'd',
  ),
  new RegExp(`\\b(?:have you got|got|any|how many) ${DET}${W} (?:in stock|available|left)\\b`, 'd'),
  new RegExp(`\\b(?:any|some) (?:more )?left of ${DET}${W}$`, 'd'),
  new RegExp(
    `\\bhow many (?:of )?${DET}${W} (?:do you have|have you got|are there|are|is there|is) (?:still )?(?:left|in stock|available)\\b`,
    'd',
  ),
  new RegExp(`\\bwhen will ${DET}${W} be (?:back|available|restocked|in stock)\\b`, 'd'),
  new RegExp(`\\b(?:stock|availability|inventory) (?:of|for|on) ${DET}${W}(?: please| pls)?$`, 'd'),
  new RegExp(`\\bcheck (?:the )?(?:stock|availability) (?:of |for |on )?${DET}${W}(?: please| pls)?$`, 'd'),
  new RegExp(`\\b(?:do you still have|do you have any more|any more) ${DET}${W}$`, 'd'),
  new RegExp(
    `\\b(?:tienen|tienes|tiene|hay|queda|quedan|teneis) (?:todavia |aun )?(?:disponibles? |en stock )?${DET}${W} (?:en stock|disponibles?|en existencia)\\b`,
    'd',
  ),
  new RegExp(`\\b(?:tienen|tienes|tiene|hay|queda|quedan) (?:disponibles?|en stock) ${DET}${W}$`, 'd'),
  new RegExp(
    `\\b(?:esta|estan|sigue|siguen|ta|estao|est|sont|ist|sind) (?:todavia |aun |encore |ainda |noch )?(?:disponibles?|disponive(?:l|is)|en stock|em estoque|verfugbar|auf lager|lieferbar) ${DET}${W}$`,
    'd',
  ),
  new RegExp(`\\b(?:esta|estan) ${DET}${W} (?:disponibles?|en stock|agotad[oa]s?)\\b`, 'd'),
  new RegExp(`\\b(?:el|la|los|las) ${W} (?:esta|estan|sigue|siguen) (?:disponibles?|en stock|agotad[oa]s?)\\b`, 'd'),
  new RegExp(
    `\\b(?:avez vous|vous avez|est ce que vous avez|il reste) ${DET}${W} (?:en stock|disponibles?|encore)\\b`,
    'd',
  ),
  new RegExp(`\\b(?:le|la|les|l) ${W} (?:est|sont) (?:encore )?(?:en stock|disponibles?|epuisee?s?)\\b`, 'd'),
  new RegExp(`\\b(?:tem|tens|voces tem|vcs tem|ainda tem) ${DET}${W} (?:em estoque|disponive(?:l|is))\\b`, 'd'),
  new RegExp(`\\b(?:o|a|os|as) ${W} (?:esta|estao|ta) (?:em estoque|disponive(?:l|is)|esgotad[oa]s?)\\b`, 'd'),
  new RegExp(
    `\\b(?:haben sie|habt ihr|hast du|gibt es) ${DET}${W} (?:auf lager|vorratig|noch|verfugbar|lieferbar)\\b`,
    'd',
  ),
  new RegExp(
    `\\b(?:ist|sind) ${DET}${W} (?:noch )?(?:auf lager|vorratig|verfugbar|lieferbar|ausverkauft|noch da)\\b`,
    'd',
  ),
];

/** Words around a product's name that are not part of it. */
const EDGE_WORDS = new Set(
  `the your this that these those a an any some more still currently now also please pls sku skus item items product
  products code number model ref reference article el la los las un una unos unas le les l des du de o os as um uma
  der die das den dem einen eine ein noch in stock available left thanks thank you its it is sure ok okay yes yeah
  i im id want need would like looking for check called named um uh hi hello hey just only of`.split(/\s+/),
);

/**
 * What a product's name is never about: services, people, times (for "is delivery available?", "are you available
 * on Sunday?", "is the manager available?").
 */
const NOT_PRODUCT = new Set(
  `delivery deliveries shipping shipment pickup pick collection parking wifi appointment appointments appt slot slots
  table tables reservation reservations booking bookings time times date dates someone anyone anybody somebody staff
  person people manager agent human representative rep you u he she they it we me us today tomorrow tonight weekend
  weekends monday tuesday wednesday thursday friday saturday sunday refund refunds return returns exchange exchanges
  payment payments financing installment installments discount discounts coupon coupons promo promotion promotions
  sale sales help support service services room rooms seat seats spot spots session sessions class classes lesson
  lessons opening openings owner doctor dr mr mrs ms miss nurse therapist stylist barber trainer teacher instructor
  technician mechanic dentist store shop venue space hall restaurant location place event events there them one ones cita citas mesa mesas reserva reservas
  envio entrega alguien hoy manana rendez vous livraison quelquun termin termine lieferung jemand heute morgen
  consulta horario horarios alguem hoje amanha`.split(/\s+/),
);

const COUNT_UNITS = new Set(['units', 'unit', 'pieces', 'piece', 'pcs', 'of', 'x', 'more']);
const MAX_ANSWER_WORDS = 8;
const VAGUE = new Set(['one', 'ones', 'it', 'that', 'this', 'them', 'those', 'these', 'thing', 'things']);

export interface ProductMention {
  /** Codes (SKUs) it gives, as written. */
  codes: string[];
  /** The words naming the product, as written, without its code; undefined when no frame holds one. */
  phrase?: string;
}

/**
 * `answering`: the message answers "which product?", so all of it may name the product ("the queen bedding set").
 */
export function productMention(message: ToolMessage, answering = false): ProductMention {
  const codes = productCodes(message.raw);
  const codeWords = new Set(codes.flatMap((code) => code.toLowerCase().split(/[^\p{L}\p{N}]+/u)));
  for (const frame of FRAMES) {
    const match = frame.exec(message.flat);
    const at = match?.indices?.[1];
    if (!at) continue;
    const first = wordIndexAt(message.flat, at[0]);
    const last = wordIndexAt(message.flat, at[1] - 1);
    const span = message.folded.slice(first, last + 1);
    // "do you have SKU BS-100 available?": the code is the product.
    if (span.some((word) => codeWords.has(word)) && span.every((word) => codeWords.has(word) || EDGE_WORDS.has(word))) {
      return { codes };
    }
    const phrase = trimmedPhrase(message, first, last, codeWords);
    if (phrase === undefined) continue;
    if (phrase.folded.some((word) => NOT_PRODUCT.has(word))) continue;
    return { codes, phrase: phrase.text };
  }
  if (answering && !message.raw.includes('?') && message.folded.length <= MAX_ANSWER_WORDS + 4) {
    const phrase = trimmedPhrase(message, 0, message.folded.length - 1, codeWords);
    // "the blue one" says which product only to someone who can see it.
    if (phrase && phrase.folded.length <= MAX_ANSWER_WORDS && !VAGUE.has(phrase.folded[phrase.folded.length - 1]!)) {
      return { codes, phrase: phrase.text };
    }
  }
  return { codes };
}

/** Whether a stretch of words could name a product: none of it a service, a person or a time. */
export function couldBeProduct(folded: readonly string[]): boolean {
  return folded.length > 0 && !folded.some((word) => NOT_PRODUCT.has(word));
}

function trimmedPhrase(
  message: ToolMessage,
  first: number,
  last: number,
  codeWords: ReadonlySet<string>,
): { text: string; folded: string[] } | undefined {
  const edge = (word: string) => EDGE_WORDS.has(word) || codeWords.has(word);
  let a = first;
  let b = last;
  // "3 units of the king sheets": the count is not the product's.
  if (a < b && /^\d+$/.test(message.folded[a]!) && COUNT_UNITS.has(message.folded[a + 1]!)) a += 2;
  while (a <= b && edge(message.folded[a]!)) a++;
  while (b >= a && edge(message.folded[b]!)) b--;
  if (a > b) return undefined;
  return { text: message.words.slice(a, b + 1).join(' '), folded: message.folded.slice(a, b + 1) };
}
