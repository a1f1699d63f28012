import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, register, type Metric } from 'prom-client';

/**
 * Registers a metric once per process: tests build several Nest apps in one process, and
 * prom-client refuses a second metric with the same name in the global registry.
 */
function once<T extends Metric>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

const BATCH_SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256];
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const QUEUE_WAIT_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800];

/**
 * The embedder's own Prometheus metrics (process RSS, heap, event-loop lag come from the default
 * metrics of MetricsModule: `process_resident_memory_bytes` etc.).
 */
@Injectable()
export class EmbedderMetrics {
  readonly rpcRequests = once(
    'embedder_rpc_requests_total',
    () =>
      new Counter({
        name: 'embedder_rpc_requests_total',
        help: 'RPC requests by pattern and outcome (ok, invalid_input, overloaded, unavailable)',
        labelNames: ['pattern', 'outcome'] as const,
      }),
  );

  readonly rpcDuration = once(
    'embedder_rpc_duration_seconds',
    () =>
      new Histogram({
        name: 'embedder_rpc_duration_seconds',
        help: 'Time to answer an RPC request, cache lookups included',
        labelNames: ['pattern'] as const,
        buckets: LATENCY_BUCKETS,
      }),
  );

  readonly textsEmbedded = once(
    'embedder_texts_embedded_total',
    () =>
      new Counter({
        name: 'embedder_texts_embedded_total',
        help: 'Texts run through the model (cache hits excluded), by source',
        labelNames: ['source'] as const,
      }),
  );

  readonly cacheHits = once(
    'embedder_cache_hits_total',
    () => new Counter({ name: 'embedder_cache_hits_total', help: 'Query embeddings served from the Redis cache' }),
  );

  readonly cacheMisses = once(
    'embedder_cache_misses_total',
    () => new Counter({ name: 'embedder_cache_misses_total', help: 'Query embeddings not found in the Redis cache' }),
  );

  readonly cacheErrors = once(
    'embedder_cache_errors_total',
    () =>
      new Counter({
        name: 'embedder_cache_errors_total',
        help: 'Cache reads/writes that failed (the request was served by computing instead)',
        labelNames: ['operation'] as const,
      }),
  );

  readonly cacheHitRatio: Gauge;

  readonly batchSize = once(
    'embedder_batch_size',
    () =>
      new Histogram({
        name: 'embedder_batch_size',
        help: 'Texts per model run (after dynamic micro-batching)',
        buckets: BATCH_SIZE_BUCKETS,
      }),
  );

  readonly batchTokens = once(
    'embedder_batch_tokens',
    () =>
      new Histogram({
        name: 'embedder_batch_tokens',
        help: 'Tokens per model run: real tokens, and after padding rows to the longest',
        labelNames: ['kind'] as const,
        buckets: [16, 64, 256, 1024, 2048, 4096, 8192, 16384],
      }),
  );

  readonly batchQueueWait = once(
    'embedder_batch_queue_wait_seconds',
    () =>
      new Histogram({
        name: 'embedder_batch_queue_wait_seconds',
        help: 'Time a request waited in the micro-batcher before its model run started',
        buckets: LATENCY_BUCKETS,
      }),
  );

  readonly inferenceDuration = once(
    'embedder_inference_seconds',
    () =>
      new Histogram({
        name: 'embedder_inference_seconds',
        help: 'Duration of one model run (one micro-batch)',
        buckets: LATENCY_BUCKETS,
      }),
  );

  readonly jobs = once(
    'embedder_jobs_total',
    () =>
      new Counter({
        name: 'embedder_jobs_total',
        help: 'Embedding queue jobs by name and outcome (written, stale, failed_attempt, failed_final)',
        labelNames: ['name', 'outcome'] as const,
      }),
  );

  readonly jobQueueWait = once(
    'embedder_job_queue_wait_seconds',
    () =>
      new Histogram({
        name: 'embedder_job_queue_wait_seconds',
        help: 'Time an embedding job waited in the queue before a worker picked it up',
        labelNames: ['name'] as const,
        buckets: QUEUE_WAIT_BUCKETS,
      }),
  );

  readonly jobDuration = once(
    'embedder_job_duration_seconds',
    () =>
      new Histogram({
        name: 'embedder_job_duration_seconds',
        help: 'Time to process one embedding job (load, embed, write)',
        labelNames: ['name'] as const,
        buckets: LATENCY_BUCKETS,
      }),
  );

  constructor() {
    const hits = this.cacheHits;
    const misses = this.cacheMisses;
    this.cacheHitRatio = once(
      'embedder_cache_hit_ratio',
      () =>
        new Gauge({
          name: 'embedder_cache_hit_ratio',
          help: 'Cache hits / (hits + misses) since start',
          async collect() {
            const hitCount = (await hits.get()).values[0]?.value ?? 0;
            const missCount = (await misses.get()).values[0]?.value ?? 0;
            const total = hitCount + missCount;
            this.set(total === 0 ? 0 : hitCount / total);
          },
        }),
    );
  }

  /** Feeds the per-batch figures reported by the inference pipeline's micro-batcher (onBatch). */
  observeBatch(stats: { size: number; tokens: number; paddedTokens: number; queueWaitMs: number; inferenceMs: number }): void {
    this.batchSize.observe(stats.size);
    this.batchTokens.observe({ kind: 'real' }, stats.tokens);
    this.batchTokens.observe({ kind: 'padded' }, stats.paddedTokens);
    this.batchQueueWait.observe(stats.queueWaitMs / 1000);
    this.inferenceDuration.observe(stats.inferenceMs / 1000);
  }
}
