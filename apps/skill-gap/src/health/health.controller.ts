import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DependencyHealthIndicators, PG_POOL } from '@jobmatch/nest-common';
import type { Pool } from 'pg';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: DependencyHealthIndicators,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** Liveness: the process answers. No dependency checks, so a database outage never restarts it. */
  @Get()
  @ApiOkResponse({ description: 'The process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: Postgres (rows and stored vectors) is the only dependency of this API. */
  @Get('ready')
  @HealthCheck()
  @ApiServiceUnavailableResponse({ description: 'Postgres does not answer' })
  ready() {
    return this.health.check([() => this.indicators.postgres(this.pool)]);
  }
}
