import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import {
  createPgPool,
  createPrismaClient,
  JobRepository,
  ResumeRepository,
  VectorStore,
  type PrismaClient,
} from '@jobmatch/db';
import Redis from 'ioredis';
import type { Pool } from 'pg';

export const PG_POOL = Symbol('PG_POOL');
export const PRISMA = Symbol('PRISMA');
export const REDIS = Symbol('REDIS');

export interface InfrastructureOptions {
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl?: string;
}

/** Commands fail fast while Redis is down (callers degrade or answer 503) instead of queueing up. */
export function createRedisClient(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined); // reconnects on its own; health checks report the outage
  return redis;
}

@Injectable()
class InfrastructureShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.pool.end(), this.prisma.$disconnect(), this.redis?.quit()]);
  }
}

/**
 * Connections every service shares: one `pg` pool (vector SQL), one Prisma client (CRUD) and,
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
        { provide: PRISMA, useFactory: () => createPrismaClient({ url: options.databaseUrl, poolSize: options.databasePoolSize }) },
        {
          provide: REDIS,
          useFactory: () => (options.redisUrl ? createRedisClient(options.redisUrl) : null),
        },
        { provide: VectorStore, useFactory: (pool: Pool) => new VectorStore(pool), inject: [PG_POOL] },
        { provide: JobRepository, useFactory: (prisma: PrismaClient) => new JobRepository(prisma), inject: [PRISMA] },
        { provide: ResumeRepository, useFactory: (prisma: PrismaClient) => new ResumeRepository(prisma), inject: [PRISMA] },
        InfrastructureShutdown,
      ],
      exports: [PG_POOL, PRISMA, REDIS, VectorStore, JobRepository, ResumeRepository],
    };
  }
}
