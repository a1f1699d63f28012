import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { createPgPool, EmbeddableTextRepository, JobRepository, ModelRegistry, PendingEmbeddingsRepository, ResumeRepository, SearchedModel, VectorStore } from '@jobmatch/db';
import type Redis from 'ioredis';
import type { Pool } from 'pg';

export const PG_POOL = Symbol('PG_POOL');
export const REDIS = Symbol('REDIS');

export interface InfrastructureOptions {
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl?: string;
  /** MODEL_ID: the searched model until the registry names an active one. */
  modelId: string;
  /** ACTIVE_MODEL_REFRESH_MS (default 5 s). */
  activeModelRefreshMs?: number;
}

/** Commands fail fast while Redis is down (callers degrade or answer 503) instead of queueing up. */
export function createRedisClient(url: string): Redis {
  // Loaded on first use, not with this module: the skill-gap service has no Redis and a 128 MB
  // budget, and ioredis costs ≈ 2 MB of heap.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
  const { Redis: RedisClient } = require('ioredis') as typeof import('ioredis');
  const redis = new RedisClient(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined); // reconnects on its own; health checks report the outage
  return redis;
}

@Injectable()
class InfrastructureShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.pool.end(), this.redis?.quit()]);
  }
}

/**
 * Connections every service shares: one `pg` pool (repositories and vector SQL) and,
 * where configured, one Redis connection. Connections are lazy so an app starts (and reports
 * not-ready) while a dependency is down, instead of crashing in a restart loop.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(options: InfrastructureOptions): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: PG_POOL, useFactory: () => createPgPool({ url: options.databaseUrl, poolSize: options.databasePoolSize }) },
        {
          provide: REDIS,
          useFactory: () => (options.redisUrl ? createRedisClient(options.redisUrl) : null),
        },
        { provide: VectorStore, useFactory: (pool: Pool) => new VectorStore(pool), inject: [PG_POOL] },
        { provide: ModelRegistry, useFactory: (pool: Pool, vectors: VectorStore) => new ModelRegistry(pool, vectors), inject: [PG_POOL, VectorStore] },
        {
          provide: SearchedModel,
          useFactory: (registry: ModelRegistry) => new SearchedModel(registry, options.modelId, options.activeModelRefreshMs ?? 5_000),
          inject: [ModelRegistry],
        },
        { provide: JobRepository, useFactory: (pool: Pool) => new JobRepository(pool), inject: [PG_POOL] },
        { provide: ResumeRepository, useFactory: (pool: Pool) => new ResumeRepository(pool), inject: [PG_POOL] },
        { provide: PendingEmbeddingsRepository, useFactory: (pool: Pool) => new PendingEmbeddingsRepository(pool), inject: [PG_POOL] },
        {
          provide: EmbeddableTextRepository,
          useFactory: (pool: Pool, vectors: VectorStore) => new EmbeddableTextRepository(pool, vectors),
          inject: [PG_POOL, VectorStore],
        },
        InfrastructureShutdown,
      ],
      exports: [PG_POOL, REDIS, VectorStore, ModelRegistry, SearchedModel, JobRepository, ResumeRepository, PendingEmbeddingsRepository, EmbeddableTextRepository],
    };
  }
}
