import { embeddingJobId, EMBEDDING_JOB_NAMES, JOB_NAME_BY_ENTITY } from '../src/queue';
import { jobEmbeddingText, sha256Hex } from '../src/hashing';
import { getModelSpec, MODEL_REGISTRY, STORED_VECTOR_DIMENSION, DEFAULT_MODEL_ID } from '../src/models';
import { decodeFloat32, encodeFloat32, normalizeEmbeddingInput, queryEmbeddingCacheKey } from '../src/query-cache';
import { MAX_RAW_TEXT_CHARS } from '../src/rpc';

describe('queue contracts', () => {
  it('derives the same job id for the same entity, content and model, and no ":" (BullMQ forbids it)', () => {
    const payload = { entity: 'job' as const, id: 'a1', contentHash: 'h1', modelId: 'sentence-transformers/all-MiniLM-L6-v2' };
    expect(embeddingJobId(payload)).toBe(embeddingJobId({ ...payload }));
    expect(embeddingJobId(payload)).not.toBe(embeddingJobId({ ...payload, contentHash: 'h2' }));
    expect(embeddingJobId(payload)).not.toBe(embeddingJobId({ ...payload, modelId: 'intfloat/multilingual-e5-small' }));
    expect(embeddingJobId(payload)).not.toContain(':');
  });

  it('has a job name for every embeddable entity', () => {
    expect(new Set(Object.values(JOB_NAME_BY_ENTITY))).toEqual(new Set(EMBEDDING_JOB_NAMES));
  });
});

describe('hashing', () => {
  it('hashes the embedded job text, ignoring surrounding whitespace and empty parts', () => {
    const text = jobEmbeddingText({ title: ' Backend Engineer ', description: 'Build APIs', requirements: '' });
    expect(text).toBe('Backend Engineer\n\nBuild APIs');
    expect(sha256Hex(text)).toHaveLength(64);
    expect(sha256Hex('a')).toBe('ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
  });
});

describe('model registry', () => {
  it('describes the default model with the stored vector dimension', () => {
    const spec = getModelSpec(DEFAULT_MODEL_ID);
    expect(spec.dimension).toBe(STORED_VECTOR_DIMENSION);
    expect(spec.maxSeqLength).toBe(256);
    expect(spec.pooling).toBe('mean');
  });

  it('knows the E5 prefixes and the 768-d mpnet model', () => {
    expect(MODEL_REGISTRY['intfloat/multilingual-e5-small']!.queryPrefix).toBe('query: ');
    expect(MODEL_REGISTRY['sentence-transformers/all-mpnet-base-v2']!.dimension).toBe(768);
  });

  it('rejects unknown models with the list of known ones', () => {
    expect(() => getModelSpec('nope')).toThrow(/Known models: sentence-transformers\/all-MiniLM-L6-v2/);
  });
});

describe('query-embedding cache format', () => {
  it('normalizes like the model input: whitespace collapsed and trimmed, capped without splitting a surrogate pair', () => {
    expect(normalizeEmbeddingInput('  Senior\t\tengineer \n\n remote\u00a0ok  ')).toBe('Senior engineer remote ok');
    expect(normalizeEmbeddingInput('x'.repeat(MAX_RAW_TEXT_CHARS + 10))).toHaveLength(MAX_RAW_TEXT_CHARS);
    expect(normalizeEmbeddingInput('abc def', 5)).toBe('abc d');
    expect(normalizeEmbeddingInput('abc d', 4)).toBe('abc');
    expect(normalizeEmbeddingInput('abc\u{1F600}', 4)).toBe('abc');
  });

  it('keys on the normalized text and the model id, under <prefix>:embcache:', () => {
    const key = queryEmbeddingCacheKey('p', 'm1', ' Java   developer ');
    expect(key).toMatch(/^p:embcache:[0-9a-f]{64}$/);
    expect(key).toBe(queryEmbeddingCacheKey('p', 'm1', 'Java developer'));
    expect(key).not.toBe(queryEmbeddingCacheKey('p', 'm2', 'Java developer'));
  });

  it('round-trips float32 vectors through unaligned buffers', () => {
    const vector = Float32Array.from([0.5, -1.25, 3e-8]);
    const unaligned = Buffer.concat([Buffer.alloc(1), encodeFloat32(vector)]).subarray(1);
    expect(Array.from(decodeFloat32(unaligned))).toEqual(Array.from(vector));
  });
});
