import { createHash } from 'node:crypto';

/** plugin-sql stores vectors of this size. */
export const EMBEDDING_DIMENSIONS = 384;

/**
 * A deterministic, offline embedding: words hashed into a fixed number of buckets, normalised to unit length. It
 * lets ElizaOS store and compare memories without calling a provider; texts sharing words land near each other.
 */
export function hashEmbedding(text: string, dimensions = EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    const digest = createHash('sha256').update(word).digest();
    vector[digest.readUInt32BE(0) % dimensions]! += digest[4]! & 1 ? 1 : -1;
  }
  const norm = Math.hypot(...vector);
  if (norm === 0) vector[0] = 1;
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
