/** The document formats the engine reads. */
export const KNOWLEDGE_FORMATS = ['json', 'csv', 'markdown', 'text', 'html', 'pdf'] as const;
export type KnowledgeFormat = (typeof KNOWLEDGE_FORMATS)[number];

/** A value of a catalog record's field, as the business's document gave it (JSON values; CSV cells are strings). */
export type KnowledgeFieldValue =
  string | number | boolean | null | KnowledgeFieldValue[] | { [key: string]: KnowledgeFieldValue };

/**
 * One piece of a business's document: a record of a catalog or a table (one product, one row), or a section of prose
 * (a heading and what follows it, a page, a few paragraphs).
 */
export interface KnowledgeChunk {
  /** Its place in the document, from 0. */
  ordinal: number;
  kind: 'record' | 'section';
  /** The record's name (a product's name, its SKU) or the section's heading path ("Returns > Damaged items"). */
  title: string;
  /** What is shown to the agent: the record as "field: value" lines, or the section's text. */
  text: string;
  /** What full-text search reads besides the title: a record's values without field names, or the section's text. */
  searchText: string;
  /** A record's own fields, as the document gave them (nested objects and lists kept); absent for prose. */
  fields?: Record<string, KnowledgeFieldValue>;
  /** A record's price when one of its fields is one (`price`, `unit_price`, `cost`...), for "under $50" questions. */
  price?: number;
  /** A record's identifiers (SKU, id, model number), lower-cased letters and digits only, matched exactly. */
  identifiers?: string[];
  /** Where in the document, for a person: "record 12", "row 40", "line 88", "page 3". */
  location: string;
}

/** A chunk retrieved for one turn, with its source: what the agent is given and what a reply cites. */
export interface KnowledgePassage extends Omit<KnowledgeChunk, 'searchText' | 'identifiers'> {
  documentId: string;
  /** The document's name: the spec's key (`product_catalog`) or the uploaded file's name. */
  documentName: string;
  version: number;
  /** How well it matched the customer's words (higher is better; only comparable within one retrieval). */
  score: number;
}

/** What a reply used: stored with the reply, shown in the conversation and customer context views. */
export interface KnowledgeCitation {
  document_id: string;
  document_name: string;
  version: number;
  /** The chunk's ordinal in that version. */
  chunk: number;
  title: string;
  location: string;
}

export function citationOf(passage: KnowledgePassage): KnowledgeCitation {
  return {
    document_id: passage.documentId,
    document_name: passage.documentName,
    version: passage.version,
    chunk: passage.ordinal,
    title: passage.title,
    location: passage.location,
  };
}
