import type { KnowledgePassage } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { readMessage } from '../intents.js';
import { readCatalogMessage } from './catalog-message.js';
import { readRecord } from './catalog-record.js';
import { priceRangeReply } from './price-range-reply.js';
import samples from './sample-passages.json' with { type: 'json' };

type Sample = keyof typeof samples;
const passages = samples as unknown as Record<Sample, KnowledgePassage>;

/** The reply to a price-range question, from the records retrieved for it in this order. */
function within(text: string, retrieved: Sample[]) {
  const message = readCatalogMessage(text, readMessage(text), new Set());
  const records = retrieved.map((key) => readRecord(passages[key], undefined)!);
  const answer = priceRangeReply(records, message.range!, message);
  return { text: answer.reply.said.map((s) => s.text).join(' '), sources: answer.sources.map((s) => s.title) };
}

describe('priceRangeReply', () => {
  it('lists the records within the range, checking each price itself, in retrieval order', () => {
    // Retrieval let the $79.00 Weighted Blanket through: it is not said.
    expect(within('What do you have under $50?', ['silkPillowcase', 'weightedBlanket', 'sleepMask'])).toEqual({
      text: 'For $50 or less, we have the Silk Pillowcase at $39.00 and the Lavender Sleep Mask at $15.00.',
      sources: ['Silk Pillowcase', 'Lavender Sleep Mask'],
    });
    expect(within('anything over $100?', ['sleepMask', 'cloudDuvet', 'alpineDuvet']).text).toBe(
      'For $100 or more, we have the Cloud Duvet at $129.00 and the Alpine Wool Duvet at 129.00 to 149.00.',
    );
  });

  it('gives the prices of a product within the range only, and at most three products', () => {
    expect(within('pillows between $40 and $50', ['bambooPillow', 'silkPillowcase']).text).toBe(
      'Between $40 and $50, we have the Bamboo Pillow at $45.00 to $49.00.',
    );
    expect(
      within('Anything between $10 and $200?', ['silkPillowcase', 'weightedBlanket', 'sleepMask', 'cloudDuvet']).text,
    ).toBe(
      'Between $10 and $200, we have the Silk Pillowcase at $39.00, the Weighted Blanket at $79.00 and the ' +
        'Lavender Sleep Mask at $15.00, among others.',
    );
  });

  it('keeps to what the rest of the message describes, and says so when nothing is within the range', () => {
    expect(within('Duvets under $140?', ['sleepMask', 'cloudDuvet', 'alpineDuvet']).text).toBe(
      'For $140 or less, we have the Cloud Duvet at $129.00 and the Alpine Wool Duvet at 129.00.',
    );
    expect(within('What do you have under $10?', ['silkPillowcase', 'sleepMask'])).toEqual({
      text: "I couldn't find anything for $10 or less.",
      sources: [],
    });
    expect(within('any weighted blankets under 50 dollars?', ['weightedBlanket', 'sleepMask']).text).toBe(
      "I couldn't find anything like that for 50 or less.",
    );
  });
});
