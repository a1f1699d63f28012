import { Queue } from 'bullmq';
import { EMBEDDING_JOB_OPTIONS, EMBEDDING_QUEUE, embeddingJobId, JOB_NAME_BY_ENTITY } from '@jobmatch/contracts';
import { deleteRedisKeys, TEST_REDIS_URL, uniqueRedisPrefix } from '@jobmatch/testing';
import type { AppConfig } from '../src/config';
import type { EmbeddingService } from '../src/embedding/embedding.service';
import type { EmbeddingJobProcessor } from '../src/queue/embedding-job.processor';
import { EmbeddingWorker } from '../src/queue/embedding-worker';

jest.setTimeout(30_000);

const LOCK_DURATION_MS = 2_000;
const STALLED_INTERVAL_MS = 500;

/**
 * The short lock that lets a crashed worker's jobs return within seconds must not make a live
 * worker's long job look stalled: the worker renews its locks every half lock duration from the
 * event loop, so a job running several lock durations is processed once, never put back.
 * (The worker on real Redis; the processor is a stand-in that takes long.)
 */
describe('embedding worker lock renewal', () => {
  const prefix = uniqueRedisPrefix('lock-renewal');
  let queue: Queue;
  let worker: EmbeddingWorker;
  let calls = 0;

  beforeAll(() => {
    queue = new Queue(EMBEDDING_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix });
    const config = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      QUEUE_CONCURRENCY: 1,
      QUEUE_LOCK_DURATION_MS: LOCK_DURATION_MS,
      QUEUE_STALLED_INTERVAL_MS: STALLED_INTERVAL_MS,
      QUEUE_MAX_STALLED_COUNT: 3,
    } as AppConfig;
    const slowProcessor = {
      process: async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 3 * LOCK_DURATION_MS));
        return { status: 'written', modelId: 'm' };
      },
    } as unknown as EmbeddingJobProcessor;
    const embeddings = { modelInfo: () => ({ dimension: 384, modelId: 'm' }) } as unknown as EmbeddingService;
    worker = new EmbeddingWorker(config, slowProcessor, embeddings);
    worker.onApplicationBootstrap();
  });
  afterAll(async () => {
    await worker?.onModuleDestroy();
    await queue?.close();
    await deleteRedisKeys(prefix);
  });

  it('keeps a job that runs three lock durations: processed once, never stalled', async () => {
    const data = { entity: 'job' as const, id: '00000000-0000-4000-8000-000000000001', contentHash: 'h', modelId: 'm' };
    const jobId = embeddingJobId(data);
    await queue.add(JOB_NAME_BY_ENTITY.job, data, { ...EMBEDDING_JOB_OPTIONS, jobId });
    const deadline = Date.now() + 20_000;
    while ((await queue.getJobState(jobId)) !== 'completed') {
      if (Date.now() > deadline) throw new Error(`job still ${await queue.getJobState(jobId)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const job = (await queue.getJob(jobId))!;
    expect(calls).toBe(1);
    expect(job.stalledCounter).toBe(0);
    expect(job.attemptsMade).toBe(1);
    expect(job.finishedOn! - job.processedOn!).toBeGreaterThanOrEqual(3 * LOCK_DURATION_MS - 50);
  });
});
