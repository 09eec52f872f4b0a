/**
 * Turns free text into comparable terms: lower case, no punctuation, a light stemmer and a few synonyms, so that
 * "Deliveries?" and "shipping" meet on the same term. Used alike for the customer's message and the business's facts.
 */

/** Upper bounds on the work done per text: anything past them is ignored. */
export const MAX_TEXT_CHARS = 2_000;
export const MAX_TERMS = 300;

export interface Words {
  /** Lower-case ASCII words separated by single spaces, before any rewriting. */
  flat: string;
  /** Every word as a term, stop words included, in order. */
  terms: string[];
  /** Terms of the words that carry meaning (stop words removed). */
  content: Set<string>;
}

/** Multi-word expressions folded into one word before splitting. */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bhow much\b/g, 'price'],
  [/\b(?:send|take|bring|give|mail|post)(?: (?:it|them|this|that|these|those|something|an? \w+))? back\b/g, 'return'],
  [/\bmoney back\b/g, 'refund'],
  [/\be mail\b/g, 'email'],
  [/\bweb site\b/g, 'website'],
  [/\b(?:credit|debit) cards?\b/g, 'paycard'],
  [/\bopen (?:a|an|my|new) /g, 'start '],
  [/\bgood (?:morning|afternoon|evening|day)\b/g, 'hello'],
  [/\b(?:good ?night|see (?:you|ya)(?: later| soon)?|take care|talk (?:to you )?(?:later|soon))\b/g, 'bye'],
  [/\bhow long\b/g, 'howlong'],
  [/\bcall (?:me|us)(?: back)?\b|\bcall ?back\b/g, 'callback'],
  [/\b(?:(?:do|does) (?:you|u|ya)(?: guys| all)? (?:have|offer|got)|have you got|is there|are there)\b/g, 'doyouhave'],
];

const STOP_WORDS = new Set(
  `a an the and or but if so of to in on at by for from with about as into than then too very just also only any some
  all each every many more most other such no not nor own same few can could would should will shall may might must do
  does did doing done have has had having get gets got getting be is am are was were been being i im ive id ill me my
  mine myself we us our ours you your yours youre yourself u ur ya he she it its they them their theirs this that these
  those there here what whats which who whom whose when where why how hows wheres whens please pls plz ok okay yes yeah
  yep sure hmm um uh well like know tell let want wanted need needed looking look wondering wonder curious question
  questions ask asking help info information detail details thing things something anything everything one ones lot
  lots still again really actually maybe perhaps great good nice awesome cool perfect store shop business company policy
  policies offer offers provide provides available currently now right kind sort type stuff dont doesnt isnt arent cant
  wont didnt wouldnt place theres much way say said go going make guys folks name called exactly usually generally
  normally typically basically even ever guess think mean new hello hey doyouhave howlong callback`.split(/\s+/),
);

/** Words with the same meaning here, under one term (the key). */
const SYNONYMS: Record<string, string[]> = {
  ship: [
    'shipping',
    'shipped',
    'shipment',
    'deliver',
    'delivery',
    'deliveries',
    'delivered',
    'delivering',
    'postage',
    'courier',
    'dispatch',
    'dispatched',
  ],
  arrive: ['arrive', 'arrives', 'arrived', 'arriving', 'arrival'],
  return: ['returns', 'returned', 'returning', 'refund', 'refunds', 'refunded'],
  exchange: ['exchange', 'exchanges', 'exchanged', 'swap'],
  price: ['prices', 'pricing', 'priced', 'cost', 'costs', 'costing', 'expensive', 'cheap', 'fee', 'fees'],
  phone: ['phones', 'telephone', 'call', 'calls', 'calling'],
  email: ['emails', 'emailing'],
  address: ['addresses', 'located', 'location', 'locations', 'directions'],
  website: ['websites', 'site', 'web', 'online', 'url', 'internet'],
  pay: ['pays', 'paying', 'payment', 'payments', 'paid'],
  warranty: ['warranties', 'guarantee', 'guaranteed', 'guarantees'],
  specialty: [
    'specialties',
    'speciality',
    'specialities',
    'specialize',
    'specialise',
    'specializes',
    'specialises',
    'specialized',
    'specialised',
    'specializing',
    'specialising',
    'specialist',
    'specialists',
  ],
  hour: ['hours', 'schedule', 'timing', 'timings'],
  open: ['opens', 'opened', 'opening'],
  close: ['closes', 'closed', 'closing'],
  thank: ['thanks', 'thx', 'ty', 'cheers', 'appreciate', 'appreciated'],
  hello: ['hi', 'hey', 'hiya', 'howdy', 'greetings', 'heya', 'hullo'],
  bye: ['goodbye', 'byebye', 'cya', 'farewell'],
  sell: ['sells', 'selling', 'carry', 'carries', 'stock', 'stocks'],
  product: ['products', 'item', 'items'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, words] of Object.entries(SYNONYMS)) {
  for (const word of [canonical, ...words]) CANONICAL.set(stem(word), canonical);
}

/** A deliberately small suffix stripper: plurals, -ing, -ed, a final e. Consistency matters more than linguistics. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 3) {
    if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
    else if (/(?:sses|xes|ches|shes)$/.test(w)) w = w.slice(0, -2);
    else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  }
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 5 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([^aeiouylsz])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** The term a single word stands for. */
export function term(word: string): string {
  const stemmed = stem(word);
  return CANONICAL.get(stemmed) ?? stemmed;
}

/** Lower case, accents and apostrophes dropped ("what's" -> "whats"), everything else not a letter or digit a space. */
export function flatten(text: string): string {
  return text
    .slice(0, MAX_TEXT_CHARS)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** `without`: a phrase (such as the business's name) taken out of the text before it is read. */
export function words(text: string, without?: string): Words {
  let flat = flatten(typeof text === 'string' ? text : '');
  const phrase = without ? flatten(without) : '';
  if (phrase.length >= 3) flat = ` ${flat} `.split(` ${phrase} `).join(' ').trim();
  let rewritten = flat;
  for (const [pattern, replacement] of PHRASES) rewritten = rewritten.replace(pattern, replacement);
  const raw = rewritten ? rewritten.split(' ').slice(0, MAX_TERMS) : [];
  const terms = raw.map(term);
  const content = new Set(terms.filter((_, i) => !STOP_WORDS.has(raw[i]!)));
  return { flat, terms, content };
}

/** The meaningful terms of a fact (product name, knowledge entry, FAQ question...). */
export function contentTerms(text: string | undefined): Set<string> {
  return text ? words(text).content : new Set();
}

export function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const t of a) if (b.has(t)) out.add(t);
  return out;
}
