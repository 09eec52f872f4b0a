import OpenAI from 'openai';

export interface EmbeddingsSettings {
  model: string;
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxRetries?: number;
}

/**
 * An OpenAI-compatible embeddings endpoint (OpenAI, Ollama, vLLM, LocalAI...) through the official SDK, which retries
 * 429 and 5xx answers with backoff. Vectors come back in the order of the texts.
 */
export class EmbeddingsClient {
  private readonly client: OpenAI;

  constructor(private readonly settings: EmbeddingsSettings) {
    this.client = new OpenAI({
      apiKey: settings.apiKey,
      baseURL: settings.baseUrl,
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries ?? 2,
    });
  }

  get model(): string {
    return this.settings.model;
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const answer = await this.client.embeddings.create({
      model: this.settings.model,
      input: texts,
      encoding_format: 'float',
    });
    const vectors = new Array<number[]>(texts.length);
    for (const item of answer.data) vectors[item.index] = item.embedding;
    if (vectors.some((vector) => !Array.isArray(vector)))
      throw new Error(`the embeddings endpoint answered ${answer.data.length} vectors for ${texts.length} texts`);
    return vectors;
  }
}

/** Cosine similarity of two vectors of one model (0 when either is empty or their lengths differ). */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/** The settings that name an embeddings endpoint, as the apps' environments hold them. */
export interface EmbeddingsEnv {
  KNOWLEDGE_EMBEDDINGS_MODEL?: string;
  KNOWLEDGE_EMBEDDINGS_BASE_URL?: string;
  KNOWLEDGE_EMBEDDINGS_API_KEY?: string;
  KNOWLEDGE_EMBEDDINGS_TIMEOUT_MS: number;
  OPENAI_BASE_URL?: string;
  OPENAI_API_KEY?: string;
}

/** The embeddings endpoint when KNOWLEDGE_EMBEDDINGS_MODEL is set; its URL and key default to OpenAI's settings. */
export function embeddingsClientFor(env: EmbeddingsEnv): EmbeddingsClient | undefined {
  if (!env.KNOWLEDGE_EMBEDDINGS_MODEL) return undefined;
  return new EmbeddingsClient({
    model: env.KNOWLEDGE_EMBEDDINGS_MODEL,
    baseUrl: env.KNOWLEDGE_EMBEDDINGS_BASE_URL ?? env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
    apiKey: env.KNOWLEDGE_EMBEDDINGS_API_KEY ?? env.OPENAI_API_KEY ?? 'none',
    timeoutMs: env.KNOWLEDGE_EMBEDDINGS_TIMEOUT_MS,
  });
}
