import { resolveBusinessProfile } from '@voca/business';
import type { BusinessContextDto, BusinessProfile, CharacterConfigDto } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { specExample } from '../../../test/support/spec-examples.js';
import { answerLocally, type LocalAnswer, type LocalTurn } from './index.js';

function cozyComfort(
  character: Partial<CharacterConfigDto> = {},
  context: Partial<BusinessContextDto> = {},
): BusinessProfile {
  return resolveBusinessProfile({
    name: 'Cozy Comfort Bedding',
    description: 'Premium bedding and sleep accessories.',
    business_type: 'retail',
    character_config: {
      personality: 'warm, patient and knowledgeable about sleep',
      tone: 'friendly',
      language: 'en',
      ...character,
    },
    context: {
      products: [
        { name: 'Egyptian Cotton Sheet Set', description: '600 thread count', price: 129.99 },
        { name: 'Down Alternative Comforter', price: 89.5 },
      ],
      specialties: ['organic cotton bedding', 'hypoallergenic pillows'],
      store_hours: 'Monday to Saturday, 9 AM - 6 PM EST',
      timezone: 'America/New_York',
      policies: {
        returns: 'Returns accepted within 30 days of delivery for unused items in their original packaging',
        shipping: 'Free shipping on orders over $75; delivery in 3-5 business days',
      },
      contact: { phone: '+15551234567', email: 'help@cozycomfort.example' },
      website: 'https://cozycomfort.example',
      knowledge_base: ['All sheets are OEKO-TEX certified.'],
      faqs: [{ question: 'Do you offer gift wrapping?', answer: 'Yes, gift wrapping is available for $5.' }],
      ...context,
    },
  });
}

const MINIMAL = resolveBusinessProfile({
  name: 'Tiny Shop',
  business_type: 'other',
  description: null,
  character_config: {},
  context: {},
});
const TONES = ['friendly', 'warm', 'casual', 'professional', 'formal'] as const;

const ask = (text: string, turn: Partial<LocalTurn> = {}): LocalAnswer =>
  answerLocally({ profile: cozyComfort(), text, firstContact: false, ...turn });

/** Every message these tests send; the sweeps at the end run them all through every tone and profile. */
const INPUTS = [
  'What are your store hours?',
  'Do you take returns?',
  'When do you open?',
  'Can I get a refund?',
  'Can I send it back?',
  'Do you exchange items?',
  'How long does delivery take?',
  'Is there free shipping?',
  'What do you sell?',
  'What are your specialties?',
  'How can I contact you?',
  'What is your email?',
  'Where are you located?',
  'Do you have a website?',
  'Can I order online?',
  'Tell me about your company',
  "What are your hours, and what's your return policy? How about shipping?",
  'Shipping and returns?',
  'How much is the comforter?',
  'What thread count are your sheets?',
  'Do you have pillows?',
  'Do you offer gift wrapping?',
  'Can you gift wrap the sheets?',
  'Do you have gift cards?',
  'are your sheets certified?',
  'hi',
  'hello there',
  'Good morning!',
  'Thanks!',
  'bye',
  'thank you so much, bye!',
  'I want to talk to a human',
  'Can I speak to a person?',
  'agent please',
  'Get me a representative',
  'can I talk to someone',
  'Are you a bot?',
  'Am I talking to a real person?',
  'Do you sell cars?',
  "What's the weather tomorrow?",
  'What payment methods do you accept?',
  'Is there a warranty?',
  'Where is my order?',
  'and on Sunday?',
  'How much is it?',
  '',
  '   ',
  'ok',
  '?!?',
  'Hi! Do you sell cars, and can I talk to someone?',
  'What do you sell? **now** 😀 <b>http://evil.example</b>',
];

