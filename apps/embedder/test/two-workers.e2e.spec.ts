import { Queue } from 'bullmq';
import { EMBEDDING_JOB_OPTIONS, EMBEDDING_QUEUE, JOB_NAME_BY_ENTITY, embeddingJobId, type EmbedEntityPayload } from '@jobmatch/contracts';
import { createPgPool } from '@jobmatch/db';
import { prepareTestModelDir, type TestModelDir } from '@jobmatch/onnx-testkit';
import {
  countEmbeddingWrites,
  createTestDatabase,
  deleteRedisKeys,
  installEmbeddingWriteLog,
  startEmbedderProcess,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  writtenJobsMetric,
  type EmbedderProcess,
  type TestDatabase,
} from '@jobmatch/testing';
import type { Pool } from 'pg';
import { insertJobPosting, type SeededJob } from './support/e2e-helpers';

/**
 * Two embedder processes on the same BullMQ queue (issue 16): every job is embedded and written
 * exactly once, though the same payloads are enqueued several times (idempotent job ids) by two
 * producers at once. Writes are counted by a trigger on the vector column, not by the workers.
 * A generated model (mechanics only); throughput with the real model: pnpm bench:workers.
 */
describe('two embedder processes on one queue', () => {
  const JOBS = 120;
  let db: TestDatabase;
  let model: TestModelDir;
  let pool: Pool;
  let queue: Queue;
  const prefix = uniqueRedisPrefix('two-workers');
  const workers: EmbedderProcess[] = [];

  beforeAll(async () => {
    [db, model] = await Promise.all([createTestDatabase(), prepareTestModelDir({ preset: 'mini384' })]);
    pool = createPgPool({ url: db.url, poolSize: 2 });
    await installEmbeddingWriteLog(pool);
    queue = new Queue(EMBEDDING_QUEUE, { connection: { host: '127.0.0.1', port: Number(new URL(TEST_REDIS_URL).port || 6379) }, prefix });
    const start = () =>
      startEmbedderProcess({ databaseUrl: db.url, redisUrl: TEST_REDIS_URL, redisKeyPrefix: prefix, modelDir: model.modelRoot, modelSpec: model.spec, env: { QUEUE_CONCURRENCY: '2' } });
    workers.push(...(await Promise.all([start(), start()])));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop(10_000)));
    await queue?.close();
    await pool?.end();
    await deleteRedisKeys(prefix);
    await db?.drop();
  }, 60_000);

  it('shares the work and writes every vector once, whatever the producers enqueue twice', async () => {
    const seeded: SeededJob[] = [];
    for (let i = 0; i < JOBS; i++) {
      seeded.push(await insertJobPosting(pool, { title: `Engineer ${i}`, description: `Builds system number ${i} with TypeScript and Postgres.` }));
    }
    const payloads: EmbedEntityPayload[] = seeded.map((job) => ({ entity: 'job', id: job.id, contentHash: job.contentHash, modelId: model.spec.id }));
    const bulk = payloads.map((payload) => ({ name: JOB_NAME_BY_ENTITY.job, data: payload, opts: { ...EMBEDDING_JOB_OPTIONS, jobId: embeddingJobId(payload) } }));
    // Two producers racing with the same payloads (e.g. the API and the pending sweeper), then a late re-enqueue.
    await Promise.all([queue.addBulk(bulk), queue.addBulk([...bulk].reverse())]);

    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await pool.query<{ ready: number }>(`SELECT count(*)::int AS ready FROM jobs WHERE embedding_status = 'READY'`);
      if (rows[0]!.ready === JOBS) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0]!.ready}/${JOBS} jobs embedded after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await queue.addBulk(bulk);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed')).toEqual({ completed: JOBS, failed: 0, waiting: 0, active: 0, delayed: 0 });
    expect(await countEmbeddingWrites(pool)).toEqual({ writes: JOBS, rows: JOBS });
    const perWorker = await Promise.all(workers.map((worker) => writtenJobsMetric(worker.httpPort)));
    expect(perWorker.reduce((a, b) => a + b, 0)).toBe(JOBS);
    // Both processes took jobs off the queue.
    for (const written of perWorker) expect(written).toBeGreaterThan(0);
  }, 90_000);
});
