import { Inject, Injectable } from '@nestjs/common';
import { REDIS, RedisQueryEmbeddingCache } from '@jobmatch/nest-common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config';
import { EmbedderMetrics } from '../metrics/embedder-metrics';

/**
 * The embedder's side of the shared query cache (it fills it on every computed query): reads
 * give up after 300 ms, and hits, misses and failures feed the embedder's metrics.
 */
@Injectable()
export class QueryEmbeddingCache extends RedisQueryEmbeddingCache {
  constructor(
    @Inject(REDIS) redis: Redis | null,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'REDIS_KEY_PREFIX' | 'CACHE_TTL_SECONDS'>,
    metrics: EmbedderMetrics,
  ) {
    super({
      redis,
      redisKeyPrefix: config.REDIS_KEY_PREFIX,
      ttlSeconds: config.CACHE_TTL_SECONDS,
      timeoutMs: 300,
      writeTimeoutMs: 600,
      hooks: {
        onHits: (count) => metrics.cacheHits.inc(count),
        onMisses: (count) => metrics.cacheMisses.inc(count),
        onError: (operation) => metrics.cacheErrors.inc({ operation }),
      },
    });
  }
}
