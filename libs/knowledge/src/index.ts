/**
 * The business's documents as the agent knows them: reading each format into chunks (a catalog's records, a policy's
 * sections), and finding the few that answer a customer's message.
 */
export { DocumentFormatError, DocumentLimitError, type DocumentPlace } from './formats/document-errors.js';
export { formatOf } from './formats/format-of.js';
export { parseDocument, type DocumentLimits, type DocumentSource } from './formats/parse-document.js';
export { parseDocumentApart, type ApartLimits } from './formats/parse-apart.js';
export { readKnowledgeQuery, priceRangeOf, type KnowledgeQuery, type PriceRange } from './retrieval/knowledge-query.js';
export { KnowledgeRetriever, type Retrieval, type RetrievalRequest } from './retrieval/knowledge-retriever.js';
export {
  EmbeddingsClient,
  cosineSimilarity,
  embeddingsClientFor,
  type EmbeddingsEnv,
  type EmbeddingsSettings,
} from './retrieval/embeddings-client.js';
