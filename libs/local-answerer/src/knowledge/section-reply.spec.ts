import type { KnowledgePassage } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { readMessage } from '../intents.js';
import { MAX_FACT_CHARS } from '../plain.js';
import { sectionAnswer } from './section-reply.js';
import samples from './sample-passages.json' with { type: 'json' };

type Sample = keyof typeof samples;
const passages = samples as unknown as Record<Sample, KnowledgePassage>;

/** What is quoted for `text` from the passages retrieved for it, and from which. */
function quoted(text: string, retrieved: Sample[]) {
  const reading = readMessage(text);
  const topicTerms = new Set([...reading.strong.values()].flatMap((hits) => [...hits]));
  const answer = sectionAnswer(
    retrieved.map((key) => passages[key]),
    reading.content,
    topicTerms,
    'cozycomfort.example',
  );
  return { text: answer?.reply.said.map((s) => s.text).join(' ') ?? '', sources: answer?.sources.map((s) => s.title) };
}

describe('sectionAnswer', () => {
  it('quotes the sentences of the matching section that hold the question, and cites it', () => {
    expect(quoted('How long does express delivery take?', ['returnsSection', 'shippingSection'])).toEqual({
      text: 'Express delivery takes 1-2 business days and costs $15.',
      sources: ['Shipping'],
    });
    expect(quoted('Do you charge for shipping?', ['shippingSection']).text).toBe(
      'Orders over $50 ship free within the US. Standard delivery takes 3-5 business days. ' +
        'Express delivery takes 1-2 business days and costs $15.',
    );
  });

  it('matches a section on its heading, and never quotes a question or a file name back', () => {
    const returns = quoted('What is your return policy?', ['returnsSection']).text;
    // Asked only what its heading says: its opening sentences.
    expect(returns).toBe(
      'We accept returns of unused bedding within 30 days of delivery. Items must be in their original packaging. ' +
        'Refunds go back to the original payment method within 5 business days of receiving the item.',
    );
    expect(returns.length).toBeLessThanOrEqual(MAX_FACT_CHARS);
    expect(quoted('how do I wash my duvet', ['careSection']).text).toBe(
      'Machine wash cold on a gentle cycle and tumble dry low with two dryer balls. ' +
        'Never dry clean a down alternative duvet.',
    );
  });

  it('joins the lines a PDF wraps, and answers "how long" with the sentence that gives a duration', () => {
    const wrapped = {
      ...passages.returnsSection,
      title: 'Returns > Refunds',
      text:
        'Refunds\nIf a refund is late, check with your bank first: card refunds can take a few\nmore days to show on ' +
        'a statement.\nRefunds are issued within 5 business days of the return\nreaching our warehouse in Portland.',
    };
    const reading = readMessage('How long do refunds take after you get my return?');
    const answer = sectionAnswer([wrapped], new Set([...reading.content, 'howlong']), new Set(['return']), undefined);
    expect(answer?.reply.said.map((s) => s.text)).toEqual([
      'If a refund is late, check with your bank first: card refunds can take a few more days to show on a ' +
        'statement. Refunds are issued within 5 business days of the return reaching our warehouse in Portland.',
    ]);
  });

  it('quotes nothing for a message that only shares a word or two with it, or asks something else', () => {
    expect(quoted('pillows?', ['returnsSection']).sources).toBeUndefined();
    expect(quoted('How much is the Nordic Down Duvet?', ['careSection']).sources).toBeUndefined();
    expect(quoted('What are your store hours?', ['returnsSection', 'shippingSection']).sources).toBeUndefined();
  });
});
