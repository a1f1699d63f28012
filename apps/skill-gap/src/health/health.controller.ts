import { Controller, Get, Inject } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DependencyHealthIndicators, LivenessController, PG_POOL } from '@jobmatch/nest-common';
import type { Pool } from 'pg';

@ApiTags('health')
@Controller('health')
export class HealthController extends LivenessController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: DependencyHealthIndicators,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super();
  }

  /** Readiness: Postgres (rows and stored vectors) is the only dependency of this API. */
  @Get('ready')
  @HealthCheck()
  @ApiServiceUnavailableResponse({ description: 'Postgres does not answer' })
  ready() {
    return this.health.check([() => this.indicators.postgres(this.pool)]);
  }
}
