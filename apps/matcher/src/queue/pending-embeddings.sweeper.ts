import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { EmbeddingQueueProducer } from './embedding-queue.producer';
import { PendingEmbeddingsRepository } from '@jobmatch/db';
import { PeriodicTask } from '../common/periodic-task';

const SWEEP_INTERVAL_MS = 60_000;
/** Rows younger than this were just enqueued by the write itself. */
const SWEEP_GRACE_MS = 30_000;
const SWEEP_BATCH = 500;

/**
 * A write whose enqueue failed (Redis unreachable) leaves its row PENDING; this sweep enqueues
 * such rows again so no embedding is lost. Job ids are idempotent, so re-adding rows that are
 * already queued is a no-op.
 */
@Injectable()
export class PendingEmbeddingsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask('Sweep', new Logger(PendingEmbeddingsSweeper.name));

  constructor(
    private readonly pending: PendingEmbeddingsRepository,
    private readonly queue: EmbeddingQueueProducer,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'MODEL_ID'>,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(SWEEP_INTERVAL_MS, () => this.sweep());
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }

  /** Re-enqueues stale PENDING rows; returns how many were sent to the queue. */
  sweep(graceMs = SWEEP_GRACE_MS): Promise<number> {
    return this.task.exclusive(0, async () => {
      const rows = await this.pending.findStale(new Date(Date.now() - graceMs), SWEEP_BATCH);
      if (rows.length === 0) return 0;
      await this.queue.enqueue(rows.map((row) => ({ ...row, modelId: this.config.MODEL_ID })));
      return rows.length;
    });
  }
}
