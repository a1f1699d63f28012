import { Inject, Injectable, Logger } from '@nestjs/common';
import { decodeFloat32, encodeFloat32, queryEmbeddingCacheKey } from '@jobmatch/contracts';
import { REDIS, withTimeout } from '@jobmatch/nest-common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config';
import { MatcherMetrics } from '../metrics/matcher-metrics';

/**
 * The Redis cache of query embeddings, owned by the matcher: it reads before calling the embedder
 * and writes what the embedder computed (the embedder itself keeps no cache, so a miss costs one
 * read and one write). A hit saves the RPC and keeps cached searches working while the embedder is
 * down. Key and value formats come from @jobmatch/contracts (prefix + SHA-256 of model id and
 * normalized text; raw little-endian float32 bytes). Every failure degrades to a miss (reads) or
 * is ignored (writes); a lookup gives up after 150 ms so the cache never slows a search.
 */
@Injectable()
export class QueryEmbeddingCache {
  private readonly logger = new Logger('QueryEmbeddingCache');
  private readonly options: { redisKeyPrefix: string; ttlSeconds: number; timeoutMs: number };
  private lastErrorLoggedAt = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'REDIS_KEY_PREFIX' | 'CACHE_TTL_SECONDS'>,
    private readonly metrics: MatcherMetrics,
  ) {
    this.options = { redisKeyPrefix: config.REDIS_KEY_PREFIX, ttlSeconds: config.CACHE_TTL_SECONDS, timeoutMs: 150 };
  }

  keyFor(modelId: string, text: string): string {
    return queryEmbeddingCacheKey(this.options.redisKeyPrefix, modelId, text);
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
      replies = await withTimeout(this.redis.mgetBuffer(...keys), this.options.timeoutMs, 'Redis');
    } catch (error) {
      this.onError('read', error);
      return misses();
    }
    return replies.map((reply) => {
      // A value of the wrong size (another dimension, a corrupted write) is ignored, not served.
      if (reply && reply.byteLength === dimension * 4) {
        this.metrics.cacheHits.inc();
        return decodeFloat32(reply);
      }
      this.metrics.cacheMisses.inc();
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
      const results = await withTimeout(pipeline.exec(), this.options.timeoutMs, 'Redis');
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
    this.metrics.cacheErrors.inc({ operation });
    // At most one log line per 10 s while Redis is down, instead of one per request.
    const now = Date.now();
    if (now - this.lastErrorLoggedAt > 10_000) {
      this.lastErrorLoggedAt = now;
      this.logger.warn(`Query cache ${operation} failed, computing instead: ${(error as Error).message}`);
    }
  }
}
