import type { ProvisionAgentRequestDto } from '@voca/contracts';

/** The seed's example: Cozy Comfort Bedding, reachable by phone and on the four social platforms. */
export function cozyComfortRequest(
  vendorId: string,
  overrides: Partial<ProvisionAgentRequestDto['agent_config']> = {},
) {
  return {
    vendor_id: vendorId,
    agent_config: {
      name: 'Cozy Comfort Bedding',
      description: 'Premium bedding and home comfort store',
      business_type: 'retail',
      channels: ['voice', 'whatsapp', 'instagram', 'facebook', 'twitter'],
      character_config: {
        personality: 'warm, patient and knowledgeable about sleep',
        tone: 'friendly',
        language: 'en',
        response_style: 'concise',
      },
      context: {
        products: [
          { name: 'Egyptian Cotton Sheet Set', description: '600 thread count', price: 129.99 },
          { name: 'Down Alternative Comforter', price: 89.5 },
        ],
        specialties: ['organic cotton bedding', 'hypoallergenic pillows'],
        store_hours: 'Monday to Saturday, 9 AM - 6 PM EST',
        policies: {
          returns: 'Returns accepted within 30 days of delivery for unused items in their original packaging',
          shipping: 'Free shipping on orders over $75; delivery in 3-5 business days',
        },
        contact: { phone: '+15551234567', email: 'help@cozycomfort.example' },
        website: 'https://cozycomfort.example',
        knowledge_base: ['All sheets are OEKO-TEX certified.'],
        faqs: [{ question: 'Do you offer gift wrapping?', answer: 'Yes, gift wrapping is available for $5.' }],
      },
      ...overrides,
    },
  } satisfies Record<string, unknown>;
}
