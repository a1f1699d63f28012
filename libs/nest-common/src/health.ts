import { Get, HttpStatus, Injectable, Module } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  type HealthCheckResult,
  type HealthIndicatorFunction,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { ApiException } from './errors';
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

/**
 * Readiness of a service: every check up answers 200 with Terminus's report; otherwise 503 in the
 * project's error shape (code NOT_READY, the per-dependency report as details) with Retry-After,
 * the same in every service.
 */
@Injectable()
export class ReadinessCheck {
  constructor(private readonly health: HealthCheckService) {}

  async run(checks: HealthIndicatorFunction[]): Promise<HealthCheckResult> {
    try {
      return await this.health.check(checks);
    } catch (error) {
      // Terminus reports failures as a 503 whose body lists each dependency; keep that list in our error shape.
      const report = (error as { getResponse?: () => unknown }).getResponse?.() as { error?: Record<string, unknown>; details?: unknown } | undefined;
      if (!report?.details) throw error;
      const down = Object.keys(report.error ?? {});
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, 'NOT_READY', `Not ready: ${down.join(', ')} unavailable`, report.details, { 'Retry-After': '5' });
    }
  }
}

/** Terminus plus our dependency indicators: what every health controller injects. */
@Module({
  imports: [TerminusModule],
  providers: [DependencyHealthIndicators, ReadinessCheck],
  exports: [TerminusModule, DependencyHealthIndicators, ReadinessCheck],
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
