import type { KnowledgePassage } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { readMessage } from '../intents.js';
import { readCatalogMessage } from './catalog-message.js';
import { readRecord } from './catalog-record.js';
import { catalogAnswer } from './catalog-reply.js';
import samples from './sample-passages.json' with { type: 'json' };

type Sample = keyof typeof samples;
const passages = samples as unknown as Record<Sample, KnowledgePassage>;
const message = (text: string) => readCatalogMessage(text, readMessage(text), new Set());

/** The catalog's reply to `text` from the records retrieved for it. */
function reply(text: string, retrieved: Sample[], previous?: string) {
  const records = retrieved.map((key) => readRecord(passages[key], undefined)!);
  const answer = catalogAnswer(records, message(text), previous === undefined ? undefined : message(previous));
  return {
    text: answer?.reply.said.map((s) => s.text).join(' ') ?? '',
    missing: answer?.reply.missing ?? [],
    sources: answer?.sources.map((s) => s.title) ?? [],
    answered: answer !== undefined,
  };
}

describe('catalogAnswer: prices', () => {
  it('gives the price of the product named, with the currency its record gives', () => {
    expect(reply('How much is the Cloud Duvet?', ['alpineDuvet', 'cloudDuvet'])).toEqual({
      text: 'The Cloud Duvet is $129.00.',
      missing: [],
      sources: ['Cloud Duvet'],
      answered: true,
    });
    expect(reply('price of CC-1042', ['silkPillowcase', 'cloudDuvet']).text).toBe('The Cloud Duvet is $129.00.');
    expect(reply('how much is the silk pillowcase', ['silkPillowcase']).text).toBe('The Silk Pillowcase is $39.00.');
    // Shopify and WooCommerce exports carry no currency: the number is said as written, with none assumed.
    expect(reply('price of the percale sheet set?', ['percaleSheets']).text).toBe('The Percale Sheet Set is 89.00.');
  });

  it('gives the range of prices of its variants, or the price of the one asked', () => {
    expect(reply('How much is the Bamboo Pillow?', ['bambooPillow']).text).toBe(
      'The Bamboo Pillow is $45.00 to $55.00, depending on the size.',
    );
    expect(reply('How much is the Bamboo Pillow in King?', ['bambooPillow']).text).toBe(
      'The Bamboo Pillow is $55.00 in King.',
    );
    expect(reply('how much is the king alpine wool duvet', ['alpineDuvet']).text).toBe(
      'The Alpine Wool Duvet is 149.00 in King.',
    );
  });

  it('says what it does not have rather than a price from elsewhere', () => {
    const noPrice = { ...passages.sleepMask, price: undefined, fields: { name: 'Lavender Sleep Mask' } };
    const records = [readRecord(noPrice as KnowledgePassage, undefined)!];
    const answer = catalogAnswer(records, message('How much is the lavender sleep mask?'));
    expect(answer?.reply).toEqual({ said: [], missing: ['the price of the Lavender Sleep Mask'] });
    expect(answer?.sources).toEqual([]);
    // A product that is not among the records is not answered at all: the answerer's unknown path takes it.
    expect(reply('How much is the Nordic Down Duvet?', ['cloudDuvet', 'alpineDuvet']).answered).toBe(false);
    expect(reply('How much is the Alpine Duvet?', ['cloudDuvet']).answered).toBe(false);
  });
});

