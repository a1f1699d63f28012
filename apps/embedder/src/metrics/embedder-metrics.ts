import { Injectable } from '@nestjs/common';
import { registerOnce as once } from '@jobmatch/nest-common';
import { Counter, Histogram } from 'prom-client';

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
        help: 'Time to answer an RPC request',
        labelNames: ['pattern'] as const,
        buckets: LATENCY_BUCKETS,
      }),
  );

  readonly textsEmbedded = once(
    'embedder_texts_embedded_total',
    () =>
      new Counter({
        name: 'embedder_texts_embedded_total',
        help: 'Texts run through the model, by source',
        labelNames: ['source'] as const,
      }),
  );

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

  /** Feeds the per-batch figures reported by the inference pipeline's micro-batcher (onBatch). */
  observeBatch(stats: { size: number; tokens: number; paddedTokens: number; queueWaitMs: number; inferenceMs: number }): void {
    this.batchSize.observe(stats.size);
    this.batchTokens.observe({ kind: 'real' }, stats.tokens);
    this.batchTokens.observe({ kind: 'padded' }, stats.paddedTokens);
    this.batchQueueWait.observe(stats.queueWaitMs / 1000);
    this.inferenceDuration.observe(stats.inferenceMs / 1000);
  }
}
