import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EmbeddableEntity } from '@jobmatch/contracts';
import { PendingEmbeddingsRepository, SearchedModel, type PendingCursor } from '@jobmatch/db';
import { APP_CONFIG, type AppConfig } from '../config';
import { EmbeddingQueueProducer } from './embedding-queue.producer';

export type SweeperConfig = Pick<
  AppConfig,
  'MODEL_ID' | 'SWEEP_INTERVAL_MS' | 'SWEEP_GRACE_MS' | 'SWEEP_PAGE_SIZE' | 'SWEEP_QUEUE_HIGH_WATER'
>;

const ENTITIES: readonly EmbeddableEntity[] = ['job', 'resume'];
/** While the queue is above its high-water mark, how often the sweep looks again. */
const BACKLOG_POLL_MS = 250;

/**
 * A write whose enqueue failed (Redis unreachable, or Redis lost with all its queue state) leaves
 * its row PENDING; this sweep enqueues such rows again so no embedding is lost.
 *
 * Every SWEEP_INTERVAL_MS one pass walks all PENDING rows older than the grace period, page by
 * page in keyset order (so a page already queued but not yet embedded is never read twice), and
 * adds each page with one addBulk — but only while fewer than SWEEP_QUEUE_HIGH_WATER jobs wait:
 * the backlog moves as fast as the embedder drains it, whatever its size, and Redis never holds
 * more than about one high-water mark of it. Job ids are idempotent (entity, id, content hash,
 * model), so rows that are in fact still queued cost nothing, and several matcher replicas
 * sweeping at once only repeat no-ops.
 */
@Injectable()
export class PendingEmbeddingsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PendingEmbeddingsSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopping = false;

  constructor(
    private readonly pending: PendingEmbeddingsRepository,
    private readonly queue: EmbeddingQueueProducer,
    private readonly searchedModel: SearchedModel,
    @Inject(APP_CONFIG) private readonly config: SweeperConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      void this.sweep()
        .catch((error: unknown) => {
          this.logger.warn(
            `Sweep stopped: ${(error as Error).message}; the next one starts in ${this.config.SWEEP_INTERVAL_MS} ms`,
          );
          return 0;
        })
        .then(() => this.schedule());
    }, this.config.SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * One pass over the PENDING rows older than `graceMs` (at its start); returns how many it sent to
   * the queue. A pass already running is joined, not started twice. Throws when Redis or Postgres
   * fails (the rows stay PENDING for the next pass).
   */
  sweep(graceMs = this.config.SWEEP_GRACE_MS): Promise<number> {
    this.running ??= this.pass(new Date(Date.now() - graceMs)).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(olderThan: Date): Promise<number> {
    // The searched (active) model; a model being built picks its rows up by itself (embedder ModelBuilder).
    const modelId = await this.searchedModel.modelId();
    let enqueued = 0;
    for (const entity of ENTITIES) {
      let after: PendingCursor | null = null;
      for (;;) {
        if (!(await this.waitForRoom())) return enqueued;
        const page = await this.pending.findStalePage(entity, olderThan, after, this.config.SWEEP_PAGE_SIZE);
        if (page.rows.length === 0) break;
        await this.queue.enqueue(page.rows.map((row) => ({ ...row, modelId })));
        enqueued += page.rows.length;
        after = page.next;
        if (page.rows.length < this.config.SWEEP_PAGE_SIZE) break;
      }
    }
    if (enqueued > 0)
      this.logger.log(`Swept ${enqueued} PENDING row(s) into the queue (those still queued were no-ops)`);
    return enqueued;
  }

  /** Waits while the queue is at its high-water mark; false when the app is shutting down. */
  private async waitForRoom(): Promise<boolean> {
    while (!this.stopping) {
      if ((await this.queue.waitingCount()) < this.config.SWEEP_QUEUE_HIGH_WATER) return true;
      await new Promise((resolve) => setTimeout(resolve, BACKLOG_POLL_MS).unref());
    }
    return false;
  }
}
