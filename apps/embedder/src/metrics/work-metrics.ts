import { Injectable } from '@nestjs/common';
import type { EmbeddableEntity } from '@jobmatch/contracts';
import { PendingEmbeddingsRepository } from '@jobmatch/db';
import { registerOnce as once, withTimeout } from '@jobmatch/nest-common';
import { Gauge } from 'prom-client';
import { EmbeddingWorker, QUEUE_JOB_STATES } from '../queue/embedding-worker';

const COLLECT_TIMEOUT_MS = 2_000;
const ENTITIES: EmbeddableEntity[] = ['job', 'resume'];
const STATUSES = ['PENDING', 'READY', 'FAILED'] as const;

/** Metrics are registered once per process; they read the app created last (tests create several). */
let current: { worker: EmbeddingWorker; rows: PendingEmbeddingsRepository } | null = null;

/**
 * The embedding work waiting and given up on, read at scrape time: the queue's depth per state,
 * and the rows per embedding status (PENDING rows are waiting for a vector, FAILED rows gave up).
 * A scrape while Redis or Postgres is down leaves the gauge without values instead of failing.
 */
@Injectable()
export class WorkMetrics {
  readonly queueJobs = once(
    'embedder_queue_jobs',
    () =>
      new Gauge({
        name: 'embedder_queue_jobs',
        help: 'Jobs in the embedding queue by state (waiting, active, failed, delayed)',
        labelNames: ['state'] as const,
        async collect() {
          this.reset();
          const counts = await withTimeout(current?.worker.jobCounts() ?? Promise.resolve(null), COLLECT_TIMEOUT_MS, 'Redis').catch(() => null);
          if (counts) for (const state of QUEUE_JOB_STATES) this.set({ state }, counts[state]);
        },
      }),
  );

  readonly embeddingRows = once(
    'embedder_embedding_rows',
    () =>
      new Gauge({
        name: 'embedder_embedding_rows',
        help: 'Stored jobs and resumes by embedding status (PENDING, READY, FAILED)',
        labelNames: ['entity', 'status'] as const,
        async collect() {
          this.reset();
          const counts = await withTimeout(current?.rows.countByStatus() ?? Promise.resolve(null), COLLECT_TIMEOUT_MS, 'Postgres').catch(() => null);
          if (counts) for (const entity of ENTITIES) for (const status of STATUSES) this.set({ entity, status }, counts[entity][status]);
        },
      }),
  );

  constructor(worker: EmbeddingWorker, rows: PendingEmbeddingsRepository) {
    current = { worker, rows };
  }
}
