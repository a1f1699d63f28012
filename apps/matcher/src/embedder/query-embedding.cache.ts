import { Inject, Injectable } from '@nestjs/common';
import { REDIS, RedisQueryEmbeddingCache } from '@jobmatch/nest-common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config';

/**
 * The query-embedding cache the embedder fills (one implementation, in @jobmatch/nest-common).
 * A hit saves the RPC and keeps cached searches working while the embedder is down; a lookup
 * gives up after 150 ms so the cache never slows a search.
 */
@Injectable()
export class QueryEmbeddingCache extends RedisQueryEmbeddingCache {
  constructor(
    @Inject(REDIS) redis: Redis | null,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'REDIS_KEY_PREFIX' | 'CACHE_TTL_SECONDS'>,
  ) {
    super({ redis, redisKeyPrefix: config.REDIS_KEY_PREFIX, ttlSeconds: config.CACHE_TTL_SECONDS, timeoutMs: 150 });
  }
}
