import type { SubmittedProfile } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { resolveBusinessProfile, spoken } from './resolve-profile.js';

const base: SubmittedProfile = {
  name: 'Shop Agent',
  description: null,
  business_type: 'retail',
  character_config: {},
  context: {},
};
const resolve = (character_config: SubmittedProfile['character_config'], context: SubmittedProfile['context'] = {}) =>
  resolveBusinessProfile({ ...base, character_config, context });

describe('resolveBusinessProfile', () => {
  it("speaks as business_name when given, else as the agent's name", () => {
    expect(resolve({ business_name: 'Cozy Comfort Bedding' }).name).toBe('Cozy Comfort Bedding');
    expect(resolve({}).name).toBe('Shop Agent');
  });

  it('reads identifiers as words and keeps product objects as they are', () => {
    const profile = resolve({
      products: ['bedding_sets', { name: 'Silk Pillowcase', price: 35, description: 'Mulberry silk' }],
    });
    expect(profile.products).toEqual([
      { name: 'bedding sets' },
      { name: 'Silk Pillowcase', price: 35, description: 'Mulberry silk' },
    ]);
    expect(spoken('home_decor')).toBe('home decor');
    expect(spoken('King-size duvet')).toBe('King-size duvet');
    expect(spoken('  pillows ')).toBe('pillows');
  });

  it("joins lists from both places, the spec's entries first, without repeats", () => {
    const profile = resolve(
      { products: ['pillows', 'duvets'], specialties: ['bedding'], knowledge_base: { care: 'Wash cold' } },
      {
        products: [{ name: 'Pillows', price: 20 }, 'throws'],
        specialties: ['Bedding', 'sleep_products'],
        knowledge_base: ['OEKO-TEX certified'],
      },
    );
    expect(profile.products).toEqual([{ name: 'pillows' }, { name: 'duvets' }, { name: 'throws' }]);
    expect(profile.specialties).toEqual(['bedding', 'sleep products']);
    expect(profile.knowledge).toEqual(['Care: Wash cold', 'OEKO-TEX certified']);
  });

  it("lets the spec's named policies win over the structured ones, and never quotes a bare file name", () => {
    const profile = resolve(
      {
        knowledge_base: {
          return_policy: '30-day returns',
          product_catalog: 'bedding_products.json',
          'Gift wrap': 'Free',
        },
      },
      { policies: { returns: '14 days', shipping: 'Free over $75', warranty: 'One year' } },
    );
    expect(profile.policies).toEqual({ returns: '30-day returns', shipping: 'Free over $75', warranty: 'One year' });
    expect(profile.knowledge).toEqual(['Gift wrap: Free']);
  });

  it('recognises each policy under its usual names', () => {
    const profile = resolve({
      knowledge_base: {
        shipping_info: 'Ships in 2 days',
        'warranty-info': 'Two years',
        payment_methods: 'Cards and PayPal',
      },
    });
    expect(profile.policies).toEqual({
      shipping: 'Ships in 2 days',
      warranty: 'Two years',
      payment: 'Cards and PayPal',
    });
    expect(profile.knowledge).toEqual([]);
  });

  it('reads contact_info as the phone or email it is, or as free text, over the structured contact', () => {
    const structured = { phone: '+15551234567', email: 'help@shop.example', address: '1 Main St' };
    expect(resolve({}, { contact_info: '+1-555-BEDDING', contact: structured }).contact).toEqual({
      ...structured,
      phone: '+1-555-BEDDING',
    });
    expect(resolve({}, { contact_info: 'hi@cozy.example', contact: structured }).contact).toEqual({
      ...structured,
      email: 'hi@cozy.example',
    });
    expect(resolve({}, { contact_info: 'Call or text us any day', contact: structured }).contact).toEqual({
      address: '1 Main St',
      text: 'Call or text us any day',
    });
    expect(resolve({}, { contact: structured }).contact).toEqual(structured);
  });

  it('keeps the voice fields and the hours, and leaves out what was not given', () => {
    const profile = resolve(
      { tone: 'professional_friendly', greeting: 'Hello!', language: 'en' },
      {
        store_hours: '9-5',
        timezone: 'America/New_York',
        opening_hours: [{ day: 'MONDAY', open: '09:00', close: '17:00' }],
        website: 'shop.example',
      },
    );
    expect(profile).toEqual({
      name: 'Shop Agent',
      description: null,
      business_type: 'retail',
      voice: { tone: 'professional_friendly', greeting: 'Hello!', language: 'en' },
      products: [],
      specialties: [],
      store_hours: '9-5',
      timezone: 'America/New_York',
      opening_hours: [{ day: 'MONDAY', open: '09:00', close: '17:00' }],
      policies: {},
      contact: {},
      website: 'shop.example',
      knowledge: [],
      faqs: [],
    });
  });
});
