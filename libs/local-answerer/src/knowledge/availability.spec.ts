import type { KnowledgePassage } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { readMessage } from '../intents.js';
import { askedOptions } from './asked-options.js';
import { availabilityOf } from './availability.js';
import { readCatalogMessage } from './catalog-message.js';
import { readRecord } from './catalog-record.js';
import samples from './sample-passages.json' with { type: 'json' };

const passages = samples as unknown as Record<keyof typeof samples, KnowledgePassage>;

/** What `text` is told of the stock of the record in `passage`. */
function stock(passage: KnowledgePassage, text: string) {
  const record = readRecord(passage, undefined)!;
  const message = readCatalogMessage(text, readMessage(text), new Set());
  const { sentences, missing } = availabilityOf(record, askedOptions(record, message), message.stock || message.have);
  return { text: sentences.join(' '), missing };
}

describe('availabilityOf', () => {
  it('says a combination is in stock from its variant', () => {
    expect(stock(passages.cloudDuvet, 'Do you have the Cloud Duvet in King White?')).toEqual({
      text: 'The Cloud Duvet in King, White is in stock.',
      missing: [],
    });
    expect(stock(passages.cloudDuvet, 'is the cloud duvet in stock in White, Sage?').text).toBe(
      "The Cloud Duvet in White is in stock. The Cloud Duvet in Sage is out of stock. It's in stock in King, White " +
        'and in Queen, White.',
    );
    expect(stock(passages.alpineDuvet, 'is the alpine wool duvet available in queen natural?').text).toBe(
      'The Alpine Wool Duvet in Queen, Natural is in stock.',
    );
  });

  it('says clearly when a combination is out of stock, and what is in stock instead', () => {
    expect(stock(passages.cloudDuvet, 'Do you have the Cloud Duvet in Queen, Sage?').text).toBe(
      "The Cloud Duvet in Queen, Sage is out of stock. It's in stock in Queen, White and in King, White.",
    );
    expect(stock(passages.alpineDuvet, 'Is the Alpine Wool Duvet in stock in King Grey?').text).toBe(
      "The Alpine Wool Duvet in King, Grey is out of stock. It's in stock in King, Natural and in Queen, Natural.",
    );
    // A variant's SKU names its whole combination.
    expect(stock(passages.alpineDuvet, 'Is AWD210-KG in stock?').text).toMatch(
      /^The Alpine Wool Duvet in King, Grey is out/,
    );
  });

  it('says when a size or colour is not made, and what it comes in', () => {
    expect(stock(passages.cloudDuvet, 'Do you have the Cloud Duvet in blue?').text).toBe(
      "The Cloud Duvet doesn't come in Blue; it comes in White and Sage.",
    );
    expect(stock(passages.bambooPillow, 'Is the bamboo pillow in stock in size 10?').text).toBe(
      "The Bamboo Pillow doesn't come in 10; it comes in Standard, Queen and King.",
    );
    expect(stock(passages.percaleSheets, 'Do you have the percale sheet set in California King?').text).toBe(
      "The Percale Sheet Set doesn't come in California King; it comes in Twin, Full, Queen and King.",
    );
  });

  it("does not guess a stock the record does not give: a stock table's missing combination, a colour it lacks", () => {
    // The stock table lists King / White and Queen / Sage, not King / Sage.
    expect(stock(passages.cloudDuvet, 'Do you have the Cloud Duvet in King, Sage?')).toEqual({
      text: 'The Cloud Duvet comes in King and Sage.',
      missing: ['the stock of the Cloud Duvet in King, Sage'],
    });
    expect(stock(passages.weightedBlanket, 'Do you have the Weighted Blanket in blue?')).toEqual({
      text: '',
      missing: ['the colors of the Weighted Blanket'],
    });
    expect(stock(passages.weightedBlanket, 'Is the weighted blanket in stock?').missing).toEqual([
      'the stock of the Weighted Blanket',
    ]);
  });

  it("answers for the product as a whole from its own flag, or from its variants'", () => {
    expect(stock(passages.silkPillowcase, 'Is the silk pillowcase in stock?').text).toBe(
      'The Silk Pillowcase is out of stock.',
    );
    expect(stock(passages.percaleSheets, 'Do you have the percale sheets in Queen?').text).toBe(
      'The Percale Sheet Set comes in Queen and is in stock.',
    );
    expect(stock(passages.alpineDuvet, 'Is the Alpine Wool Duvet in stock?').text).toBe(
      'The Alpine Wool Duvet is in stock in Queen, Natural and in King, Natural.',
    );
    expect(stock(passages.bambooPillow, 'Is the bamboo pillow in stock in king?').text).toBe(
      "The Bamboo Pillow in King is out of stock. It's in stock in Standard and in Queen.",
    );
  });
});
