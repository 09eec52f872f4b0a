import type { BusinessProfile } from '@voca/contracts';

function price(value: number | undefined): string {
  return value === undefined ? '' : ` ($${value.toFixed(2)})`;
}

/**
 * The business profile as short statements an agent can quote verbatim, one fact per line, in a stable order:
 * identity, hours, policies, products, contact, then the vendor's own knowledge base and FAQs.
 */
export function businessFacts(profile: BusinessProfile): string[] {
  const { context } = profile;
  const facts: string[] = [`Business: ${profile.name} (${profile.business_type})`];
  if (profile.description) facts.push(`About: ${profile.description}`);
  if (context.store_hours) {
    facts.push(`Store hours: ${context.store_hours}${context.timezone ? ` (${context.timezone})` : ''}`);
  }
  const policies = context.policies ?? {};
  if (policies.returns) facts.push(`Returns: ${policies.returns}`);
  if (policies.shipping) facts.push(`Shipping: ${policies.shipping}`);
  if (policies.warranty) facts.push(`Warranty: ${policies.warranty}`);
  if (policies.payment) facts.push(`Payment: ${policies.payment}`);
  for (const product of context.products ?? []) {
    facts.push(`Product: ${product.name}${price(product.price)}${product.description ? ` - ${product.description}` : ''}`);
  }
  if (context.specialties?.length) facts.push(`Specialties: ${context.specialties.join(', ')}`);
  const contact = context.contact ?? {};
  const reach = [contact.phone && `phone ${contact.phone}`, contact.email && `email ${contact.email}`]
    .filter(Boolean)
    .join(', ');
  if (reach) facts.push(`Contact: ${reach}`);
  if (contact.address) facts.push(`Address: ${contact.address}`);
  if (context.website) facts.push(`Website: ${context.website}`);
  facts.push(...(context.knowledge_base ?? []));
  for (const faq of context.faqs ?? []) facts.push(`Q: ${faq.question} A: ${faq.answer}`);
  return facts;
}
