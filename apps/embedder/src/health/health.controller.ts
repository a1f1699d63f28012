import { Controller, Get, Inject } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import { DependencyHealthIndicators, LivenessController, PG_POOL, ReadinessCheck, REDIS } from '@jobmatch/nest-common';
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
    private readonly readiness: ReadinessCheck,
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
  @ApiServiceUnavailableResponse({ description: 'NOT_READY: the model or a dependency does not answer (details per dependency)' })
  ready() {
    return this.readiness.run([
      () => this.indicators.probe('model', () => this.embeddings.probe(PROBE_SENTENCE), PROBE_TIMEOUT_MS),
      () => this.indicators.postgres(this.pool),
      () => this.indicators.redis(this.redis),
    ]);
  }
}