describe('answerLocally: the facts', () => {
  it('quotes the store hours', () => {
    const answer = ask('What are your store hours?');
    expect(answer.text).toContain('Monday to Saturday, 9 AM - 6 PM EST');
    expect(answer).toMatchObject({ handoff: false, topics: ['hours'] });
  });

  it('quotes the returns policy', () => {
    const answer = ask('Do you take returns?');
    expect(answer.text).toContain(
      'Returns accepted within 30 days of delivery for unused items in their original packaging',
    );
    expect(answer).toMatchObject({ handoff: false, topics: ['returns'] });
  });

  it.each([
    ['When do you open?', 'hours', ['9 AM - 6 PM EST']],
    ['Can I get a refund?', 'returns', ['30 days']],
    ['Can I send it back?', 'returns', ['30 days']],
    ['Do you exchange items?', 'returns', ['30 days']],
    ['How long does delivery take?', 'shipping', ['delivery in 3-5 business days']],
    ['Is there free shipping?', 'shipping', ['Free shipping on orders over $75']],
    ['What do you sell?', 'products', ['Egyptian Cotton Sheet Set at $129.99', 'Down Alternative Comforter at $89.50']],
    ['What are your specialties?', 'specialties', ['organic cotton bedding', 'hypoallergenic pillows']],
    ['Do you have pillows?', 'specialties', ['hypoallergenic pillows']],
    ['How can I contact you?', 'contact', ['+15551234567', 'help@cozycomfort.example']],
    ['What is your email?', 'contact', ['help@cozycomfort.example']],
    ['Do you have a website?', 'website', ['https://cozycomfort.example']],
    ['Can I order online?', 'website', ['https://cozycomfort.example']],
    ['Tell me about your company', 'about', ['Premium bedding and sleep accessories.']],
  ])('%s -> %s', (text, topic, fragments) => {
    const answer = ask(text);
    expect(answer.topics).toEqual([topic]);
    expect(answer.handoff).toBe(false);
    for (const fragment of fragments) expect(answer.text).toContain(fragment);
  });

  it('answers only what was asked of the contact details, and says what it lacks', () => {
    expect(ask('What is your email?').text).not.toContain('+15551234567');
    const where = ask('Where are you located?');
    expect(where.text).toContain("don't have our street address");
    expect(where.text).toContain('+15551234567');
  });

  it('quotes payment and warranty policies when the business has them', () => {
    const profile = cozyComfort(
      {},
      {
        policies: { payment: 'We accept Visa, Mastercard and PayPal', warranty: 'Comforters carry a 2-year warranty' },
      },
    );
    expect(answerLocally({ profile, text: 'Can I pay with PayPal?', firstContact: false })).toMatchObject({
      topics: ['payment'],
      handoff: false,
    });
    expect(answerLocally({ profile, text: 'Can I pay with PayPal?', firstContact: false }).text).toContain(
      'We accept Visa, Mastercard and PayPal.',
    );
    expect(answerLocally({ profile, text: 'Is there a warranty?', firstContact: false }).text).toContain(
      '2-year warranty',
    );
  });

  it('answers several topics in one message, in a stable order', () => {
    const answer = ask("What are your hours, and what's your return policy? How about shipping?");
    expect(answer.topics).toEqual(['hours', 'returns', 'shipping']);
    const at = (fragment: string) => answer.text.indexOf(fragment);
    expect(at('9 AM - 6 PM EST')).toBeGreaterThan(-1);
    expect(at('30 days')).toBeGreaterThan(at('9 AM - 6 PM EST'));
    expect(at('3-5 business days')).toBeGreaterThan(at('30 days'));
    expect(ask('Shipping and returns?').topics).toEqual(['returns', 'shipping']);
    expect(ask('Returns and shipping?').text).toBe(ask('Shipping and returns?').text);
  });

  it('looks up a product and quotes its price', () => {
    const answer = ask('How much is the comforter?');
    expect(answer.text).toContain('Down Alternative Comforter is $89.50');
    expect(answer.text).not.toContain('$129.99');
    expect(answer).toMatchObject({ topics: ['products'], handoff: false });
    expect(ask('What thread count are your sheets?').text).toContain(
      'Egyptian Cotton Sheet Set (600 thread count) is $129.99',
    );
  });

  it('says so when a product has no price, rather than inventing one', () => {
    const profile = cozyComfort({}, { products: [{ name: 'Silk Pillowcase', description: 'Mulberry silk' }] });
    const answer = answerLocally({ profile, text: 'How much is the silk pillowcase?', firstContact: false });
    expect(answer.text).toContain('Silk Pillowcase');
    expect(answer.text).toContain("don't have the price of the Silk Pillowcase");
    expect(answer.text).not.toMatch(/\$\d/);
    expect(answer.handoff).toBe(true);
  });

  it('answers from the closest FAQ', () => {
    for (const text of ['Do you offer gift wrapping?', 'Can you gift wrap the sheets?']) {
      const answer = ask(text);
      expect(answer.text).toContain('Yes, gift wrapping is available for $5.');
      expect(answer.topics).toContain('faq');
      expect(answer.handoff).toBe(false);
    }
    expect(ask('Do you have gift cards?').topics).toEqual(['unknown']);
  });

  it('prefers the vendor FAQ over the general policy it matches', () => {
    const profile = cozyComfort(
      {},
      { faqs: [{ question: 'Do you ship internationally?', answer: 'We ship to the US and Canada.' }] },
    );
    const answer = answerLocally({ profile, text: 'Do you ship internationally?', firstContact: false });
    expect(answer.topics).toEqual(['faq']);
    expect(answer.text).toContain('We ship to the US and Canada.');
  });

  it('quotes the best matching knowledge entry', () => {
    const answer = ask('are your sheets certified?');
    expect(answer.text).toContain('All sheets are OEKO-TEX certified.');
    expect(answer).toMatchObject({ topics: ['knowledge'], handoff: false });
  });

  it('reads the machine opening hours when there is no store hours text', () => {
    const profile = cozyComfort(
      {},
      {
        store_hours: undefined,
        opening_hours: [
          ...(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((day) => ({
            day,
            open: '09:00',
            close: '17:00',
          })),
          { day: 'SATURDAY', open: '10:00', close: '14:30' },
        ],
      },
    );
    const week = answerLocally({ profile, text: 'What are your opening hours?', firstContact: false });
    expect(week.text).toContain(
      'Monday to Friday, 9 AM to 5 PM; Saturday, 10 AM to 2:30 PM; closed Sunday (New York time)',
    );
    expect(answerLocally({ profile, text: 'Are you open on Sunday?', firstContact: false }).text).toContain(
      "On Sunday we're closed.",
    );
  });
});

describe('answerLocally: greetings and tone', () => {
  it('greets a new customer by the business name and offers help', () => {
    for (const text of ['hi', 'hello there', 'Good morning!']) {
      const answer = ask(text, { firstContact: true });
      expect(answer.text).toContain('Cozy Comfort Bedding');
      expect(answer.text).toMatch(/\?$/);
      expect(answer).toMatchObject({ topics: ['greeting'], handoff: false });
    }
  });

  it('puts the greeting before the answer on first contact only', () => {
    const first = ask('What are your store hours?', { firstContact: true });
    expect(first.text).toMatch(/^Hi! Welcome to Cozy Comfort Bedding\. .*9 AM - 6 PM EST/);
    expect(first.topics).toEqual(['greeting', 'hours']);
    const later = ask('What are your store hours?');
    expect(later.text).not.toContain('Welcome');
    expect(later.topics).toEqual(['hours']);
    expect(ask('hi').text).toContain('Welcome back to Cozy Comfort Bedding');
  });

  it("uses the business's own greeting, without its question when an answer follows", () => {
    const greeting = 'Hi! Welcome to Cozy Comfort Bedding. How can I help you sleep better today?';
    const profile = cozyComfort({ greeting });
    expect(answerLocally({ profile, text: 'hello', firstContact: true }).text).toBe(greeting);
    const withAnswer = answerLocally({ profile, text: 'Do you take returns?', firstContact: true }).text;
    expect(withAnswer).toMatch(/^Hi! Welcome to Cozy Comfort Bedding\. Our returns policy/);
    expect(withAnswer).not.toContain('sleep better');
  });

  it('names the customer, keeping only the letters of their first name', () => {
    expect(ask('hi', { firstContact: true, customerName: 'Sam Jones' }).text).toMatch(/^Hi Sam! /);
    expect(ask('hi', { firstContact: true, customerName: '**Bob** http://x.example' }).text).toMatch(/^Hi Bob! /);
    expect(ask('hi', { firstContact: true, customerName: '   ' }).text).toMatch(/^Hi! /);
  });

  it('closes politely on thanks and goodbye', () => {
    expect(ask('Thanks!')).toMatchObject({
      topics: ['thanks'],
      handoff: false,
      text: "You're welcome! Have a great day.",
    });
    const bye = ask('bye');
    expect(bye).toMatchObject({ topics: ['goodbye'], handoff: false });
    expect(bye.text).toContain('Cozy Comfort Bedding');
    expect(ask('thank you so much, bye!').topics).toEqual(['thanks', 'goodbye']);
  });

  it('changes greetings and connectors with the tone, never the facts', () => {
    const greetings = new Set<string>();
    const closings = new Set<string>();
    for (const tone of TONES) {
      const profile = cozyComfort({ tone });
      const hello = answerLocally({ profile, text: 'hi', firstContact: true }).text;
      expect(hello).toContain('Cozy Comfort Bedding');
      greetings.add(hello);
      const both = answerLocally({ profile, text: 'Shipping and returns?', firstContact: false }).text;
      expect(both).toContain(
        'Returns accepted within 30 days of delivery for unused items in their original packaging.',
      );
      expect(both).toContain('Free shipping on orders over $75; delivery in 3-5 business days.');
      closings.add(both);
      expect(answerLocally({ profile, text: 'How much is the comforter?', firstContact: false }).text).toContain(
        '$89.50',
      );
    }
    expect(greetings.size).toBe(TONES.length);
    expect(closings.size).toBe(TONES.length);
  });

  it('drops the sign-off for a concise response style', () => {
    const chatty = answerLocally({ profile: cozyComfort(), text: 'Do you take returns?', firstContact: false }).text;
    const concise = answerLocally({
      profile: cozyComfort({ response_style: 'concise' }),
      text: 'Do you take returns?',
      firstContact: false,
    }).text;
    expect(chatty).toContain('Anything else');
    expect(concise).not.toContain('Anything else');
    expect(concise).toContain('30 days');
  });

  it('reads the tone from free text, and defaults sensibly', () => {
    const greet = (character: Partial<CharacterConfigDto>) =>
      answerLocally({ profile: cozyComfort({ personality: undefined, ...character }), text: 'hi', firstContact: true })
        .text;
    expect(greet({ tone: 'Warm and professional' })).toBe(greet({ tone: 'warm' }));
    expect(greet({ tone: undefined })).toBe(greet({ tone: 'friendly' }));
    expect(greet({ tone: 'zany' })).toBe(greet({ tone: 'friendly' }));
    expect(greet({ tone: undefined, personality: 'formal and courteous' })).toBe(greet({ tone: 'formal' }));
  });
});

describe('answerLocally: handoff and honesty', () => {
  it.each([
    'I want to talk to a human',
    'Can I speak to a person?',
    'agent please',
    'Get me a representative',
    'can I talk to someone',
  ])('%s -> hands over, saying when people are around', (text) => {
    const answer = ask(text);
    expect(answer.handoff).toBe(true);
    expect(answer.topics).toContain('handoff');
    expect(answer.text).toContain('our team');
    expect(answer.text).toContain('Monday to Saturday, 9 AM - 6 PM EST');
  });

  it('never claims to be a person', () => {
    for (const text of ['Are you a bot?', 'Am I talking to a real person?']) {
      const answer = ask(text);
      expect(answer.text).toContain('automated assistant');
      expect(answer.text).toContain('not a person');
      expect(answer).toMatchObject({ topics: ['identity'], handoff: false });
    }
  });

  it.each(['Do you sell cars?', "What's the weather tomorrow?"])(
    '%s -> says it does not know and hands over',
    (text) => {
      const answer = ask(text);
      expect(answer).toMatchObject({ topics: ['unknown'], handoff: true });
      expect(answer.text).toContain("don't know");
      expect(answer.text).toContain('our team');
      expect(answer.text).not.toMatch(/\$|cars? (?:are|is|cost)|sunny|rain|degrees/i);
    },
  );

  it('does not pretend to know a policy the business has not given', () => {
    const answer = ask('What payment methods do you accept?');
    expect(answer).toMatchObject({ topics: ['unknown'], handoff: true });
    expect(answer.text).toContain("I don't have our payment options on hand.");
  });

  it('hands order tracking to a person', () => {
    expect(ask('Where is my order?')).toMatchObject({ topics: ['order_status'], handoff: true });
  });

  it('answers what it can and hands over the rest', () => {
    const answer = ask('Hi! Do you sell cars, and can I talk to someone?', { firstContact: true });
    expect(answer.topics).toEqual(['greeting', 'handoff', 'unknown']);
    expect(answer.handoff).toBe(true);
  });
});

describe('answerLocally: follow-ups', () => {
  const history = (text: string): LocalTurn['history'] => [
    { role: 'customer', text },
    { role: 'agent', text: 'Some answer.' },
  ];

  it('reads a bare follow-up against the previous question', () => {
    expect(ask('and on Sunday?', { history: history('Do you deliver on Saturdays?') }).topics).toEqual(['shipping']);
    expect(ask('and on Sunday?', { history: history('What time do you open on Saturday?') }).topics).toEqual(['hours']);
    expect(ask('and on Sunday?').topics).toEqual(['hours']);
    const price = ask('How much is it?', { history: history('Tell me about the comforter') });
    expect(price.text).toContain('$89.50');
    expect(price.text).not.toContain('$129.99');
  });
});

describe('answerLocally: robustness', () => {
  it('handles empty and whitespace messages', () => {
    for (const text of ['', '   ', '\n\t']) {
      expect(ask(text)).toMatchObject({ topics: ['clarify'], handoff: false });
      expect(ask(text, { firstContact: true })).toMatchObject({ topics: ['greeting'], handoff: false });
    }
    expect(() =>
      answerLocally({ profile: cozyComfort(), text: undefined as unknown as string, firstContact: false }),
    ).not.toThrow();
  });

  it('limits the work done on very long messages', () => {
    const long = `What are your store hours? ${'blah '.repeat(200_000)}`;
    const started = performance.now();
    const answer = ask(long);
    expect(performance.now() - started).toBeLessThan(500);
    expect(answer.topics).toEqual(['hours']);
    expect(() => ask('x'.repeat(1_000_000))).not.toThrow();
  });

  it('works from a profile with only a name and a business type', () => {
    const turn = (text: string, firstContact = false) => answerLocally({ profile: MINIMAL, text, firstContact });
    expect(turn('hi', true).text).toContain('Tiny Shop');
    for (const text of [
      'What are your hours?',
      'What do you sell?',
      'Do you take returns?',
      'How can I contact you?',
    ]) {
      const answer = turn(text);
      expect(answer).toMatchObject({ topics: ['unknown'], handoff: true });
      expect(answer.text).toMatch(/I don't have .* on hand\./);
    }
    expect(turn('I want a human')).toMatchObject({ topics: ['handoff'], handoff: true });
    const bare = { name: 'Bare', business_type: 'other' } as unknown as BusinessProfile;
    expect(answerLocally({ profile: bare, text: 'What are your hours?', firstContact: true }).text).toContain('Bare');
  });

  it('is deterministic', () => {
    for (const text of INPUTS) {
      const turn = { text, firstContact: true, customerName: 'Sam' };
      expect(answerLocally({ profile: cozyComfort(), ...turn })).toEqual(
        answerLocally({ profile: structuredClone(cozyComfort()), ...turn }),
      );
    }
  });

  it('flattens markdown, emoji and foreign links in vendor facts', () => {
    const profile = cozyComfort(
      {},
      {
        policies: {
          returns:
            '**Returns** within 14 days 😊 see https://evil.example/terms or https://cozycomfort.example/returns',
        },
      },
    );
    const answer = answerLocally({ profile, text: 'returns?', firstContact: false }).text;
    expect(answer).toContain('Returns within 14 days see');
    expect(answer).toContain('https://cozycomfort.example/returns');
    expect(answer).not.toContain('evil.example');
  });
});

describe('answerLocally: every answer is short plain text built from the facts', () => {
  const profiles = [...TONES.map((tone) => cozyComfort({ tone })), MINIMAL];
  const numbersOf = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);

  it.each(profiles.map((profile) => [profile.name, profile.voice.tone ?? 'default', profile] as const))(
    '%s (%s)',
    (_name, _tone, profile) => {
      const known = new Set(numbersOf(JSON.stringify(profile)));
      const website = profile.website;
      for (const text of INPUTS) {
        for (const firstContact of [true, false]) {
          const { text: answer } = answerLocally({ profile, text, firstContact, customerName: 'Sam' });
          expect(answer.length, text).toBeGreaterThan(0);
          expect(answer.length, text).toBeLessThan(600);
          expect(answer, text).not.toMatch(/[*_`#~|<>[\]{}\n]|\p{Extended_Pictographic}/u);
          expect(answer.replaceAll(website ?? '\u0000', ''), text).not.toMatch(/https?:|www\./);
          expect(answer, text).not.toMatch(/undefined|null|NaN/);
          for (const n of numbersOf(answer)) expect(known.has(n), `${n} in "${answer}"`).toBe(true);
        }
      }
    },
  );
});

describe("answerLocally: the spec's profile", () => {
  const spec = specExample('provision-request').agent_config;
  const profile = (tone = spec.character_config.tone) =>
    resolveBusinessProfile({ ...spec, character_config: { ...spec.character_config, tone } });
  const answer = (text: string, firstContact = false, tone?: string) =>
    answerLocally({ profile: profile(tone), text, firstContact }).text;

  it('speaks as the business, not as the agent', () => {
    expect(answer('hi', true)).toBe('Hi! Welcome to Cozy Comfort Bedding. How can I help you today?');
  });

  it("quotes the spec's hours, policies, contact and website", () => {
    expect(answer('What time are you open?')).toContain('Our store hours are 9 AM - 6 PM EST.');
    expect(answer('What is your return policy?')).toContain('Our returns policy: 30-day returns.');
    expect(answer('Do you charge for shipping?')).toContain('Free shipping over $50.');
    expect(answer("What's your phone number?")).toContain('call us at +1-555-BEDDING');
    expect(answer('What is your website?')).toContain('You can find us online at cozycomfort.com.');
  });

  it('names products as words, never as identifiers, and never quotes the catalogue file', () => {
    const products = answer('What products do you sell?');
    expect(products).toContain('We offer bedding sets, pillows, comforters, among others.');
    expect(answer('Do you have duvets?')).toContain('We have duvets.');
    for (const text of ['What products do you sell?', 'Do you have a product catalog?', 'What do you specialise in?']) {
      expect(answer(text)).not.toMatch(/_|\.json/);
    }
  });

  it('takes professional_friendly as a professional voice and friendly_helpful as a friendly one', () => {
    expect(answer('hello', true, 'professional_friendly')).toMatch(
      /^Hello, thank you for contacting Cozy Comfort Bedding\./,
    );
    expect(answer('hello', true, 'friendly_helpful')).toMatch(/^Hi! Welcome to Cozy Comfort Bedding\./);
  });
});
