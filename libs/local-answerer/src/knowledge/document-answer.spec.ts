import { resolveBusinessProfile } from '@voca/business';
import type { KnowledgePassage } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { specExample } from '../../../../test/support/spec-examples.js';
import { answerLocally, type LocalAnswer, type LocalTurn } from '../index.js';
import samples from './sample-passages.json' with { type: 'json' };

type Sample = keyof typeof samples;
const passages = samples as unknown as Record<Sample, KnowledgePassage>;
const TONES = ['friendly', 'warm', 'casual', 'professional', 'formal'] as const;

/** The spec's profile: its `knowledge_base` names "bedding_products.json" and says "30-day returns". */
const spec = specExample('provision-request').agent_config;
const profileIn = (tone: string = spec.character_config.tone) =>
  resolveBusinessProfile({ ...spec, character_config: { ...spec.character_config, tone } });

function ask(text: string, retrieved: Sample[], turn: Partial<LocalTurn> = {}): LocalAnswer {
  return answerLocally({
    profile: profileIn(),
    text,
    firstContact: false,
    knowledge: retrieved.map((key) => passages[key]),
    ...turn,
  });
}
const cited = (answer: LocalAnswer) => answer.sources.map((s) => s.title);

describe('answerLocally with documents: the catalog', () => {
  it("answers from the record named, in the tone's voice, and cites it", () => {
    const leads = new Set<string>();
    for (const tone of TONES) {
      const answer = ask('How much is the Cloud Duvet?', ['alpineDuvet', 'cloudDuvet', 'returnsSection'], {
        profile: profileIn(tone),
      });
      expect(answer.text).toContain('The Cloud Duvet is $129.00.');
      expect(answer).toMatchObject({ handoff: false, topics: ['products'], sources: [passages.cloudDuvet] });
      leads.add(answer.text);
    }
    expect(leads.size).toBe(TONES.length);
    expect(ask('How much is the Cloud Duvet?', ['cloudDuvet']).text).toBe(
      'Sure! The Cloud Duvet is $129.00. Anything else I can help with?',
    );
  });

  it.each([
    ['price of CC-1042', ['silkPillowcase', 'cloudDuvet'], 'The Cloud Duvet is $129.00.'],
    ['How much is the Bamboo Pillow in King?', ['bambooPillow'], 'The Bamboo Pillow is $55.00 in King.'],
    ['What sizes does the Cloud Duvet come in?', ['cloudDuvet'], 'The Cloud Duvet comes in Twin, Queen and King.'],
    ['what colors does the percale sheet set come in', ['percaleSheets'], 'comes in White and Ivory.'],
    ['Is the Cloud Duvet machine washable?', ['cloudDuvet'], 'Machine washable and hypoallergenic.'],
    [
      'Do you have the Cloud Duvet in Queen, Sage?',
      ['cloudDuvet'],
      "The Cloud Duvet in Queen, Sage is out of stock. It's in stock in Queen, White and in King, White.",
    ],
    [
      "What's the difference between the Cloud Duvet and the Alpine Wool Duvet?",
      ['alpineDuvet', 'cloudDuvet'],
      'The Cloud Duvet is $129.00, is made of Organic cotton and comes in Twin, Queen and King; ' +
        'the Alpine Wool Duvet is 129.00 to 149.00 and comes in Queen and King.',
    ],
    [
      'What do you have under $50?',
      ['silkPillowcase', 'weightedBlanket', 'sleepMask'],
      'For $50 or less, we have the Silk Pillowcase at $39.00 and the Lavender Sleep Mask at $15.00.',
    ],
    [
      'Do you have duvets?',
      ['cloudDuvet', 'alpineDuvet'],
      'We have the Cloud Duvet at $129.00 and the Alpine Wool Duvet at 129.00 to 149.00.',
    ],
  ] as [string, Sample[], string][])('%s', (text, retrieved, expected) => {
    const answer = ask(text, retrieved);
    expect(answer.text).toContain(expected);
    expect(answer).toMatchObject({ handoff: false, topics: ['products'] });
    expect(answer.sources.length).toBeGreaterThan(0);
  });

  it('hands over, citing nothing, when the product asked is not among the records', () => {
    for (const [text, retrieved] of [
      ['How much is the Alpine Duvet?', ['cloudDuvet']],
      ['How much is a weighted blanket?', ['cloudDuvet', 'silkPillowcase']],
      ['How much is the Cloud Duvet Deluxe?', ['cloudDuvet']],
    ] as [string, Sample[]][]) {
      const answer = ask(text, retrieved);
      expect(answer, text).toMatchObject({ handoff: true, sources: [] });
      expect(answer.topics, text).toContain('unknown');
      expect(answer.text, text).not.toMatch(/\d\.\d\d/);
    }
  });

  it('says what the record lacks and hands over, never a value from elsewhere', () => {
    const colors = ask('What colors does the Weighted Blanket come in?', ['weightedBlanket', 'cloudDuvet']);
    expect(colors.text).toContain("I don't have the colors of the Weighted Blanket on hand.");
    expect(colors.text).not.toMatch(/White|Sage/);
    expect(colors).toMatchObject({ handoff: true, sources: [] });
    const stock = ask('Do you have the Cloud Duvet in King, Sage?', ['cloudDuvet']);
    expect(stock.text).toContain(
      "The Cloud Duvet comes in King and Sage. I don't have the stock of the Cloud Duvet in King, Sage on hand.",
    );
    expect(stock).toMatchObject({ handoff: true, sources: [passages.cloudDuvet] });
  });

  it('keeps a call short: three products at most, plain text', () => {
    const answer = ask('Anything between $10 and $200?', [
      'silkPillowcase',
      'weightedBlanket',
      'sleepMask',
      'cloudDuvet',
      'bambooPillow',
    ]);
    expect(answer.sources).toHaveLength(3);
    expect(answer.text).toContain('among others');
    expect(answer.text.length).toBeLessThan(300);
  });

  it('answers a follow-up about the product just asked about', () => {
    const history: LocalTurn['history'] = [
      { role: 'customer', text: 'Tell me about the Alpine Wool Duvet' },
      {
        role: 'agent',
        text: 'The Alpine Wool Duvet (a warm merino wool duvet for cold winter nights) is 129.00 to 149.00.',
      },
    ];
    expect(ask('and the King?', ['alpineDuvet'], { history }).text).toContain(
      'The Alpine Wool Duvet in King is in stock.',
    );
    expect(ask('How much is it in King?', ['alpineDuvet'], { history }).text).toContain(
      'The Alpine Wool Duvet is 149.00 in King.',
    );
  });
});

