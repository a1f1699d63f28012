import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import {
  EMBEDDING_JOB_OPTIONS,
  EMBEDDING_QUEUE,
  embeddingJobId,
  JOB_NAME_BY_ENTITY,
  type EmbedEntityPayload,
} from '@jobmatch/contracts';
import { withTimeout } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from '../config';

const ENQUEUE_TIMEOUT_MS = 2_000;
/** A page of the sweeper (≈ 1 000 jobs) is one addBulk; it needs longer than one write's enqueue. */
const BULK_ENQUEUE_TIMEOUT_MS = 15_000;

/**
 * Producer side of the embedding queue. Job ids come from entity/id/content hash/model, so
 * enqueuing the same content twice is a no-op in BullMQ.
 */
@Injectable()
export class EmbeddingQueueProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(EmbeddingQueueProducer.name);
  private connection?: Redis;
  private queueInstance?: Queue;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Created at the first write: BullMQ costs ~10 MB of resident memory, which a read-only
   * replica (search, recommendations) never needs to pay.
   */
  private get queue(): Queue {
    if (!this.queueInstance) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load (see above)
      const { Queue: QueueClass } = require('bullmq') as typeof import('bullmq');
      // Its own connection; no offline queue, so an outage fails the call at once.
      this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
      this.connection.on('error', () => undefined);
      this.queueInstance = new QueueClass(EMBEDDING_QUEUE, {
        connection: this.connection,
        prefix: this.config.REDIS_KEY_PREFIX,
      });
      this.queueInstance.on('error', () => undefined);
    }
    return this.queueInstance;
  }

  /**
   * Enqueues in one round trip. Throws when Redis is unreachable or does not answer in time
   * (BullMQ would wait for a connection; callers decide how to degrade).
   */
  async enqueue(payloads: EmbedEntityPayload[], timeoutMs = BULK_ENQUEUE_TIMEOUT_MS): Promise<void> {
    if (payloads.length === 0) return;
    const added = this.queue.addBulk(
      payloads.map((payload) => ({
        name: JOB_NAME_BY_ENTITY[payload.entity],
        data: payload,
        opts: { ...EMBEDDING_JOB_OPTIONS, jobId: embeddingJobId(payload) },
      })),
    );
    await withTimeout(added, timeoutMs, 'Redis');
  }

  /** Jobs waiting for a worker (not delayed retries, not running): how far ahead of the embedder the queue is. */
  async waitingCount(timeoutMs = ENQUEUE_TIMEOUT_MS): Promise<number> {
    return withTimeout(this.queue.getWaitingCount(), timeoutMs, 'Redis');
  }

  /** Like enqueue, but reports failure instead of throwing: the row stays PENDING for the sweeper. */
  async tryEnqueue(payloads: EmbedEntityPayload[], timeoutMs = ENQUEUE_TIMEOUT_MS): Promise<boolean> {
    try {
      // A write request must not hang on Redis.
      await this.enqueue(payloads, timeoutMs);
      return true;
    } catch (error) {
      this.logger.warn(
        `Could not enqueue ${payloads.length} embedding job(s); they will be re-enqueued later: ${(error as Error).message}`,
      );
      return false;
    }
  }

  /**
   * Removes the waiting (or failed) job of a payload, e.g. for a deleted row. A job already running
   * cannot be removed; the worker then finds the row gone and does nothing. Never throws: the row
   * is gone either way.
   */
  async tryRemove(payload: EmbedEntityPayload, timeoutMs = ENQUEUE_TIMEOUT_MS): Promise<boolean> {
    try {
      await withTimeout(this.queue.remove(embeddingJobId(payload)), timeoutMs, 'Redis');
      return true;
    } catch (error) {
      this.logger.warn(
        `Could not remove the embedding job of ${payload.entity} ${payload.id}: ${(error as Error).message}`,
      );
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queueInstance?.close().catch(() => undefined);
    this.connection?.disconnect();
  }
}
