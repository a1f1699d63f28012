import { Controller, Get, Inject } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import { DependencyHealthIndicators, LivenessController, PublicRoute, PG_POOL, ReadinessCheck, REDIS } from '@jobmatch/nest-common';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { EmbedderRpcClient } from '../embedder/embedder-rpc.client';

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController extends LivenessController {
  constructor(
    private readonly readiness: ReadinessCheck,
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
  @ApiServiceUnavailableResponse({ description: 'NOT_READY: a dependency does not answer (details per dependency)' })
  ready() {
    return this.readiness.run([
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
