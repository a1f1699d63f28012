import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DependencyHealthIndicators, PG_POOL, REDIS } from '@jobmatch/nest-common';
import type Redis from 'ioredis';
import type { Pool } from 'pg';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: DependencyHealthIndicators,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Liveness: the process answers. No dependency checks, so a database outage never restarts it. */
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the dependencies this API needs to serve requests answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.indicators.postgres(this.pool),
      () => this.indicators.redis(this.redis),
    ]);
  }
}
