import { Inject, Injectable, Logger } from '@nestjs/common';
import { decodeFloat32, encodeFloat32, queryEmbeddingCacheKey } from '@jobmatch/contracts';
import { REDIS } from '@jobmatch/nest-common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config';

/** A lookup slower than this counts as a miss: the cache must never make a request slower. */
const CACHE_TIMEOUT_MS = 150;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The query-embedding cache the embedder fills (same key and value format, from
 * @jobmatch/contracts). A hit saves the RPC and keeps cached searches working while the embedder
 * is down. Failures degrade to a miss (reads) or are ignored (writes).
 */
@Injectable()
export class QueryEmbeddingCache {
  private readonly logger = new Logger(QueryEmbeddingCache.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'REDIS_KEY_PREFIX' | 'CACHE_TTL_SECONDS'>,
  ) {}

  async get(modelId: string, text: string, dimension: number): Promise<Float32Array | null> {
    if (!this.redis) return null;
    try {
      const value = await withTimeout(this.redis.getBuffer(queryEmbeddingCacheKey(this.config.REDIS_KEY_PREFIX, modelId, text)), CACHE_TIMEOUT_MS);
      // A value of another size (another dimension, a corrupted write) is ignored, not served.
      return value && value.byteLength === dimension * 4 ? decodeFloat32(value) : null;
    } catch (error) {
      this.logger.debug(`Query cache read failed: ${(error as Error).message}`);
      return null;
    }
  }

  async set(modelId: string, text: string, vector: Float32Array): Promise<void> {
    if (!this.redis) return;
    try {
      const key = queryEmbeddingCacheKey(this.config.REDIS_KEY_PREFIX, modelId, text);
      await withTimeout(this.redis.set(key, encodeFloat32(vector), 'EX', this.config.CACHE_TTL_SECONDS), CACHE_TIMEOUT_MS);
    } catch (error) {
      this.logger.debug(`Query cache write failed: ${(error as Error).message}`);
    }
  }
}
