/** What a customer's message says to "shall I go ahead?". */
export type ConfirmationAnswer = 'yes' | 'no' | 'other';

const YES = new Set([
  'yes',
  'y',
  'yep',
  'yeah',
  'yup',
  'sure',
  'ok',
  'okay',
  'confirm',
  'confirmed',
  'correct',
  'please do',
  'go ahead',
  'do it',
  'yes please',
  'sounds good',
  'absolutely',
  'of course',
  'right',
  'si',
  'sí',
  'claro',
  'vale',
  'dale',
  'confirmo',
  'oui',
  "d'accord",
  'ja',
  'jawohl',
  'sim',
  'certo',
]);
const NO = new Set([
  'no',
  'n',
  'nope',
  'nah',
  'cancel',
  "don't",
  'do not',
  'stop',
  'no thanks',
  'no thank you',
  'not now',
  'never mind',
  'nevermind',
  'non',
  'nein',
  'não',
  'nao',
]);

/**
 * Reads a reply to a confirmation question: a short yes or no, in the languages the engine speaks, with or without
 * politeness around it ("yes please, go ahead!"). Anything longer or mixed is `other`: the customer moved on, and
 * nothing is done.
 */
export function confirmationAnswer(text: string): ConfirmationAnswer {
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[!?.,;:¡¿"()]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 6) return 'other';
  const phrases = (set: Set<string>) => {
    for (let size = Math.min(3, words.length); size >= 1; size--)
      for (let at = 0; at + size <= words.length; at++) if (set.has(words.slice(at, at + size).join(' '))) return true;
    return false;
  };
  const yes = phrases(YES);
  const no = phrases(NO);
  if (yes === no) return 'other';
  return yes ? 'yes' : 'no';
}
