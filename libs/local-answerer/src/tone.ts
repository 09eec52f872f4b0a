import type { BusinessProfile, BusinessType } from '@voca/contracts';

/**
 * How the agent speaks. The tone only picks the greetings, connectors and sign-offs around the facts; the facts
 * themselves are always quoted the same way.
 */
export type Tone = 'friendly' | 'warm' | 'casual' | 'professional' | 'formal';

/** Words of a free-text tone or personality ("warm and professional") that point to a tone. */
const TONE_WORDS: ReadonlyArray<readonly [Tone, string[]]> = [
  ['formal', ['formal', 'polite', 'courteous', 'respectful', 'refined', 'elegant', 'dignified', 'sophisticated']],
  ['professional', ['professional', 'businesslike', 'business-like', 'corporate', 'neutral', 'efficient', 'serious']],
  [
    'casual',
    [
      'casual',
      'relaxed',
      'laid back',
      'laid-back',
      'laidback',
      'informal',
      'playful',
      'fun',
      'chill',
      'easygoing',
      'easy-going',
    ],
  ],
  ['warm', ['warm', 'caring', 'empathetic', 'kind', 'gentle', 'compassionate', 'patient', 'nurturing', 'reassuring']],
  ['friendly', ['friendly', 'cheerful', 'upbeat', 'enthusiastic', 'approachable', 'welcoming', 'bubbly', 'helpful']],
];

/**
 * The tone named earliest in `tone`, else in `personality`; else professional for microfinance (money talk) and
 * friendly for everything else. The spec's `friendly_helpful` is friendly and `professional_friendly` professional.
 */
export function toneOf(voice: BusinessProfile['voice'] | undefined, businessType: BusinessType | undefined): Tone {
  return (
    toneIn(voice?.tone) ?? toneIn(voice?.personality) ?? (businessType === 'microfinance' ? 'professional' : 'friendly')
  );
}

const TONE_PATTERNS = TONE_WORDS.flatMap(([tone, words]) =>
  words.map((word) => ({ tone, pattern: new RegExp(`\\b${word}\\b`) })),
);

function toneIn(text: string | undefined): Tone | undefined {
  if (typeof text !== 'string') return undefined;
  // Identifier-style tones (`professional_friendly`) are words too.
  const lower = text.slice(0, 500).toLowerCase().replaceAll('_', ' ');
  let best: { tone: Tone; at: number } | undefined;
  for (const { tone, pattern } of TONE_PATTERNS) {
    const match = pattern.exec(lower);
    if (match && (!best || match.index < best.at)) best = { tone, at: match.index };
  }
  return best?.tone;
}

export interface Voice {
  /** First words to a new customer, naming the business. */
  welcome(business: string, name?: string): string;
  /** A returning customer who says hello. */
  welcomeBack(business: string, name?: string): string;
  /** A short hello before answering a returning customer who opened with one. */
  hello(name?: string): string;
  /** The offer to help that ends a greeting. */
  offer: string;
  /** Opens an answer that is not preceded by a greeting ("" for none). */
  lead: string;
  /** Joins a further answer to the previous one; the sentence that follows continues in lower case. */
  also: string;
  /** Closes an answer. */
  anythingElse: string;
  thanks: string;
  goodbye(business: string): string;
  /** When the facts do not cover the question. */
  unknown: string;
  /** Says that a person will take the conversation over. */
  handoff: string;
}

const withName = (name: string | undefined, before = ' ') => (name ? `${before}${name}` : '');

const VOICES: Record<Tone, Voice> = {
  friendly: {
    welcome: (business, name) => `Hi${withName(name)}! Welcome to ${business}.`,
    welcomeBack: (business, name) => `Hi again${withName(name)}! Welcome back to ${business}.`,
    hello: (name) => `Hi${withName(name)}!`,
    offer: 'How can I help you today?',
    lead: 'Sure!',
    also: 'Also,',
    anythingElse: 'Anything else I can help with?',
    thanks: "You're welcome! Have a great day.",
    goodbye: (business) => `Thanks for chatting with ${business}. Have a great day!`,
    unknown: "Sorry, I don't know that, and I don't want to guess.",
    handoff: "I'll get someone from our team to help you with this.",
  },
  warm: {
    welcome: (business, name) => `Hello${withName(name)}, and a warm welcome to ${business}.`,
    welcomeBack: (business, name) =>
      `Hello again${withName(name)}, it's lovely to hear from you. Welcome back to ${business}.`,
    hello: (name) => `Hello${withName(name)}, lovely to hear from you.`,
    offer: 'What can I do for you today?',
    lead: 'Of course.',
    also: 'And',
    anythingElse: 'Is there anything else I can do for you?',
    thanks: "You're very welcome. Take good care!",
    goodbye: (business) => `Thank you for reaching out to ${business}. Take good care!`,
    unknown: "I'm sorry, I don't know the answer to that, and I'd rather not guess.",
    handoff: "I'll ask one of our team to look after you personally.",
  },
  casual: {
    welcome: (business, name) => `Hey${withName(name)}! Thanks for stopping by ${business}.`,
    welcomeBack: (business, name) => `Hey${withName(name)}, good to see you back at ${business}!`,
    hello: (name) => `Hey${withName(name)}!`,
    offer: 'What can I do for you?',
    lead: 'Sure thing!',
    also: 'Plus,',
    anythingElse: 'Anything else?',
    thanks: 'No problem! Catch you later.',
    goodbye: (business) => `Thanks for stopping by ${business}. Catch you later!`,
    unknown: "Hmm, I don't know that one, and I don't want to guess.",
    handoff: "I'll get someone from the team to jump in.",
  },
  professional: {
    welcome: (business, name) => `Hello${withName(name)}, thank you for contacting ${business}.`,
    welcomeBack: (business, name) => `Hello${withName(name)}, welcome back to ${business}.`,
    hello: (name) => `Hello${withName(name)}.`,
    offer: 'How can I help you today?',
    lead: '',
    also: 'Additionally,',
    anythingElse: 'Is there anything else I can help you with?',
    thanks: "You're welcome. Have a good day.",
    goodbye: (business) => `Thank you for contacting ${business}. Have a good day.`,
    unknown: "I'm sorry, I don't have that information.",
    handoff: 'A member of our team will take over from here.',
  },
  formal: {
    welcome: (business, name) => `Good day${withName(name, ', ')}, and welcome to ${business}.`,
    welcomeBack: (business, name) => `Good day${withName(name, ', ')}, and welcome back to ${business}.`,
    hello: (name) => `Good day${withName(name, ', ')}.`,
    offer: 'How may I assist you?',
    lead: 'Certainly.',
    also: 'In addition,',
    anythingElse: 'May I assist you with anything further?',
    thanks: 'You are most welcome. Have a pleasant day.',
    goodbye: (business) => `Thank you for contacting ${business}. Have a pleasant day.`,
    unknown: 'I regret that I do not have that information.',
    handoff: 'A member of our staff will attend to you personally.',
  },
};

export function voiceOf(tone: Tone): Voice {
  return VOICES[tone];
}
