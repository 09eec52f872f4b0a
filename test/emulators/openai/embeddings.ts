import { createHash } from 'node:crypto';
import { invalidRequest, invalidType } from './errors.js';
import { optionalEnum, optionalNumber, requireKnownArguments, requireModel } from './params.js';
import { estimateTokens } from './tokens.js';

export const DEFAULT_EMBEDDING_DIMENSIONS = 1536;
const MAX_INPUTS = 2048;
const MAX_DIMENSIONS = 16_384;
const KNOWN_ARGUMENTS = new Set(['input', 'model', 'dimensions', 'encoding_format', 'user']);

export interface EmbeddingRequest {
  model: string;
  /** Each input as text (token arrays as their JSON). */
  inputs: string[];
  dimensions: number;
  encoding: 'float' | 'base64';
}

/** Checks a POST /v1/embeddings body as OpenAI would; throws OpenAiApiError (400). */
export function validateEmbeddingRequest(raw: unknown): EmbeddingRequest {
  const body = requireKnownArguments(raw, KNOWN_ARGUMENTS);
  const model = requireModel(body);
  const inputs = validateInput(body['input']);
  const dimensions =
    optionalNumber(body, 'dimensions', { min: 1, max: MAX_DIMENSIONS, integer: true }) ?? DEFAULT_EMBEDDING_DIMENSIONS;
  const encoding = optionalEnum(body, 'encoding_format', ['float', 'base64'] as const) ?? 'float';
  return { model, inputs, dimensions, encoding };
}

function validateInput(input: unknown): string[] {
  const invalid = () =>
    invalidRequest(
      "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
      'input',
    );
  if (input === undefined || input === null)
    throw invalidRequest("Missing required parameter: 'input'.", 'input', 'missing_required_parameter');
  if (typeof input === 'string') {
    if (input === '') throw invalid();
    return [input];
  }
  if (!Array.isArray(input)) throw invalidType('input', 'one of a string or array of strings', input);
  if (input.length === 0 || input.length > MAX_INPUTS) throw invalid();
  if (input.every((i) => typeof i === 'number' && Number.isInteger(i))) return [JSON.stringify(input)]; // one token array
  return input.map((item: unknown) => {
    if (typeof item === 'string' && item !== '') return item;
    if (Array.isArray(item) && item.length > 0 && item.every((i) => typeof i === 'number' && Number.isInteger(i)))
      return JSON.stringify(item);
    throw invalid();
  });
}

/**
 * A deterministic unit vector for `text`: components drawn from SHA-256 of (text, block counter), normalised, and
 * rounded to float32 so that the float and base64 encodings carry exactly the same numbers.
 */
export function embed(text: string, dimensions: number): Float32Array {
  const raw = new Float64Array(dimensions);
  let filled = 0;
  for (let block = 0; filled < dimensions; block += 1) {
    const digest = createHash('sha256').update(text).update(`\u0000${block}`).digest();
    for (let offset = 0; offset + 4 <= digest.length && filled < dimensions; offset += 4) {
      raw[filled] = digest.readUInt32LE(offset) / 0xffffffff - 0.5;
      filled += 1;
    }
  }
  let sumOfSquares = 0;
  for (const v of raw) sumOfSquares += v * v;
  const norm = Math.sqrt(sumOfSquares) || 1;
  return Float32Array.from(raw, (v) => v / norm);
}

/** The answer, in the shape of openai's CreateEmbeddingResponse (base64: little-endian float32, as OpenAI sends). */
export function embeddingResponse(request: EmbeddingRequest) {
  const promptTokens = request.inputs.reduce((sum, text) => sum + estimateTokens(text), 0);
  return {
    object: 'list' as const,
    data: request.inputs.map((text, index) => {
      const vector = embed(text, request.dimensions);
      return {
        object: 'embedding' as const,
        index,
        embedding:
          request.encoding === 'base64'
            ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64')
            : Array.from(vector),
      };
    }),
    model: request.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
