import type {
  BusinessProfile,
  ContactDetails,
  KnowledgeBase,
  PoliciesDto,
  Product,
  ProductEntry,
  SubmittedProfile,
} from '@voca/contracts';

/**
 * Resolves a submitted profile into the one shape the engine speaks from. The request may use the spec's fields,
 * the engine's extensions, or both; one rule decides between them: **the spec's field wins where both say the same
 * thing** (`business_name` over the agent's name, `knowledge_base.return_policy` / `shipping_info` over
 * `policies.returns` / `shipping`, `contact_info` over the structured contact), and **lists are joined**, the
 * spec's entries first and repeats dropped (products, specialties and knowledge from `character_config` and
 * `context`).
 */
export function resolveBusinessProfile(submitted: SubmittedProfile): BusinessProfile {
  const character = submitted.character_config ?? {};
  const context = submitted.context ?? {};
  const named = namedFacts([character.knowledge_base, context.knowledge_base]);
  const profile: BusinessProfile = {
    name: character.business_name?.trim() || submitted.name,
    description: submitted.description,
    business_type: submitted.business_type,
    voice: pick(character, ['tone', 'personality', 'language', 'response_style', 'greeting']),
    products: unique([...productsOf(character.products), ...productsOf(context.products)], (p) => p.name),
    specialties: unique([...(character.specialties ?? []), ...(context.specialties ?? [])].map(spoken), (s) => s),
    policies: { ...pick(context.policies ?? {}, ['returns', 'shipping', 'warranty', 'payment']), ...named.policies },
    contact: contactOf(context.contact_info, context.contact ?? {}),
    knowledge: unique(named.statements, (s) => s),
    faqs: (context.faqs ?? []).map(({ question, answer }) => ({ question, answer })),
  };
  if (context.store_hours) profile.store_hours = context.store_hours;
  if (context.timezone) profile.timezone = context.timezone;
  if (context.opening_hours?.length)
    profile.opening_hours = context.opening_hours.map(({ day, open, close }) => ({ day, open, close }));
  if (context.website) profile.website = context.website.trim();
  if (character.media_handoff) profile.media_handoff = true;
  if (character.voice) profile.voice.speech_voice = character.voice;
  return profile;
}

/** An identifier as the spec writes products and specialties (`bedding_sets`) read as words ("bedding sets"). */
export function spoken(identifier: string): string {
  const text = identifier.trim();
  return /^[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+$/u.test(text) ? text.replaceAll('_', ' ') : text;
}

/** Knowledge keys that answer a policy question, by the policy they answer. */
const POLICY_KEYS: Record<keyof PoliciesDto, readonly string[]> = {
  returns: ['return_policy', 'returns_policy', 'returns', 'return'],
  shipping: ['shipping_info', 'shipping_policy', 'shipping', 'delivery', 'delivery_info'],
  warranty: ['warranty_info', 'warranty_policy', 'warranty', 'guarantee'],
  payment: ['payment_info', 'payment_options', 'payment_methods', 'payment'],
};
const POLICY_BY_KEY = new Map(
  Object.entries(POLICY_KEYS).flatMap(([policy, keys]) => keys.map((key) => [key, policy as keyof PoliciesDto])),
);

/**
 * A value that only names a file (`bedding_products.json`) points at a document the engine does not fetch: it is
 * kept in the profile but never quoted to a customer.
 */
const FILE_REFERENCE = /^[\w./-]+\.(?:json|csv|tsv|xlsx?|pdf|txt|xml|ya?ml|docx?|md)$/i;

function namedFacts(bases: (KnowledgeBase | undefined)[]): { policies: PoliciesDto; statements: string[] } {
  const policies: PoliciesDto = {};
  const statements: string[] = [];
  for (const base of bases) {
    if (Array.isArray(base)) {
      statements.push(...base.map((text) => text.trim()));
      continue;
    }
    for (const [key, raw] of Object.entries(base ?? {})) {
      const text = raw.trim();
      const normalisedKey = key
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_');
      const policy = POLICY_BY_KEY.get(normalisedKey);
      if (policy) {
        policies[policy] ??= text;
      } else if (!FILE_REFERENCE.test(text)) {
        statements.push(`${labelOf(key)}: ${text}`);
      }
    }
  }
  return { policies, statements };
}

/** `product_catalog` -> "Product catalog". */
function labelOf(key: string): string {
  const words = key.trim().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function productsOf(entries: ProductEntry[] | undefined): Product[] {
  return (entries ?? []).map((entry) => {
    if (typeof entry === 'string') return { name: spoken(entry) };
    const product: Product = { name: entry.name.trim() };
    if (entry.description !== undefined) product.description = entry.description;
    if (entry.price !== undefined) product.price = entry.price;
    return product;
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A phone number as people write it, vanity letters included (`+1-555-BEDDING`). */
const PHONE = /^\+?[\dA-Z().\s-]{7,30}$/;

/** The spec's free-text contact replaces the structured field it is (phone or email); other text replaces both. */
function contactOf(
  contactInfo: string | undefined,
  structured: NonNullable<SubmittedProfile['context']['contact']>,
): ContactDetails {
  const contact: ContactDetails = pick(structured, ['phone', 'email', 'address']);
  const text = contactInfo?.trim();
  if (!text) return contact;
  if (EMAIL.test(text)) return { ...contact, email: text };
  if (PHONE.test(text) && (text.match(/\d/g) ?? []).length >= 3) return { ...contact, phone: text };
  const { address } = contact;
  return address ? { address, text } : { text };
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}

function unique<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item).toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
