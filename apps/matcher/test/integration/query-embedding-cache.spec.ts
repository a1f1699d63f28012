import { createRedisClient } from '@jobmatch/nest-common';
import { spawn } from 'node:child_process';
import { deleteRedisKeys, freePort, TEST_REDIS_URL, uniqueRedisPrefix } from '@jobmatch/testing';
import type Redis from 'ioredis';
import { QueryEmbeddingCache, type QueryCacheRedis } from '../../src/embedder/query-embedding.cache';
import { MatcherMetrics } from '../../src/metrics/matcher-metrics';

/** A deterministic 384-d unit vector per text. */
function vectorFor(text: string): Float32Array {
  const vector = new Float32Array(384);
  for (let i = 0; i < 384; i++) vector[i] = Math.sin((i + 1) * (text.length + text.charCodeAt(i % text.length)));
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

const MODEL = 'test/model-a';

/** The cache's store as QueryCacheRedis hands it over: a client, and the entry cap (null: the instance's maxmemory bounds it). */
const store = (client: Redis, maxEntries: number | null = null) => ({ client, maxEntries }) as QueryCacheRedis;

async function counterValue(counter: { get(): Promise<{ values: { value: number }[] }> }): Promise<number> {
  return (await counter.get()).values[0]?.value ?? 0;
}

describe('QueryEmbeddingCache (real Redis)', () => {
  const prefix = uniqueRedisPrefix('embcache');
  let redis: Redis;
  let metrics: MatcherMetrics;
  let cache: QueryEmbeddingCache;

  beforeAll(async () => {
    redis = createRedisClient(TEST_REDIS_URL);
    await redis.ping().catch(async () => {
      // enableOfflineQueue is off: wait for the first connection.
      await new Promise((resolve) => redis.once('ready', resolve));
    });
    metrics = new MatcherMetrics();
    cache = new QueryEmbeddingCache(store(redis), { REDIS_KEY_PREFIX: prefix, CACHE_TTL_SECONDS: 3600 }, metrics);
  });

  afterAll(async () => {
    await deleteRedisKeys(prefix);
    await redis.quit();
  });

  it('misses, then serves the exact stored vector as a hit', async () => {
    const vector = vectorFor('rust developer');
    const hitsBefore = await counterValue(metrics.cacheHits);
    const missesBefore = await counterValue(metrics.cacheMisses);

    expect(await cache.getMany(MODEL, 384, ['rust developer'])).toEqual([null]);
    await cache.setMany(MODEL, [{ text: 'rust developer', vector }]);
    const [cached] = await cache.getMany(MODEL, 384, ['rust developer']);

    expect(cached).toBeInstanceOf(Float32Array);
    expect(Array.from(cached!)).toEqual(Array.from(vector));
    expect((await counterValue(metrics.cacheHits)) - hitsBefore).toBe(1);
    expect((await counterValue(metrics.cacheMisses)) - missesBefore).toBe(1);
  });

  it('stores raw float32 bytes (not JSON) under prefix + SHA-256, with the configured TTL', async () => {
    const vector = vectorFor('go engineer');
    await cache.setMany(MODEL, [{ text: 'go engineer', vector }]);
    const key = cache.keyFor(MODEL, 'go engineer');

    expect(key).toMatch(new RegExp(`^${prefix}:embcache:[0-9a-f]{64}$`));
    const raw = await redis.getBuffer(key);
    expect(raw).not.toBeNull();
    expect(raw!.byteLength).toBe(384 * 4);
    expect(raw!.readFloatLE(0)).toBe(vector[0]);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it('keys on the normalized text and on the model id', () => {
    expect(cache.keyFor(MODEL, '  Senior   Java\n developer ')).toBe(cache.keyFor(MODEL, 'Senior Java developer'));
    expect(cache.keyFor(MODEL, 'Senior Java developer')).not.toBe(cache.keyFor(MODEL, 'senior java developer'));
    expect(cache.keyFor(MODEL, 'Senior Java developer')).not.toBe(cache.keyFor('test/model-b', 'Senior Java developer'));
  });

  it('answers a batch in order, mixing hits and misses', async () => {
    const a = vectorFor('alpha');
    const c = vectorFor('gamma');
    await cache.setMany(MODEL, [
      { text: 'alpha', vector: a },
      { text: 'gamma', vector: c },
    ]);
    const result = await cache.getMany(MODEL, 384, ['alpha', 'beta', 'gamma']);
    expect(result[1]).toBeNull();
    expect(Array.from(result[0]!)).toEqual(Array.from(a));
    expect(Array.from(result[2]!)).toEqual(Array.from(c));
  });

  it('ignores a cached value of the wrong size instead of serving it', async () => {
    await redis.set(cache.keyFor(MODEL, 'corrupt'), Buffer.alloc(10));
    expect(await cache.getMany(MODEL, 384, ['corrupt'])).toEqual([null]);
  });

  it('degrades to misses and ignores writes when Redis is unreachable', async () => {
    const down = createRedisClient('redis://127.0.0.1:1');
    const broken = new QueryEmbeddingCache(store(down), { REDIS_KEY_PREFIX: prefix, CACHE_TTL_SECONDS: 60 }, metrics);
    const errorsBefore = (await metrics.cacheErrors.get()).values.reduce((sum, v) => sum + v.value, 0);
    try {
      await expect(broken.getMany(MODEL, 384, ['anything'])).resolves.toEqual([null]);
      await expect(broken.setMany(MODEL, [{ text: 'anything', vector: vectorFor('x') }])).resolves.toBeUndefined();
    } finally {
      down.disconnect();
    }
    const errorsAfter = (await metrics.cacheErrors.get()).values.reduce((sum, v) => sum + v.value, 0);
    expect(errorsAfter - errorsBefore).toBe(2);
  });

  it('keeps at most CACHE_MAX_ENTRIES entries when it shares the queue\'s Redis, dropping the oldest', async () => {
    const boundedPrefix = uniqueRedisPrefix('embcache-bounded');
    const bounded = new QueryEmbeddingCache(store(redis, 5), { REDIS_KEY_PREFIX: boundedPrefix, CACHE_TTL_SECONDS: 3600 }, metrics);
    // A queue-like key beside the cache: the cap must never touch it.
    await redis.set(`${boundedPrefix}:bull:embeddings:1`, 'job');
    try {
      for (let i = 0; i < 12; i++) await bounded.setMany(MODEL, [{ text: `query ${i}`, vector: vectorFor(`query ${i}`) }]);
      await bounded.setMany(MODEL, [12, 13, 14].map((i) => ({ text: `query ${i}`, vector: vectorFor(`query ${i}`) })));
      const cached = await redis.keys(`${boundedPrefix}:embcache:*`);
      expect(cached).toHaveLength(5);
      const newest = await bounded.getMany(MODEL, 384, ['query 10', 'query 11', 'query 12', 'query 13', 'query 14']);
      expect(newest.every((vector) => vector instanceof Float32Array)).toBe(true);
      expect(await bounded.getMany(MODEL, 384, ['query 0', 'query 9'])).toEqual([null, null]);
      expect(await redis.zcard(`${boundedPrefix}:embcache-index`)).toBe(5);
      expect(await redis.get(`${boundedPrefix}:bull:embeddings:1`)).toBe('job');
    } finally {
      await deleteRedisKeys(boundedPrefix);
    }
  });

  it('stays within its own instance\'s maxmemory (allkeys-lru) and writes nothing to the queue\'s Redis', async () => {
    const port = await freePort();
    const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory', '2mb', '--maxmemory-policy', 'allkeys-lru'], { stdio: 'ignore' });
    const own = createRedisClient(`redis://127.0.0.1:${port}`);
    const ownPrefix = uniqueRedisPrefix('embcache-own');
    try {
      await waitForRedis(own);
      const capped = new QueryEmbeddingCache(store(own), { REDIS_KEY_PREFIX: ownPrefix, CACHE_TTL_SECONDS: 3600 }, metrics);
      // 4 000 entries ≈ 6 MB of vectors: three times the cap.
      for (let batch = 0; batch < 40; batch++) {
        await capped.setMany(MODEL, Array.from({ length: 100 }, (_, i) => ({ text: `q ${batch}-${i}`, vector: vectorFor(`q ${batch}-${i}`) })));
      }
      const info = await own.info('memory');
      const used = Number(/used_memory:(\d+)/.exec(info)![1]);
      expect(used).toBeLessThanOrEqual(2 * 1024 * 1024 * 1.1);
      const kept = await own.dbsize();
      expect(kept).toBeGreaterThan(100);
      expect(kept).toBeLessThan(4000);
      expect(await capped.getMany(MODEL, 384, ['q 39-99'])).toEqual([expect.any(Float32Array)]);
      expect(await redis.keys(`${ownPrefix}*`)).toEqual([]);
    } finally {
      own.disconnect();
      server.kill();
    }
  }, 30_000);
});

async function waitForRedis(client: Redis): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await client.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
