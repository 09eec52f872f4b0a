import { makeCounterProvider, makeHistogramProvider } from '@voca/observability';

export const KNOWLEDGE_VERSIONS = 'voca_knowledge_versions_total';
export const KNOWLEDGE_INDEX_SECONDS = 'voca_knowledge_index_seconds';

/** What indexing the agents' documents looks like: versions by outcome, and how long each took. */
export const knowledgeIndexMetrics = [
  makeCounterProvider({
    name: KNOWLEDGE_VERSIONS,
    help: 'Document versions indexed, by format and outcome (ready; superseded: a newer one answered first; failed: malformed, too_many_chunks, fetch_failed)',
    labelNames: ['format', 'outcome'],
  }),
  makeHistogramProvider({
    name: KNOWLEDGE_INDEX_SECONDS,
    help: 'From fetching or reading a document version to it answering, by format',
    labelNames: ['format'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
  }),
];
