import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { withTimeout } from './timeout';

/** Readiness checks for the shared dependencies; each answers within a bounded time. */
@Injectable()
export class DependencyHealthIndicators {
  constructor(private readonly health: HealthIndicatorService) {}

  async postgres(pool: Pool, key = 'postgres', timeoutMs = 2_000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await withTimeout(pool.query('SELECT 1'), timeoutMs, 'Postgres');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  async redis(redis: Redis, key = 'redis', timeoutMs = 2_000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await withTimeout(redis.ping(), timeoutMs, 'Redis');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  async probe(key: string, check: () => Promise<unknown>, timeoutMs = 3_000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      const info = await withTimeout(check(), timeoutMs, key);
      return indicator.up(typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : {});
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
