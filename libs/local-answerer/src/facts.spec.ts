import { resolveBusinessProfile } from '@voca/business';
import { describe, expect, it } from 'vitest';
import { readFacts } from './facts.js';
import { answerLocally } from './index.js';
import { withoutFileNames } from './plain.js';

describe('document file names', () => {
  it('drops the sentences that name a file, not links or addresses', () => {
    expect(withoutFileNames('bedding_products.json')).toBe('');
    expect(withoutFileNames('Returns within 30 days. For the full terms see policies.pdf.')).toBe(
      'Returns within 30 days.',
    );
    expect(withoutFileNames('Mail help@shop.md or see https://shop.example/terms.html')).toBe(
      'Mail help@shop.md or see https://shop.example/terms.html',
    );
  });

  it('are never facts to say, wherever the profile carries them', () => {
    const profile = resolveBusinessProfile({
      name: 'Cozy Comfort Bedding',
      business_type: 'retail',
      description: null,
      character_config: {
        knowledge_base: {
          product_catalog: 'bedding_products.json',
          return_policy: 'returns.pdf',
          catalog_note: 'Everything we sell is in catalog.csv.',
        },
      },
      context: { knowledge_base: ['See care.md for washing.'] },
    });
    const facts = readFacts(profile);
    expect(facts.returns).toBeUndefined();
    expect(facts.knowledge).toEqual([]);
    const answer = answerLocally({ profile, text: 'What is your return policy?', firstContact: false });
    expect(answer.text).not.toMatch(/\.(?:pdf|json|csv|md)\b/);
    expect(answer.handoff).toBe(true);
  });
});
