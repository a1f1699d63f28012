import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { Queue } from 'bullmq';
import { firstValueFrom } from 'rxjs';
import {
  EMBEDDING_JOB_OPTIONS,
  EMBEDDING_QUEUE,
  EmbedderRpc,
  JOB_NAME_BY_ENTITY,
  embeddingJobId,
  type EmbedResponse,
} from '@jobmatch/contracts';
import { createPgPool } from '@jobmatch/db';
import { prepareTestModelDir, type TestModelDir } from '@jobmatch/onnx-testkit';
import {
  createTestDatabase,
  deleteRedisKeys,
  startEmbedderProcess,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type EmbedderProcess,
  type TestDatabase,
} from '@jobmatch/testing';
import type { Pool } from 'pg';
import { insertJobPosting, waitForFinalState, type SeededJob } from './support/e2e-helpers';

/**
 * The built service as a real process (`node apps/embedder/dist/main.js`, started through
 * startEmbedderProcess): start-up, RPC, and graceful shutdown on SIGTERM while jobs run.
 */
describe('embedder process (dist/main.js)', () => {
  let db: TestDatabase;
  let model: TestModelDir;
  let pool: Pool;
  let queue: Queue;
  const prefix = uniqueRedisPrefix('embedder-proc');
  const running: EmbedderProcess[] = [];

  const start = async (env: Record<string, string> = {}) => {
    const embedder = await startEmbedderProcess({
      databaseUrl: db.url,
      redisUrl: TEST_REDIS_URL,
      redisKeyPrefix: prefix,
      modelDir: model.modelRoot,
      modelSpec: model.spec,
      env,
    });
    running.push(embedder);
    return embedder;
  };

  beforeAll(async () => {
    [db, model] = await Promise.all([createTestDatabase(), prepareTestModelDir({ preset: 'mini384' })]);
    pool = createPgPool({ url: db.url, poolSize: 2 });
    queue = new Queue(EMBEDDING_QUEUE, {
      connection: { host: '127.0.0.1', port: Number(new URL(TEST_REDIS_URL).port || 6379) },
      prefix,
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(running.map((embedder) => embedder.stop(10_000)));
    await queue?.close();
    await pool?.end();
    await deleteRedisKeys(prefix);
    await db?.drop();
  }, 60_000);

  it('refuses to start without model files, naming the fetch command', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'embedder-no-model-'));
    try {
      const failure = await startEmbedderProcess({
        databaseUrl: db.url,
        redisUrl: TEST_REDIS_URL,
        redisKeyPrefix: prefix,
        modelDir: empty,
        readyTimeoutMs: 30_000,
      }).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/exited with code 1/);
      expect((failure as Error).message).toContain('pnpm model:fetch');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);

  it('serves RPC, and on SIGTERM finishes in-flight jobs; nothing is lost across a restart', async () => {
    const embedder = await start({ QUEUE_CONCURRENCY: '2', LOG_LEVEL: 'info' });
    const client = ClientProxyFactory.create({
      transport: Transport.TCP,
      options: { host: '127.0.0.1', port: embedder.rpcPort },
    });
    try {
      const response = await firstValueFrom(
        client.send<EmbedResponse>(EmbedderRpc.Embed, { texts: ['Rust systems programmer'] }),
      );
      expect(response.vectors[0]).toHaveLength(384);
    } finally {
      await client.close();
    }

    // Long texts so each job takes a moment and some are surely running when SIGTERM arrives.
    const filler = 'Design, build and operate distributed services in Go and Kotlin; mentor engineers. ';
    const rows: SeededJob[] = [];
    for (let i = 0; i < 60; i++) {
      rows.push(await insertJobPosting(pool, { title: `Engineer ${i}`, description: filler.repeat(20 + (i % 30)) }));
    }
    const payloads = rows.map((row) => ({
      entity: 'job' as const,
      id: row.id,
      contentHash: row.contentHash,
      modelId: model.modelId,
    }));
    await queue.addBulk(
      payloads.map((data) => ({
        name: JOB_NAME_BY_ENTITY.job,
        data,
        opts: { ...EMBEDDING_JOB_OPTIONS, jobId: embeddingJobId(data) },
      })),
    );

    // SIGTERM as soon as the worker is busy.
    const deadline = Date.now() + 30_000;
    while ((await queue.getActiveCount()) === 0) {
      if (Date.now() > deadline) throw new Error('The worker never picked up a job');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const exit = await embedder.stop();
    // Nest re-raises SIGTERM once its shutdown hooks are done; the worker logged a drained stop.
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(embedder.output()).toContain('Stopping the embedding worker: waiting for in-flight jobs');
    expect(embedder.output()).toContain('Embedding worker stopped');

    // Nothing was left half-done: no job is still active (locked by the dead process) or failed.
    const counts = await queue.getJobCounts('active', 'failed', 'completed', 'waiting');
    expect(counts.active).toBe(0);
    expect(counts.failed).toBe(0);
    expect(counts.completed + counts.waiting).toBe(rows.length);
    expect(counts.waiting).toBeGreaterThan(0); // the stop really happened mid-queue
    const { rows: ready } = await pool.query<{ count: string }>(
      `SELECT count(*) FROM jobs WHERE EXISTS (SELECT 1 FROM job_embeddings e WHERE e.job_id = jobs.id)`,
    );
    expect(Number(ready[0]!.count)).toBe(counts.completed);

    // A new process picks up the rest; every row ends with its vector.
    await start({ QUEUE_CONCURRENCY: '2' });
    for (const data of payloads)
      expect((await waitForFinalState(queue, embeddingJobId(data), 60_000)).state).toBe('completed');
    const { rows: after } = await pool.query<{ count: string }>(
      `SELECT count(*) FROM jobs WHERE EXISTS (SELECT 1 FROM job_embeddings e WHERE e.job_id = jobs.id) AND embedding_status = 'READY'`,
    );
    expect(Number(after[0]!.count)).toBe(rows.length);
  }, 180_000);
});
