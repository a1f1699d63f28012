import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { EMBEDDING_QUEUE } from '@jobmatch/contracts';
import { APP_CONFIG, type AppConfig } from '../config';
import { EmbeddingJobProcessor, type EmbeddingJobOutcome } from './embedding-job.processor';

export const QUEUE_JOB_STATES = ['waiting', 'active', 'failed', 'delayed'] as const;
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

/**
 * The BullMQ worker on the embedding queue. Starts once the app is fully up; on shutdown
 * (SIGTERM) `close()` stops taking jobs and waits for the in-flight ones, before the model and
 * the database connections are released. A job interrupted by a crash keeps its lock only until
 * it expires, then BullMQ's stalled check puts it back in the wait list.
 */
@Injectable()
export class EmbeddingWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EmbeddingWorker.name);
  private worker?: Worker<unknown, EmbeddingJobOutcome, string>;
  private queue?: Queue;
  private connection?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly processor: EmbeddingJobProcessor,
  ) {}

  onApplicationBootstrap(): void {
    // Blocking commands need a connection that never gives up on a request (BullMQ requirement).
    this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.connection.on('error', () => undefined); // reconnects by itself; readiness reports the outage
    this.worker = new Worker(EMBEDDING_QUEUE, (job) => this.processor.process(job), {
      connection: this.connection,
      prefix: this.config.REDIS_KEY_PREFIX,
      concurrency: this.config.QUEUE_CONCURRENCY,
    });
    this.worker.on('error', (error) => this.logger.warn(`Queue connection problem: ${error.message}`));
    // Read-only view of the same queue, for its depth (metrics).
    this.queue = new Queue(EMBEDDING_QUEUE, { connection: this.connection, prefix: this.config.REDIS_KEY_PREFIX });
    this.queue.on('error', () => undefined);
    this.logger.log(`Worker on queue "${EMBEDDING_QUEUE}" (prefix ${this.config.REDIS_KEY_PREFIX}, concurrency ${this.config.QUEUE_CONCURRENCY})`);
  }

  /** Jobs per state (waiting, active, failed, delayed); null before start or after shutdown. */
  async jobCounts(): Promise<Record<QueueJobState, number> | null> {
    if (!this.queue) return null;
    const counts = await this.queue.getJobCounts(...QUEUE_JOB_STATES);
    return { waiting: counts.waiting ?? 0, active: counts.active ?? 0, failed: counts.failed ?? 0, delayed: counts.delayed ?? 0 };
  }

  /** Runs before the providers' onApplicationShutdown hooks, so in-flight jobs still have the model and DB. */
  async onModuleDestroy(): Promise<void> {
    if (!this.worker) return;
    this.logger.log('Stopping the embedding worker: waiting for in-flight jobs');
    await this.worker.close();
    await this.queue?.close().catch(() => undefined);
    this.queue = undefined;
    await this.connection?.quit().catch(() => undefined);
    this.worker = undefined;
    this.logger.log('Embedding worker stopped');
  }
}
