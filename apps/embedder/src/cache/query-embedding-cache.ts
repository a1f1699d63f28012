import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { REDIS } from '@jobmatch/nest-common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config';
import { normalizeForEmbedding } from '../embedding/normalize-text';
import { EmbedderMetrics } from '../metrics/embedder-metrics';

/** A cache lookup slower than this counts as a miss: the cache must never make a request slower. */
const CACHE_TIMEOUT_MS = 300;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function encodeVector(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** Copies into a fresh (4-byte aligned) buffer: Redis replies may start at any byte offset. */
export function decodeVector(buffer: Buffer): Float32Array {
  const vector = new Float32Array(buffer.byteLength / 4);
  new Uint8Array(vector.buffer).set(buffer);
  return vector;
}

/**
 * Redis cache of query embeddings. Key: prefix + SHA-256(model id + normalized text); value: the
 * raw little-endian float32 bytes (1.5 KB for 384 dims, vs ~8 KB as JSON). Every failure
 * degrades to a miss (reads) or is ignored (writes): the caller then computes the vector.
 */
@Injectable()
export class QueryEmbeddingCache {
  private readonly logger = new Logger(QueryEmbeddingCache.name);
  private readonly keyPrefix: string;
  private readonly ttlSeconds: number;
  private lastErrorLoggedAt = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'REDIS_KEY_PREFIX' | 'CACHE_TTL_SECONDS'>,
    private readonly metrics: EmbedderMetrics,
  ) {
    this.keyPrefix = `${config.REDIS_KEY_PREFIX}:embcache:`;
    this.ttlSeconds = config.CACHE_TTL_SECONDS;
  }

  keyFor(modelId: string, text: string): string {
    const digest = createHash('sha256').update(`${modelId}\u0000${normalizeForEmbedding(text)}`, 'utf8').digest('hex');
    return this.keyPrefix + digest;
  }

  /** One entry per text: the cached vector, or null on a miss (or when the cache is unreachable). */
  async getMany(modelId: string, dimension: number, texts: string[]): Promise<(Float32Array | null)[]> {
    if (texts.length === 0) return [];
    const misses = () => {
      this.metrics.cacheMisses.inc(texts.length);
      return texts.map(() => null);
    };
    if (!this.redis) return misses();
    let replies: (Buffer | null)[];
    try {
      const keys = texts.map((text) => this.keyFor(modelId, text));
      replies = await withTimeout(this.redis.mgetBuffer(...keys), CACHE_TIMEOUT_MS);
    } catch (error) {
      this.onError('read', error);
      return misses();
    }
    return replies.map((reply) => {
      // A value of the wrong size (another dimension, a corrupted write) is ignored, not served.
      if (reply && reply.byteLength === dimension * 4) {
        this.metrics.cacheHits.inc();
        return decodeVector(reply);
      }
      this.metrics.cacheMisses.inc();
      return null;
    });
  }

  async setMany(modelId: string, entries: { text: string; vector: Float32Array }[]): Promise<void> {
    if (!this.redis || entries.length === 0) return;
    try {
      const pipeline = this.redis.pipeline();
      for (const { text, vector } of entries) {
        pipeline.set(this.keyFor(modelId, text), encodeVector(vector), 'EX', this.ttlSeconds);
      }
      const results = await withTimeout(pipeline.exec(), CACHE_TIMEOUT_MS * 2);
      const failed = results?.find(([error]) => error);
      if (failed) throw failed[0];
    } catch (error) {
      this.onError('write', error);
    }
  }

  private onError(operation: 'read' | 'write', error: unknown): void {
    this.metrics.cacheErrors.inc({ operation });
    // At most one log line per 10 s while Redis is down, instead of one per request.
    const now = Date.now();
    if (now - this.lastErrorLoggedAt > 10_000) {
      this.lastErrorLoggedAt = now;
      this.logger.warn(`Query cache ${operation} failed, computing instead: ${(error as Error).message}`);
    }
  }
}