describe('catalogAnswer: what it is made of and comes in', () => {
  it.each([
    ['What sizes does the Cloud Duvet come in?', 'The Cloud Duvet comes in Twin, Queen and King.'],
    ['What colours does the percale sheet set come in?', 'The Percale Sheet Set comes in White and Ivory.'],
    ['What is the Cloud Duvet made of?', 'The Cloud Duvet is made of Organic cotton.'],
    [
      'what sizes and colors does the cloud duvet come in?',
      'The Cloud Duvet comes in Twin, Queen and King, and in White and Sage.',
    ],
    ['What colors does the Alpine Wool Duvet come in?', 'The Alpine Wool Duvet comes in Natural and Grey.'],
    ['What is the thread count of the Cloud Duvet?', "The Cloud Duvet's thread count is 400."],
    ['what fill is in the bamboo pillow', "The Bamboo Pillow's fill is Shredded memory foam."],
    ['Is the Cloud Duvet machine washable?', 'The Cloud Duvet: Machine washable and hypoallergenic.'],
    ['Tell me about the Cloud Duvet', 'The Cloud Duvet (an all-season duvet with an organic cotton shell) is $129.00.'],
  ])('%s -> %s', (text, expected) => {
    expect(reply(text, ['cloudDuvet', 'alpineDuvet', 'percaleSheets', 'bambooPillow']).text).toBe(expected);
  });

  it('never invents a value the record lacks', () => {
    expect(reply('What colors does the Weighted Blanket come in?', ['weightedBlanket'])).toMatchObject({
      text: '',
      missing: ['the colors of the Weighted Blanket'],
      sources: [],
    });
    expect(reply('What is the Alpine Wool Duvet made of?', ['alpineDuvet']).missing).toEqual([
      'the materials of the Alpine Wool Duvet',
    ]);
    // Asked of both, found in one: the other is not guessed.
    expect(
      reply('thread count of the cloud duvet and the alpine wool duvet?', ['cloudDuvet', 'alpineDuvet']),
    ).toMatchObject({
      text: "The Cloud Duvet's thread count is 400.",
      missing: ['the thread count of the Alpine Wool Duvet'],
    });
    // Something the record does not say at all is left to the answerer, which hands over.
    expect(reply('Is the Cloud Duvet warm enough for winter?', ['cloudDuvet']).answered).toBe(false);
  });
});

describe('catalogAnswer: several products', () => {
  it('compares two products named: price, material and sizes side by side, what one lacks left out', () => {
    expect(
      reply("What's the difference between the Cloud Duvet and the Alpine Wool Duvet?", ['alpineDuvet', 'cloudDuvet']),
    ).toEqual({
      text:
        'The Cloud Duvet is $129.00, is made of Organic cotton and comes in Twin, Queen and King; ' +
        'the Alpine Wool Duvet is 129.00 to 149.00 and comes in Queen and King.',
      missing: [],
      sources: ['Cloud Duvet', 'Alpine Wool Duvet'],
      answered: true,
    });
    expect(
      reply('Which is cheaper, the silk pillowcase or the bamboo pillow?', ['bambooPillow', 'silkPillowcase']).text,
    ).toBe('The Silk Pillowcase is $39.00; the Bamboo Pillow is $45.00 to $55.00.');
  });

  it('lists the products a kind names, with their prices', () => {
    expect(reply('Do you have duvets?', ['cloudDuvet', 'alpineDuvet', 'silkPillowcase']).text).toBe(
      'We have the Cloud Duvet at $129.00 and the Alpine Wool Duvet at 129.00 to 149.00.',
    );
    expect(reply('What colors do your duvets come in?', ['alpineDuvet', 'cloudDuvet']).text).toBe(
      'The Alpine Wool Duvet comes in Natural and Grey; the Cloud Duvet comes in White and Sage.',
    );
  });
});

describe('catalogAnswer: follow-ups', () => {
  it('answers a bare question about the product named just before', () => {
    expect(reply('How much is it?', ['cloudDuvet'], 'Tell me about the Cloud Duvet').text).toBe(
      'The Cloud Duvet is $129.00.',
    );
    expect(reply('and in Queen?', ['alpineDuvet'], 'Do you have the Alpine Wool Duvet in King?').text).toBe(
      'The Alpine Wool Duvet in Queen is in stock.',
    );
    expect(reply('and the Nordic one?', ['cloudDuvet'], 'How much is the Cloud Duvet?').answered).toBe(false);
  });
});
