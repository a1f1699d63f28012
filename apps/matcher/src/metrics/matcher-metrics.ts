import { Injectable } from '@nestjs/common';
import { registerOnce as once } from '@jobmatch/nest-common';
import { Counter, Gauge } from 'prom-client';

/**
 * The matcher's own Prometheus metrics (HTTP, process and dependency metrics come from
 * MetricsModule in @jobmatch/nest-common).
 */
@Injectable()
export class MatcherMetrics {
  readonly cacheHits = once(
    'matcher_query_cache_hits_total',
    () => new Counter({ name: 'matcher_query_cache_hits_total', help: 'Search queries whose embedding was served from the Redis cache' }),
  );

  readonly cacheMisses = once(
    'matcher_query_cache_misses_total',
    () => new Counter({ name: 'matcher_query_cache_misses_total', help: 'Search queries whose embedding was not in the Redis cache' }),
  );

  readonly cacheErrors = once(
    'matcher_query_cache_errors_total',
    () =>
      new Counter({
        name: 'matcher_query_cache_errors_total',
        help: 'Cache reads/writes that failed (the query was embedded instead)',
        labelNames: ['operation'] as const,
      }),
  );

  readonly cacheHitRatio: Gauge;

  constructor() {
    const hits = this.cacheHits;
    const misses = this.cacheMisses;
    this.cacheHitRatio = once(
      'matcher_query_cache_hit_ratio',
      () =>
        new Gauge({
          name: 'matcher_query_cache_hit_ratio',
          help: 'Query cache hits / (hits + misses) since start',
          async collect() {
            const hitCount = (await hits.get()).values[0]?.value ?? 0;
            const missCount = (await misses.get()).values[0]?.value ?? 0;
            const total = hitCount + missCount;
            this.set(total === 0 ? 0 : hitCount / total);
          },
        }),
    );
  }
}
