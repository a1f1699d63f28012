import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DependencyHealthIndicators, LivenessController, PG_POOL, REDIS } from '@jobmatch/nest-common';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { EmbeddingService } from '../embedding/embedding.service';

/** A short sentence with a little of everything the tokenizer meets in postings. */
export const PROBE_SENTENCE = 'Senior Node.js engineer (TypeScript, C++) – remote, Berlin.';
const PROBE_TIMEOUT_MS = 5_000;

@ApiTags('health')
@Controller('health')
export class HealthController extends LivenessController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: DependencyHealthIndicators,
    private readonly embeddings: EmbeddingService,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    super();
  }

  /** Readiness: the model really embeds (a probe sentence), and Postgres and Redis answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.indicators.probe('model', () => this.embeddings.probe(PROBE_SENTENCE), PROBE_TIMEOUT_MS),
      () => this.indicators.postgres(this.pool),
      () => this.indicators.redis(this.redis),
    ]);
  }
}
