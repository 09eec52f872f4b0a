import type { ToolIntent } from '@voca/contracts';
import { bookingDate } from './booking-date.js';
import { bookingTime } from './booking-time.js';
import { dayOf } from './calendar.js';
import { productCodes } from './codes.js';
import { partySize } from './party-size.js';
import { productMention } from './product-mention.js';
import { readToolMessage, type ToolMessage } from './tool-message.js';

/**
 * Which common service requests a customer's message makes, in English first, and in Spanish, French, Portuguese and
 * German for the key phrases: the status of an order ("where is my order 10423?"), a booking ("a table for 4 tomorrow
 * at 7pm"), a stock check ("is the queen bedding set in stock?"). A question about the business ("do you take
 * reservations?", "what are your hours?") or about another thing to do with an order ("I ordered the wrong size, can I
 * return it?") is none of them.
 */

// --- Order status -------------------------------------------------------------------------------------------------

const ORDER_NOUN =
  '(?:orders?|packages?|parcels?|deliver(?:y|ies)|shipments?|purchases?|pedidos?|paquetes?|envios?|ordenes|orden|compras?|commandes?|colis|livraisons?|envois?|encomendas?|pacotes?|entregas?|bestellung(?:en)?|pakete?|packchen|lieferung(?:en)?|sendung(?:en)?)';
const MINE =
  '(?:my|our|mi|mis|nuestro|nuestra|nuestros|ma|mon|mes|notre|nos|meu|minha|meus|minhas|nosso|nossa|mein|meine|meinen|meiner|unsere|unser|unserer)';
