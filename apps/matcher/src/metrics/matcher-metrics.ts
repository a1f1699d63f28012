import { Injectable } from '@nestjs/common';
import { registerOnce as once } from '@jobmatch/nest-common';
import { Counter, Gauge } from 'prom-client';
import { EmbedderRpcClient, type BreakerState } from '../embedder/embedder-rpc.client';

const BREAKER_STATES: BreakerState[] = ['closed', 'open', 'half-open'];

/** Metrics are registered once per process; they read the app created last (tests create several). */
let currentEmbedder: EmbedderRpcClient | null = null;

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

  /** One series per state, 1 for the current one (the Prometheus way to expose an enum). */
  readonly breakerState: Gauge;

  constructor(embedder: EmbedderRpcClient) {
    currentEmbedder = embedder;
    this.breakerState = once(
      'matcher_embedder_circuit_breaker_state',
      () =>
        new Gauge({
          name: 'matcher_embedder_circuit_breaker_state',
          help: 'State of the circuit breaker around the embedder RPC: 1 for the current state (closed, open, half-open)',
          labelNames: ['state'] as const,
          collect() {
            const current = currentEmbedder?.state;
            for (const state of BREAKER_STATES) this.set({ state }, state === current ? 1 : 0);
          },
        }),
    );
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
