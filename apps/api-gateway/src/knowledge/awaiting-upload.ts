import type { KnowledgeBase } from '@voca/contracts';

/** A knowledge_base value that names a document rather than stating a fact: a file of a format the engine reads. */
const DOCUMENT_FILE = /\.(?:json|csv|md|markdown|txt|html?|pdf)$/i;

/**
 * The keys of a profile's knowledge base whose value names a file (the spec's `product_catalog:
 * "bedding_products.json"`) that no answering document stands for yet: none named by the key or by the file has a
 * current version.
 */
export function awaitingUpload(knowledgeBase: KnowledgeBase | undefined, answering: ReadonlySet<string>): string[] {
  if (!knowledgeBase || Array.isArray(knowledgeBase)) return [];
  return Object.entries(knowledgeBase)
    .filter(([key, value]) => {
      const file = value.trim();
      return DOCUMENT_FILE.test(file) && !answering.has(key) && !answering.has(file);
    })
    .map(([key]) => key);
}
