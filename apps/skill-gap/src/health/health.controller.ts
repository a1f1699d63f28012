import { Controller, Get, Inject } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import { DependencyHealthIndicators, LivenessController, PublicRoute, PG_POOL, ReadinessCheck } from '@jobmatch/nest-common';
import type { Pool } from 'pg';

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController extends LivenessController {
  constructor(
    private readonly readiness: ReadinessCheck,
    private readonly indicators: DependencyHealthIndicators,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super();
  }

  /** Readiness: Postgres (rows and stored vectors) is the only dependency of this API. */
  @Get('ready')
  @HealthCheck()
  @ApiServiceUnavailableResponse({ description: 'NOT_READY: Postgres does not answer (details per dependency)' })
  ready() {
    return this.readiness.run([() => this.indicators.postgres(this.pool)]);
  }
}
