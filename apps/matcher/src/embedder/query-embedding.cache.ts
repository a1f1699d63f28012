import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { decodeFloat32, encodeFloat32, queryEmbeddingCacheKey } from '@jobmatch/contracts';
import { createRedisClient, REDIS, withTimeout } from '@jobmatch/nest-common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config';
import { MatcherMetrics } from '../metrics/matcher-metrics';

/**
 * Where the cache lives: its own Redis (CACHE_REDIS_URL, an instance with maxmemory and
 * allkeys-lru, so it can never fill the queue's memory), or the queue's (REDIS_URL), where
 * CACHE_MAX_ENTRIES bounds it instead.
 */
@Injectable()
export class QueryCacheRedis implements OnApplicationShutdown {
  readonly client: Redis | null;
  /** Entries kept at most when the cache shares the queue's Redis; null with its own instance. */
  readonly maxEntries: number | null;
  private readonly own: boolean;

  constructor(
    @Inject(REDIS) shared: Redis | null,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'CACHE_REDIS_URL' | 'CACHE_MAX_ENTRIES'>,
  ) {
    this.own = Boolean(config.CACHE_REDIS_URL);
    this.client = config.CACHE_REDIS_URL ? createRedisClient(config.CACHE_REDIS_URL) : shared;
    this.maxEntries = this.own ? null : config.CACHE_MAX_ENTRIES;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.own) await this.client?.quit().catch(() => undefined);
  }
}

/**
 * Writes entries and keeps at most ARGV[1] of them: an index (sorted set, by write time) of the
 * cache's keys, expired ones dropped, the oldest deleted past the cap. One script, so replicas
 * writing at once cannot overshoot. KEYS[1] = index; ARGV = max, ttl seconds, now ms, then key,
 * value pairs.
 */
const BOUNDED_SET_SCRIPT = `
local ttl = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
-- Scores strictly increase (a microsecond past the newest when writes share a millisecond), so the
-- oldest is popped first: tied scores would be popped by member order, i.e. at random.
local newest = redis.call('ZREVRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local score = now
if newest[2] and tonumber(newest[2]) >= score then score = tonumber(newest[2]) + 0.001 end
for i = 4, #ARGV, 2 do
  redis.call('SET', ARGV[i], ARGV[i + 1], 'EX', ttl)
  redis.call('ZADD', KEYS[1], score, ARGV[i])
  score = score + 0.001
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl * 1000)
local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[1])
if excess > 0 then
  local oldest = redis.call('ZPOPMIN', KEYS[1], excess)
  for j = 1, #oldest, 2 do redis.call('DEL', oldest[j]) end
end
redis.call('PEXPIRE', KEYS[1], ttl * 1000)
return excess`;

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

  private readonly redis: Redis | null;
  private readonly maxEntries: number | null;

  constructor(
    store: QueryCacheRedis,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'REDIS_KEY_PREFIX' | 'CACHE_TTL_SECONDS'>,
    private readonly metrics: MatcherMetrics,
  ) {
    this.redis = store.client;
    this.maxEntries = store.maxEntries;
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
      if (this.maxEntries !== null) {
        const args = entries.flatMap(({ text, vector }) => [this.keyFor(modelId, text), encodeFloat32(vector)]);
        const write = this.redis.eval(BOUNDED_SET_SCRIPT, 1, `${this.options.redisKeyPrefix}:embcache-index`, this.maxEntries, this.options.ttlSeconds, Date.now(), ...args);
        await withTimeout(write, this.options.timeoutMs, 'Redis');
        return;
      }
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
