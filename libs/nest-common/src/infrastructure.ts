import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import {
  ApiKeyRepository,
  createPgPool,
  DEFAULT_READ_POOLS_OPTIONS,
  EmbeddableTextRepository,
  IdempotencyKeyRepository,
  JobRepository,
  ModelRegistry,
  PendingEmbeddingsRepository,
  ReadPools,
  ResumeRepository,
  SearchedModel,
  VectorStore,
} from '@jobmatch/db';
import type Redis from 'ioredis';
import { Gauge } from 'prom-client';
import { registerOnce } from './metric-registry';
import type { Pool } from 'pg';

export const PG_POOL = Symbol('PG_POOL');
export const REDIS = Symbol('REDIS');

export interface InfrastructureOptions {
  databaseUrl: string;
  databasePoolSize: number;
  /** Streaming replicas for searches and recommendations (DATABASE_READ_URL); none: the primary serves them. */
  databaseReadUrls?: string[];
  databaseReadMaxLagMs?: number;
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

/** The process's read routing, as the gauges below read it (the latest app's, when tests build several). */
let observedReads: ReadPools | null = null;

/** GET /metrics: where reads were served, and each replica's lag and rotation (DATABASE_READ_URL). */
function exposeReadMetrics(reads: ReadPools): void {
  observedReads = reads;
  registerOnce(
    'database_reads_total',
    () =>
      new Gauge({
        name: 'database_reads_total',
        help: 'Searches and recommendations by where they were served: replica, primary, and reruns on the primary after a replica failed or was not current',
        labelNames: ['served'] as const,
        collect() {
          const counts = observedReads?.counts;
          if (!counts) return;
          this.set({ served: 'replica' }, counts.replica);
          this.set({ served: 'primary' }, counts.primary);
          this.set({ served: 'primary_after_stale_replica' }, counts.staleRetries);
          this.set({ served: 'primary_after_replica_failure' }, counts.replicaFailures);
        },
      }),
  );
  registerOnce(
    'database_replica_lag_seconds',
    () =>
      new Gauge({
        name: 'database_replica_lag_seconds',
        help: 'Estimated replay lag of each DATABASE_READ_URL replica (+Inf: unknown or unreachable)',
        labelNames: ['replica'] as const,
        collect() {
          observedReads?.replicaStatus().forEach((status, index) => this.set({ replica: String(index) }, status.lagMs / 1000));
        },
      }),
  );
}

@Injectable()
class InfrastructureShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly reads: ReadPools,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.reads.end(), this.pool.end(), this.redis?.quit()]);
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
        {
          provide: ReadPools,
          useFactory: (pool: Pool) => {
            const reads = ReadPools.fromUrls(pool, options.databaseReadUrls ?? [], options.databasePoolSize, {
              ...DEFAULT_READ_POOLS_OPTIONS,
              maxLagMs: options.databaseReadMaxLagMs ?? DEFAULT_READ_POOLS_OPTIONS.maxLagMs,
            });
            reads.start();
            exposeReadMetrics(reads);
            return reads;
          },
          inject: [PG_POOL],
        },
        { provide: VectorStore, useFactory: (pool: Pool, reads: ReadPools) => new VectorStore(pool, reads), inject: [PG_POOL, ReadPools] },
        { provide: ModelRegistry, useFactory: (pool: Pool, vectors: VectorStore) => new ModelRegistry(pool, vectors), inject: [PG_POOL, VectorStore] },
        {
          provide: SearchedModel,
          useFactory: (registry: ModelRegistry) => new SearchedModel(registry, options.modelId, options.activeModelRefreshMs ?? 5_000),
          inject: [ModelRegistry],
        },
        { provide: JobRepository, useFactory: (pool: Pool) => new JobRepository(pool), inject: [PG_POOL] },
        { provide: ResumeRepository, useFactory: (pool: Pool) => new ResumeRepository(pool), inject: [PG_POOL] },
        { provide: ApiKeyRepository, useFactory: (pool: Pool) => new ApiKeyRepository(pool), inject: [PG_POOL] },
        { provide: PendingEmbeddingsRepository, useFactory: (pool: Pool) => new PendingEmbeddingsRepository(pool), inject: [PG_POOL] },
        { provide: IdempotencyKeyRepository, useFactory: (pool: Pool) => new IdempotencyKeyRepository(pool), inject: [PG_POOL] },
        {
          provide: EmbeddableTextRepository,
          useFactory: (pool: Pool, vectors: VectorStore) => new EmbeddableTextRepository(pool, vectors),
          inject: [PG_POOL, VectorStore],
        },
        InfrastructureShutdown,
      ],
      exports: [PG_POOL, REDIS, ReadPools, VectorStore, ModelRegistry, SearchedModel, JobRepository, ResumeRepository, ApiKeyRepository, PendingEmbeddingsRepository, EmbeddableTextRepository, IdempotencyKeyRepository],
    };
  }
}
