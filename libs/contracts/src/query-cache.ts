import { createHash } from 'node:crypto';
import { MAX_RAW_TEXT_CHARS } from './rpc';

/**
 * The query-embedding cache is shared: the embedder fills it, the APIs read it before calling
 * the embedder. Key and value formats are defined here once so both sides agree.
 */

/**
 * Text as the model sees it, before tokenization: every whitespace run collapsed to one space,
 * trimmed, capped at `maxChars` (never splitting a surrogate pair). Collapsing first means the cap
 * counts content, not indentation. Cache keys hash this form, so texts that differ only in
 * whitespace share one entry.
 */
export function normalizeEmbeddingInput(text: string, maxChars: number = MAX_RAW_TEXT_CHARS): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= maxChars) return collapsed;
  let end = maxChars;
  const lastCode = collapsed.charCodeAt(end - 1);
  if (lastCode >= 0xd800 && lastCode <= 0xdbff) end -= 1; // high surrogate without its pair
  return collapsed.slice(0, end).trimEnd();
}

/** `<prefix>:embcache:<sha256(model id, NUL, normalized text)>`. */
export function queryEmbeddingCacheKey(redisKeyPrefix: string, modelId: string, text: string): string {
  const digest = createHash('sha256').update(`${modelId}\u0000${normalizeEmbeddingInput(text)}`, 'utf8').digest('hex');
  return `${redisKeyPrefix}:embcache:${digest}`;
}

/** Cached values are raw little-endian float32 bytes (1.5 KB for 384 dimensions). */
export function encodeFloat32(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** Copies into a fresh, 4-byte aligned array: Redis replies may start at any byte offset. */
export function decodeFloat32(buffer: Buffer): Float32Array {
  const vector = new Float32Array(buffer.byteLength / 4);
  new Uint8Array(vector.buffer).set(buffer);
  return vector;
}
