import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { ApiException, DependencyHealthIndicators, LivenessController, PG_POOL, REDIS } from '@jobmatch/nest-common';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { EmbedderRpcClient } from '../embedder/embedder-rpc.client';

@ApiTags('health')
@Controller('health')
export class HealthController extends LivenessController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: DependencyHealthIndicators,
    private readonly embedder: EmbedderRpcClient,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    super();
  }

  /** Readiness: Postgres, Redis and the embedder (model.info over RPC) answer. */
  @Get('ready')
  @HealthCheck()
  async ready() {
    try {
      return await this.check();
    } catch (error) {
      // Terminus reports failures as a 503 whose body lists each dependency; keep that list in our error shape.
      const report = (error as { getResponse?: () => unknown }).getResponse?.() as { error?: Record<string, unknown>; details?: unknown } | undefined;
      if (!report?.details) throw error;
      const down = Object.keys(report.error ?? {});
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, 'NOT_READY', `Not ready: ${down.join(', ')} unavailable`, report.details, { 'Retry-After': '5' });
    }
  }

  private check() {
    return this.health.check([
      () => this.indicators.postgres(this.pool),
      () => this.indicators.redis(this.redis),
      () =>
        this.indicators.probe('embedder', async () => {
          const info = await this.embedder.modelInfo();
          return { modelId: info.modelId, dimension: info.dimension, circuit: this.embedder.state };
        }),
    ]);
  }
}
