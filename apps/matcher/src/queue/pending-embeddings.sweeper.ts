import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EmbeddingQueueProducer } from './embedding-queue.producer';
import { PendingEmbeddingsRepository, SearchedModel } from '@jobmatch/db';

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
  private readonly logger = new Logger(PendingEmbeddingsSweeper.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly pending: PendingEmbeddingsRepository,
    private readonly queue: EmbeddingQueueProducer,
    private readonly searchedModel: SearchedModel,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((error: unknown) => this.logger.warn(`Sweep failed: ${(error as Error).message}`)),
      SWEEP_INTERVAL_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Re-enqueues stale PENDING rows; returns how many were sent to the queue. */
  async sweep(graceMs = SWEEP_GRACE_MS): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const rows = await this.pending.findStale(new Date(Date.now() - graceMs), SWEEP_BATCH);
      if (rows.length === 0) return 0;
      const modelId = await this.searchedModel.modelId();
      await this.queue.enqueue(rows.map((row) => ({ ...row, modelId })));
      return rows.length;
    } finally {
      this.running = false;
    }
  }
}
