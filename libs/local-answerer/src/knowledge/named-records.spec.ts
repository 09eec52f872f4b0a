import type { KnowledgePassage } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { readMessage } from '../intents.js';
import { readCatalogMessage } from './catalog-message.js';
import { readRecord } from './catalog-record.js';
import { namedRecords } from './named-records.js';
import samples from './sample-passages.json' with { type: 'json' };

type Sample = keyof typeof samples;
const passages = samples as unknown as Record<Sample, KnowledgePassage>;

/** The names of the records `text` names, among those retrieved for it (in retrieval's order). */
function named(text: string, retrieved: Sample[]): { names: string[]; kind: boolean; whole: boolean } {
  const records = retrieved.map((key) => readRecord(passages[key], undefined)!);
  const naming = namedRecords(records, readCatalogMessage(text, readMessage(text), new Set()));
  return { names: naming.records.map((r) => r.name), kind: naming.kind, whole: naming.whole };
}

describe('namedRecords', () => {
  it('takes the record whose whole name the message says, not the others retrieved with it', () => {
    expect(named('How much is the Cloud Duvet?', ['alpineDuvet', 'cloudDuvet', 'silkPillowcase'])).toEqual({
      names: ['Cloud Duvet'],
      kind: false,
      whole: true,
    });
    // A word beside the name that the record itself uses describes it ("A warm merino wool duvet...").
    expect(named('is the alpine wool duvet warm?', ['cloudDuvet', 'alpineDuvet']).names).toEqual(['Alpine Wool Duvet']);
  });

  it('takes a record by its SKU, however it is written', () => {
    expect(named('price of CC-1042', ['silkPillowcase', 'cloudDuvet']).names).toEqual(['Cloud Duvet']);
    expect(named('is cc1042 in stock', ['cloudDuvet']).names).toEqual(['Cloud Duvet']);
    expect(named('do you have AWD210-KG', ['cloudDuvet', 'alpineDuvet']).names).toEqual(['Alpine Wool Duvet']);
  });

  it('never takes a retrieved record the message does not name', () => {
    // Retrieval found the Cloud Duvet for these; the customer asked about something else.
    expect(named('How much is the Alpine Duvet?', ['cloudDuvet']).names).toEqual([]);
    expect(named('How much is the Cloud Duvet Deluxe?', ['cloudDuvet']).names).toEqual([]);
    expect(named('How much is a weighted blanket?', ['cloudDuvet', 'silkPillowcase']).names).toEqual([]);
    expect(named('How much is the alpine duvet?', ['cloudDuvet', 'weightedBlanket']).names).toEqual([]);
    expect(named('What are your store hours?', ['cloudDuvet']).names).toEqual([]);
  });

  it('takes two products named apart as a comparison, in the order the customer named them', () => {
    expect(
      named("What's the difference between the Cloud Duvet and the Alpine Wool Duvet?", ['alpineDuvet', 'cloudDuvet']),
    ).toEqual({ names: ['Cloud Duvet', 'Alpine Wool Duvet'], kind: false, whole: true });
    expect(named('How much are the alpine and the cloud?', ['cloudDuvet', 'alpineDuvet']).names).toEqual([
      'Alpine Wool Duvet',
      'Cloud Duvet',
    ]);
  });

  it('takes every record a kind of product names, and only those the rest of the message describes', () => {
    expect(named('Do you have duvets?', ['cloudDuvet', 'alpineDuvet', 'silkPillowcase'])).toEqual({
      names: ['Cloud Duvet', 'Alpine Wool Duvet'],
      kind: true,
      whole: false,
    });
    expect(named('Do you have organic cotton duvets?', ['alpineDuvet', 'cloudDuvet']).names).toEqual(['Cloud Duvet']);
    expect(named("what's the fill of the bamboo?", ['cloudDuvet', 'bambooPillow']).names).toEqual(['Bamboo Pillow']);
    expect(named('Do you have the Cloud Duvet in King, Sage?', ['cloudDuvet']).names).toEqual(['Cloud Duvet']);
  });
});