const MY_ORDER = new RegExp(`\\b${MINE} (?:[a-z]+ )?${ORDER_NOUN}\\b`);
/** An order word then, within a few words, a code with digits: "order 10423", "order number is #A-10423". */
const ORDER_WITH_REFERENCE =
  /\b(?:order|package|parcel|shipment|tracking|pedido|orden|paquete|envio|commande|colis|encomenda|bestellung|sendung|paket)s?\b(?:[\s:#.°º-]+[a-z]{1,10}){0,3}?[\s:#.°º-]+#?[a-z]{0,4}-?\d[\w-]{2,}/;
/** Phrases that ask for the status by themselves. */
const TRACKING = new RegExp(
  [
    `\\btracking (?:number|no|info|information|details|link|code|id|update|status)\\b`,
    `\\btrack (?:my|our|an?|the|this|that) (?:[a-z]+ )?${ORDER_NOUN}\\b`,
    `\\b${ORDER_NOUN} (?:status|tracking)\\b`,
    `\\b(?:status|update|updates|news|eta) (?:of|on|for|about) (?:my |our |the |this |that |an? )?(?:[a-z]+ )?${ORDER_NOUN}\\b`,
    `\\b(?:sendungsverfolgung|numero de seguimiento|codigo de rastreo|codigo de rastreio|numero de suivi)\\b`,
    `\\b(?:rastrear|rastreo|seguimiento|estado|rastreio|rastreamento|acompanhar|status|suivre|suivi|statut|etat|verfolgen|stand) (?:(?:de|del|do|da|of|der|des|meiner|meines) )?(?:(?:mi|mis|el|la|meu|minha|o|a|ma|mon|la|le|die|das|der) )?${ORDER_NOUN}\\b`,
    `\\b${ORDER_NOUN} (?:verfolgen|rastrear|suivre)\\b`,
  ].join('|'),
);
/** Words that ask where an order stands, whatever the sentence. */
const STATUS_WORDS =
  /\b(?:where|wheres|track|tracking|tracked|status|update|updates|news|eta|yet|late|delayed|delay|missing|lost|stuck|on its way|out for delivery|waiting|donde|estado|rastrear|seguimiento|retrasado|perdido|todavia|aun|ou est|ou en est|ou sont|suivi|suivre|statut|retard|perdu|perdue|toujours pas|onde|rastreio|rastreamento|acompanhar|atrasado|atrasada|ainda|wo ist|wo sind|wo bleibt|verfolgen|unterwegs|verspatet|verloren|noch nicht)\b/;
/** Words of an order's progress: they ask about it in a question or a complaint ("hasn't arrived"), not in thanks. */
const EVENT_WORDS =
  /\b(?:shipped|ship|dispatched|sent|arrived|arrive|arrives|arriving|delivered|coming|come|comes|received|receive|get it|left|processed|llega|llegado|llego|llegara|enviado|enviaron|despachado|recibido|recibi|arrivee?|arrive|recu|recue|expediee?|envoyee?|livree?|chegou|chega|chegar|enviada|despachado|recebi|recebido|angekommen|ankommen|kommt|verschickt|versandt|versendet|geliefert|erhalten|bekommen)\b/;
const ASKING =
  /\b(?:not|no|never|hasnt|havent|didnt|isnt|wasnt|still|when|nao|nicht|noch|kein|keine|pas|jamais|todavia|nunca|cuando|quand|quando|wann)\b|^(?:has|have|did|is|was|will|when|can)\b/;
/** Another thing to do with an order: not its status. */
const OTHER_ORDER_BUSINESS =
  /\b(?:return|returns|returning|refund|refunds|exchange|cancel|cancell?ation|wrong|damaged|broken|defective|swap|change|modify|edit|add|remove|complain|complaint|devolver|devolucion|reembolso|cancelar|cambiar|equivocado|roto|retour|retourner|rembourser|remboursement|annuler|modifier|echanger|abime|devolucao|trocar|alterar|errado|quebrado|zuruckgeben|rucksendung|erstattung|stornieren|umtauschen|andern|falsch|kaputt|beschadigt)\b/;

/** Any order, even not yet called mine: "I placed an order last week and it still hasn't come". */
const AN_ORDER = /\b(?:orders?|ordered|packages?|parcels?|deliver(?:y|ies)|shipments?|purchases?|purchased|bought)\b/;
const NOT_ARRIVED =
  /\b(?:hasnt|havent|has not|have not|didnt|did not|never|still not|not yet|yet to)(?: [a-z]+){0,2}? (?:come|came|arrived|arrive|shipped|ship|been shipped|been delivered|been sent|received|got|gotten|showed up|turned up)\b/;
/** A short message that gives an order's reference ("my order number is 10423", "order #A-10423"). */
const MAX_REFERENCE_ONLY_WORDS = 8;

export function asksOrderStatus(message: ToolMessage): boolean {
  const { flat, raw } = message;
  if (flat === '' || OTHER_ORDER_BUSINESS.test(flat)) return false;
  if (TRACKING.test(flat)) return true;
  if (AN_ORDER.test(flat) && NOT_ARRIVED.test(flat)) return true;
  const referenced = ORDER_WITH_REFERENCE.test(message.lower);
  if (referenced && message.folded.length <= MAX_REFERENCE_ONLY_WORDS) return true;
  if (!referenced && !MY_ORDER.test(flat)) return false;
  if (STATUS_WORDS.test(flat)) return true;
  return EVENT_WORDS.test(flat) && (raw.includes('?') || ASKING.test(flat));
}

// --- Booking ------------------------------------------------------------------------------------------------------

const COUNT =
  '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dos|tres|cuatro|cinco|seis|siete|ocho|deux|trois|quatre|cinq|huit|dois|duas|quatro|sete|oito|zwei|drei|vier|funf|sechs|sieben|acht)';
const BOOKING_NOUN =
  '(?:appointments?|appt|reservations?|bookings?|tables?|slots?|sessions?|consultations?|rooms?|citas?|reservas?|reservacion|mesas?|turnos?|rendez vous|rdv|consultas?|horarios?|agendamentos?|termine?|reservierung(?:en)?|tisch|buchung(?:en)?)';
const BOOKING_REQUEST = new RegExp(
  [
    // "book a table", "reserve for 4", "book me in", but not "the book"
    `(?<!\\b(?:the|a|this|that|your|my|any|of|good|new) )\\b(?:book|reserve)\\b (?:me|us|a|an|the|my|our|for|in|${COUNT}|table|tables|appointment|appt|slot|session|room|seat|seats|spot|class|lesson|visit|consultation|time|tickets?|it|that|this|something|online)\\b`,
    `\\b(?:can|could|may|shall) (?:i|we|you)(?: please)? (?:book|reserve|schedule)\\b`,
    `\\b(?:fit|squeeze|pencil) (?:me|us) in\\b`,
    `\\b(?:next|first|earliest) (?:available |free |open )?(?:appointment|appt|slot|table|booking)\\b`,
    `\\b(?:like|love|want|wanna|need|wish|trying|looking|hoping|going|able|how|where) to (?:book|reserve|schedule)\\b`,
    `\\b(?:how (?:do|can) (?:i|we)|id like to|lets|please) (?:book|reserve|schedule)\\b`,
    `\\bschedule (?:a|an|me|us|my|our) `,
    `\\b(?:make|get|set up|arrange|request|book|grab|secure|reserve|need|want|wanna|like|love|after|looking for|can i have|could i have|can we have|could we have|can i get|could i get) (?:[a-z]+ ){0,2}?(?:appointment|appt|reservation|booking|table|slot|consultation)\\b`,
    `\\b(?:table for|table of|mesa para|mesa pra|table pour|tisch fur) ${COUNT}\\b`,
    `\\b(?:reservar|reservarme|reservame|reservo|reserver|reservieren|buchen|agendar|agende|apartar|vereinbaren)\\b`,
    `\\bmarcar (?:uma?|consulta|horario|hora|mesa|reserva|para)\\b`,
    `\\bprendre (?:un )?(?:rendez vous|rdv)\\b`,
    `\\b(?:quiero|quisiera|me gustaria|necesito|podria|puedo|hacer|pedir|sacar) (?:[a-z]+ ){0,2}?(?:reserva|reservacion|cita|turno|mesa)\\b`,
    `\\b(?:je voudrais|voudrais|jaimerais|je veux|puis je|pourrais je|faire|avoir|besoin dun?) (?:[a-z]+ ){0,2}?(?:reservation|rendez vous|rdv|table)\\b`,
    `\\b(?:quero|queria|gostaria de|preciso de|posso|fazer) (?:[a-z]+ ){0,2}?(?:reserva|consulta|horario|mesa|agendamento)\\b`,
    `\\b(?:ich mochte|mochte|ich will|ich brauche|brauche|kann ich|konnte ich|hatte gerne|gerne) (?:[a-z]+ ){0,2}?(?:termin|reservierung|tisch|buchung)\\b`,
  ].join('|'),
);
const NAMES_BOOKING = new RegExp(`\\b${BOOKING_NOUN}\\b`);
/** Asks how booking works rather than booking: "do you take reservations?", "do I need an appointment?". */
const ABOUT_BOOKING =
  /\b(?:do|does|did) (?:i|we|you|one|u|ya|they)(?: guys)? (?:[a-z]+ )?(?:need|have to|require|take|accept|do|allow|offer)\b|\b(?:if|whether) (?:i|we) (?:need|have to)\b|\b(?:required|necessary|needed|mandatory)\b|\b(?:hace falta|se necesita|es necesario|aceptan|faut il|il faut|acceptez|precisa de|e necessario|aceitam|braucht man|muss man|brauche ich)\b/;
const CHANGES_BOOKING =
  /\b(?:cancel\w*|reschedul\w*|postpone|move my|change my|modify|cancelar|anular|reprogramar|cambiar|annuler|modifier|deplacer|reporter|remarcar|desmarcar|alterar|stornieren|absagen|verschieben|andern)\b/;

/** A stand-in for today, when only whether the message names a day matters. */
const ANY_DAY = dayOf(2000, 1, 1);

export function asksBooking(message: ToolMessage): boolean {
  const { flat } = message;
  if (flat === '' || CHANGES_BOOKING.test(flat)) return false;
  if (ABOUT_BOOKING.test(flat)) return false;
  if (BOOKING_REQUEST.test(flat)) return true;
  if (!NAMES_BOOKING.test(flat) && !/\b(?:any|your) availability\b/.test(flat)) return false;
  return (
    bookingTime(message) !== undefined ||
    partySize(message) !== undefined ||
    bookingDate(message, ANY_DAY) !== undefined
  );
}

// --- Stock --------------------------------------------------------------------------------------------------------

const STOCK_PHRASES = new RegExp(
  [
    `\\b(?:in stock|out of stock|back in stock|instock|restock(?:ed|ing)?|sold out|stock levels?|stock check|stock status)\\b`,
    `\\b(?:have|got|any|some|no|check|of|in|the) stock\\b`,
    `\\bstock (?:of|for|on)\\b`,
    `\\b(?:inventory|availability) (?:of|for|on)\\b`,
    `\\bany(?: [a-z0-9]+){0,4}? left\\b`,
    `\\bhow many(?: [a-z0-9]+){0,4}? (?:left|in stock|do you have)\\b`,
    `\\b(?:do|does) (?:you|u)(?: guys)? still (?:have|got|sell|carry|stock)\\b`,
    `\\bwhen will(?: [a-z0-9]+){1,5}? be (?:back|restocked|in stock)\\b`,
    `\\b(?:en stock|hay stock|tienen stock|sin stock|sin existencias|agotad[oa]s?|quedan|rupture de stock|epuisee?s?|en reste|em estoque|tem estoque|sem estoque|esgotad[oa]s?|auf lager|vorratig|ausverkauft|lieferbar|nicht mehr da|noch da)\\b`,
  ].join('|'),
);
const AVAILABLE = /\b(?:available|availible|availability|disponibles?|dispo|disponive(?:l|is)|verfugbar)\b/;

export function asksStock(message: ToolMessage): boolean {
  const { flat } = message;
  if (flat === '' || NAMES_BOOKING.test(flat) || CHANGES_BOOKING.test(flat)) return false;
  if (STOCK_PHRASES.test(flat)) return true;
  // "Available" asks about stock only when it is said of a product: not "is delivery available?", nor of someone on
  // a day ("is Dr Smith available on Monday?").
  if (!AVAILABLE.test(flat)) return false;
  if (productCodes(message.raw).length > 0) return true;
  if (bookingTime(message) !== undefined || bookingDate(message, ANY_DAY) !== undefined) return false;
  return productMention(message).phrase !== undefined;
}

/**
 * The requests the message makes, the likeliest first (an order status before a booking before a stock check), each
 * once; empty when it makes none.
 */
export function recogniseToolIntents(text: string | ToolMessage): ToolIntent[] {
  const message = typeof text === 'string' ? readToolMessage(text) : text;
  const intents: ToolIntent[] = [];
  if (asksOrderStatus(message)) intents.push('order_status');
  if (asksBooking(message)) intents.push('booking');
  if (asksStock(message)) intents.push('stock_check');
  return intents;
}
