import { Queue, type Job } from 'bullmq';
import Redis from 'ioredis';
import { EMBEDDING_QUEUE, embeddingJobId, type EmbedEntityPayload } from '@jobmatch/contracts';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  prioritized: number;
}

export interface FailedJobSummary {
  id: string;
  name: string;
  entity: string | null;
  rowId: string | null;
  attemptsMade: number;
  failedReason: string;
  finishedOn: string | null;
}

/**
 * The operator's side of the embedding queue (the producers and the worker have theirs):
 * counts, the oldest waiting job, failures with their reasons, and re-running failed jobs.
 */
export class EmbeddingQueueAdmin {
  private readonly connection: Redis;
  private readonly queue: Queue;

  constructor(redisUrl: string, prefix: string) {
    // An operator command waits for Redis a little (it retries), but never forever.
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: 3, connectTimeout: 5_000 });
    this.connection.on('error', () => undefined);
    this.queue = new Queue(EMBEDDING_QUEUE, { connection: this.connection, prefix });
    this.queue.on('error', () => undefined);
  }

  async counts(): Promise<QueueCounts> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
    return {
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      completed: counts.completed ?? 0,
      prioritized: counts.prioritized ?? 0,
    };
  }

  /** When the job that has waited longest was added (null when nothing waits). */
  async oldestWaitingSince(): Promise<Date | null> {
    const [oldest] = await this.queue.getJobs(['wait', 'prioritized'], 0, 0, true);
    return oldest ? new Date(oldest.timestamp) : null;
  }

  /** The most recent failures, newest first. */
  async recentFailures(limit: number): Promise<FailedJobSummary[]> {
    const jobs = await this.queue.getFailed(0, Math.max(0, limit - 1));
    return jobs.filter((job): job is Job => Boolean(job)).map(summarize);
  }

  /** Failed jobs, a page at a time (oldest first), for retrying all of them. */
  async failedPage(start: number, count: number): Promise<Job[]> {
    return (await this.queue.getFailed(start, start + count - 1)).filter((job): job is Job => Boolean(job));
  }

  async job(id: string): Promise<Job | undefined> {
    return (await this.queue.getJob(id)) ?? undefined;
  }

  /**
   * Runs a failed job again with all its attempts: BullMQ moves it back to waiting under the same
   * id (re-adding a payload whose id is kept in the failed set would be a no-op). False when the
   * job is no longer failed (already retried, removed).
   */
  async retry(job: Job): Promise<boolean> {
    if (!(await job.isFailed())) return false;
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  }

  /** The deterministic id a payload is queued under (libs/contracts). */
  jobIdOf(payload: EmbedEntityPayload): string {
    return embeddingJobId(payload);
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.connection.disconnect();
  }
}

function summarize(job: Job): FailedJobSummary {
  const data = (job.data ?? {}) as Partial<EmbedEntityPayload>;
  return {
    id: job.id ?? '',
    name: job.name,
    entity: typeof data.entity === 'string' ? data.entity : null,
    rowId: typeof data.id === 'string' ? data.id : null,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? '',
    finishedOn: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}