describe('answerLocally with documents: policies and FAQs', () => {
  it("quotes the policy section and does not repeat the profile's short policy it restates", () => {
    const answer = ask('What is your return policy?', ['returnsSection', 'shippingSection']);
    expect(answer.text).toContain('We accept returns of unused bedding within 30 days of delivery.');
    expect(answer.text).not.toContain('30-day returns');
    expect(answer).toMatchObject({ handoff: false, topics: ['knowledge'], sources: [passages.returnsSection] });
    const shipping = ask('Do you charge for shipping?', ['shippingSection']).text;
    expect(shipping).toContain('Orders over $50 ship free within the US.');
    expect(shipping).not.toContain('Free shipping over $50');
  });

  it("still says the profile's own policy when the section says something else", () => {
    const answer = ask('How long does express delivery take?', ['shippingSection', 'returnsSection']);
    expect(answer.text).toBe(
      'Sure! Our shipping policy: Free shipping over $50. Express delivery takes 1-2 business days and costs $15. ' +
        'Anything else I can help with?',
    );
    expect(answer.topics).toEqual(['shipping', 'knowledge']);
    expect(cited(answer)).toEqual(['Shipping']);
  });

  it('takes a product named in a question about returns as explaining the words, not as a question about it', () => {
    const answer = ask('Can I return the Cloud Duvet?', ['cloudDuvet', 'returnsSection']);
    expect(answer.text).toContain('We accept returns of unused bedding within 30 days of delivery.');
    expect(answer.text).not.toContain('$129.00');
    expect(cited(answer)).toEqual(['Returns & Exchanges > Bedding']);
  });

  it('answers an FAQ from its section', () => {
    const answer = ask('How do I wash my duvet?', ['careSection', 'cloudDuvet']);
    expect(answer.text).toContain('Machine wash cold on a gentle cycle');
    expect(cited(answer)).toEqual(['FAQ > Caring for your duvet']);
  });

  it('leaves order tracking to a person, whatever the shipping policy says', () => {
    expect(ask('Where is my order?', ['shippingSection'])).toMatchObject({
      topics: ['order_status'],
      handoff: true,
      sources: [],
    });
  });
});

describe('answerLocally with documents: what does not change', () => {
  const MESSAGES = [
    'hi',
    'What are your store hours?',
    'What is your return policy?',
    'What products do you sell?',
    'Do you have duvets?',
    'How much is the comforter?',
    'I want to talk to a human',
    'Do you sell cars?',
    'thanks, bye',
  ];

  it('answers as before when the agent has no documents, citing nothing', () => {
    for (const text of MESSAGES) {
      const without = answerLocally({ profile: profileIn(), text, firstContact: false });
      expect(answerLocally({ profile: profileIn(), text, firstContact: false, knowledge: [] }), text).toEqual(without);
      expect(without.sources, text).toEqual([]);
    }
  });

  it('never says a document file name, and stays plain short text', () => {
    for (const text of [...MESSAGES, 'Do you have a product catalog?', 'Can I return opened pillows?']) {
      const answer = ask(text, Object.keys(passages) as Sample[]);
      expect(answer.text, text).not.toMatch(/\.(?:json|csv|pdf|md)\b|bedding_products/);
      expect(answer.text, text).not.toMatch(/[*_`#~|<>[\]{}\n]|undefined|NaN/);
      expect(answer.text.length, text).toBeLessThan(600);
    }
  });

  it('reads whatever retrieval passes without failing, and bounds its work', () => {
    const odd = [
      null,
      { kind: 'record' },
      { kind: 'section', title: 7, text: 42 },
      { kind: 'record', title: 'Cloud Duvet', fields: { variants: 'none', stock: [1, 2], price: {}, sizes: null } },
    ] as unknown as KnowledgePassage[];
    expect(() => ask('How much is the Cloud Duvet in King?', [], { knowledge: odd })).not.toThrow();
    const huge = Array.from({ length: 500 }, (_, i) => ({
      ...passages.alpineDuvet,
      title: `Duvet ${i}`,
      text: 'word '.repeat(20_000),
      fields: { ...passages.alpineDuvet.fields, title: `Duvet ${i}`, notes: 'word '.repeat(20_000) },
    }));
    const started = performance.now();
    ask('Do you have duvets under $200 in King?', [], { knowledge: huge });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('is deterministic', () => {
    const text = 'Do you have the Cloud Duvet in Queen, Sage?';
    const knowledge = [passages.cloudDuvet, passages.alpineDuvet];
    expect(ask(text, [], { knowledge })).toEqual(ask(text, [], { knowledge: structuredClone(knowledge) }));
  });
});
