import type { BusinessProfile } from '@voca/contracts';

function price(value: number | undefined): string {
  return value === undefined ? '' : ` ($${value.toFixed(2)})`;
}

/**
 * The business profile as short statements an agent can quote verbatim, one fact per line, in a stable order:
 * identity, hours, policies, products, contact, then the vendor's own knowledge base and FAQs.
 */
export function businessFacts(profile: BusinessProfile): string[] {
  const facts: string[] = [`Business: ${profile.name} (${profile.business_type})`];
  if (profile.description) facts.push(`About: ${profile.description}`);
  if (profile.store_hours) {
    facts.push(`Store hours: ${profile.store_hours}${profile.timezone ? ` (${profile.timezone})` : ''}`);
  }
  const { policies, contact } = profile;
  if (policies.returns) facts.push(`Returns: ${policies.returns}`);
  if (policies.shipping) facts.push(`Shipping: ${policies.shipping}`);
  if (policies.warranty) facts.push(`Warranty: ${policies.warranty}`);
  if (policies.payment) facts.push(`Payment: ${policies.payment}`);
  for (const product of profile.products) {
    facts.push(
      `Product: ${product.name}${price(product.price)}${product.description ? ` - ${product.description}` : ''}`,
    );
  }
  if (profile.specialties.length) facts.push(`Specialties: ${profile.specialties.join(', ')}`);
  const reach = [contact.phone && `phone ${contact.phone}`, contact.email && `email ${contact.email}`, contact.text]
    .filter(Boolean)
    .join(', ');
  if (reach) facts.push(`Contact: ${reach}`);
  if (contact.address) facts.push(`Address: ${contact.address}`);
  if (profile.website) facts.push(`Website: ${profile.website}`);
  facts.push(...profile.knowledge);
  for (const faq of profile.faqs) facts.push(`Q: ${faq.question} A: ${faq.answer}`);
  return facts;
}
