import { describe, expect, it } from 'vitest';
import { businessFacts } from './business-facts.js';
import { specExample } from '../../../test/support/spec-examples.js';
import { resolveBusinessProfile } from './resolve-profile.js';

describe('businessFacts', () => {
  it('states the profile as quotable facts in a stable order', () => {
    const facts = businessFacts(
      resolveBusinessProfile({
        name: 'Cozy Comfort Bedding',
        description: 'Premium bedding',
        business_type: 'retail',
        character_config: { tone: 'friendly' },
        context: {
          store_hours: 'Monday to Saturday, 9 AM - 6 PM EST',
          policies: { returns: '30-day returns', shipping: 'Free over $75' },
          products: [{ name: 'Sheet Set', price: 129.99, description: '600 thread count' }, { name: 'Pillow' }],
          specialties: ['organic cotton'],
          contact: { phone: '+15551234567', email: 'help@cozy.example' },
          website: 'https://cozy.example',
          knowledge_base: ['All sheets are OEKO-TEX certified.'],
          faqs: [{ question: 'Gift wrap?', answer: 'Yes, for $5.' }],
        },
      }),
    );
    expect(facts).toEqual([
      'Business: Cozy Comfort Bedding (retail)',
      'About: Premium bedding',
      'Store hours: Monday to Saturday, 9 AM - 6 PM EST',
      'Returns: 30-day returns',
      'Shipping: Free over $75',
      'Product: Sheet Set ($129.99) - 600 thread count',
      'Product: Pillow',
      'Specialties: organic cotton',
      'Contact: phone +15551234567, email help@cozy.example',
      'Website: https://cozy.example',
      'All sheets are OEKO-TEX certified.',
      'Q: Gift wrap? A: Yes, for $5.',
    ]);
  });

  it("states the spec's profile as the business speaks of itself", () => {
    const facts = businessFacts(resolveBusinessProfile(specExample('provision-request').agent_config));
    expect(facts).toEqual([
      'Business: Cozy Comfort Bedding (retail)',
      'About: AI agent for Cozy Comfort Bedding store',
      'Store hours: 9 AM - 6 PM EST',
      'Returns: 30-day returns',
      'Shipping: Free shipping over $50',
      'Product: bedding sets',
      'Product: pillows',
      'Product: comforters',
      'Product: duvets',
      'Specialties: bedding, home decor, sleep products',
      'Contact: phone +1-555-BEDDING',
      'Website: cozycomfort.com',
    ]);
  });

  it('needs nothing but a name and a business type', () => {
    const profile = resolveBusinessProfile({
      name: 'Shop',
      description: null,
      business_type: 'other',
      character_config: {},
      context: {},
    });
    expect(businessFacts(profile)).toEqual(['Business: Shop (other)']);
  });
});
