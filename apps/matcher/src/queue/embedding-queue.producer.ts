import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import {
  EMBEDDING_JOB_OPTIONS,
  EMBEDDING_QUEUE,
  embeddingJobId,
  JOB_NAME_BY_ENTITY,
  type EmbedEntityPayload,
} from '@jobmatch/contracts';
import { APP_CONFIG, type AppConfig } from '../config';

const ENQUEUE_TIMEOUT_MS = 2_000;

/**
 * Producer side of the embedding queue. Job ids come from entity/id/content hash/model, so
 * enqueuing the same content twice is a no-op in BullMQ.
 */
@Injectable()
export class EmbeddingQueueProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(EmbeddingQueueProducer.name);
  private readonly connection: Redis;
  private readonly queue: Queue;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Its own connection (BullMQ manages it); no offline queue, so an outage fails the call at once.
    this.connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.connection.on('error', () => undefined);
    this.queue = new Queue(EMBEDDING_QUEUE, { connection: this.connection, prefix: config.REDIS_KEY_PREFIX });
    this.queue.on('error', () => undefined);
  }

  /** Enqueues in one round trip. Throws when Redis is unreachable (callers decide how to degrade). */
  async enqueue(payloads: EmbedEntityPayload[]): Promise<void> {
    if (payloads.length === 0) return;
    await this.queue.addBulk(
      payloads.map((payload) => ({
        name: JOB_NAME_BY_ENTITY[payload.entity],
        data: payload,
        opts: { ...EMBEDDING_JOB_OPTIONS, jobId: embeddingJobId(payload) },
      })),
    );
  }

  /** Like enqueue, but reports failure instead of throwing: the row stays PENDING for the sweeper. */
  async tryEnqueue(payloads: EmbedEntityPayload[], timeoutMs = ENQUEUE_TIMEOUT_MS): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      // BullMQ waits for a connection rather than failing; a write request must not hang on it.
      await Promise.race([
        this.enqueue(payloads),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Redis did not accept the jobs within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return true;
    } catch (error) {
      this.logger.warn(`Could not enqueue ${payloads.length} embedding job(s); they will be re-enqueued later: ${(error as Error).message}`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.connection.disconnect();
  }
}
