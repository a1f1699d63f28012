import { Logger } from '@nestjs/common';
import { decodeFloat32, encodeFloat32, queryEmbeddingCacheKey } from '@jobmatch/contracts';
import type Redis from 'ioredis';
import { withTimeout } from './timeout';

/** Optional counters (e.g. the embedder's prom-client metrics); called once per lookup or failure. */
export interface QueryEmbeddingCacheHooks {
  onHits?(count: number): void;
  onMisses?(count: number): void;
  onError?(operation: 'read' | 'write', error: unknown): void;
}

export interface QueryEmbeddingCacheOptions {
  /** null when the service runs without Redis: every read is a miss, writes are skipped. */
  redis: Redis | null;
  redisKeyPrefix: string;
  ttlSeconds: number;
  /** A lookup slower than this counts as a miss: the cache must never make a request slower. */
  timeoutMs: number;
  /** Defaults to `timeoutMs`. */
  writeTimeoutMs?: number;
  hooks?: QueryEmbeddingCacheHooks;
}

/**
 * The Redis cache of query embeddings that the embedder fills and the APIs read before calling it.
 * Key and value formats come from @jobmatch/contracts (prefix + SHA-256 of model id and normalized
 * text; raw little-endian float32 bytes). Every failure degrades to a miss (reads) or is ignored
 * (writes): the caller then computes the vector.
 */
export class RedisQueryEmbeddingCache {
  private readonly logger = new Logger('QueryEmbeddingCache');
  private readonly redis: Redis | null;
  private readonly hooks: QueryEmbeddingCacheHooks;
  private lastErrorLoggedAt = 0;

  constructor(private readonly options: QueryEmbeddingCacheOptions) {
    this.redis = options.redis;
    this.hooks = options.hooks ?? {};
  }

  keyFor(modelId: string, text: string): string {
    return queryEmbeddingCacheKey(this.options.redisKeyPrefix, modelId, text);
  }

  /** One entry per text: the cached vector, or null on a miss (or when the cache is unreachable). */
  async getMany(modelId: string, dimension: number, texts: string[]): Promise<(Float32Array | null)[]> {
    if (texts.length === 0) return [];
    const misses = () => {
      this.hooks.onMisses?.(texts.length);
      return texts.map(() => null);
    };
    if (!this.redis) return misses();
    let replies: (Buffer | null)[];
    try {
      const keys = texts.map((text) => this.keyFor(modelId, text));
      replies = await withTimeout(this.redis.mgetBuffer(...keys), this.options.timeoutMs, 'Redis');
    } catch (error) {
      this.onError('read', error);
      return misses();
    }
    return replies.map((reply) => {
      // A value of the wrong size (another dimension, a corrupted write) is ignored, not served.
      if (reply && reply.byteLength === dimension * 4) {
        this.hooks.onHits?.(1);
        return decodeFloat32(reply);
      }
      this.hooks.onMisses?.(1);
      return null;
    });
  }

  async get(modelId: string, text: string, dimension: number): Promise<Float32Array | null> {
    const [vector] = await this.getMany(modelId, dimension, [text]);
    return vector ?? null;
  }

  async setMany(modelId: string, entries: { text: string; vector: Float32Array }[]): Promise<void> {
    if (!this.redis || entries.length === 0) return;
    try {
      const pipeline = this.redis.pipeline();
      for (const { text, vector } of entries) {
        pipeline.set(this.keyFor(modelId, text), encodeFloat32(vector), 'EX', this.options.ttlSeconds);
      }
      const results = await withTimeout(pipeline.exec(), this.options.writeTimeoutMs ?? this.options.timeoutMs, 'Redis');
      const failed = results?.find(([error]) => error);
      if (failed) throw failed[0];
    } catch (error) {
      this.onError('write', error);
    }
  }

  async set(modelId: string, text: string, vector: Float32Array): Promise<void> {
    await this.setMany(modelId, [{ text, vector }]);
  }

  private onError(operation: 'read' | 'write', error: unknown): void {
    this.hooks.onError?.(operation, error);
    // At most one log line per 10 s while Redis is down, instead of one per request.
    const now = Date.now();
    if (now - this.lastErrorLoggedAt > 10_000) {
      this.lastErrorLoggedAt = now;
      this.logger.warn(`Query cache ${operation} failed, computing instead: ${(error as Error).message}`);
    }
  }
}
