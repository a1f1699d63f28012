import { Get, Injectable, Module } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { HealthIndicatorService, TerminusModule, type HealthIndicatorResult } from '@nestjs/terminus';
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

/** Terminus plus our dependency indicators: what every health controller injects. */
@Module({
  imports: [TerminusModule],
  providers: [DependencyHealthIndicators],
  exports: [TerminusModule, DependencyHealthIndicators],
})
export class HealthModule {}

/**
 * `GET /health` (liveness) for every service: the process answers. No dependency checks, so a
 * database outage never restarts it. Each app's `@Controller('health')` extends this and adds its
 * own `GET /health/ready`.
 */
export abstract class LivenessController {
  @Get()
  @ApiOkResponse({ description: 'The process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
