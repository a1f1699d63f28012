import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { EMBEDDING_QUEUE, embeddingJobId, JOB_NAME_BY_ENTITY, type EmbedEntityPayload } from '@jobmatch/contracts';
import {
  createTestDatabase,
  findRealModel,
  REAL_MODEL_ID,
  startEmbedderProcess,
  TEST_REDIS_URL,
  type EmbedderProcess,
  type TestDatabase,
} from '@jobmatch/testing';
import { startCliHarness, type CliHarness } from './cli-harness';

jest.setTimeout(300_000);

const { model, howToGetIt } = findRealModel();
if (!model && process.env.CI === 'true') throw new Error(`The real model is missing: ${howToGetIt}`);
const suite = model ? describe : describe.skip;

const FIELDS = [
  'nursing',
  'welding',
  'accounting',
  'backend development',
  'data engineering',
  'teaching',
  'logistics',
  'sales',
  'cooking',
  'carpentry',
];
const postings = (count: number, variant = '') =>
  Array.from({ length: count }, (_, i) => ({
    externalId: `p-${i}`,
    title: `${FIELDS[i % FIELDS.length]} specialist ${i}`,
    company: `Company ${i % 7}`,
    description: `We hire for ${FIELDS[i % FIELDS.length]}${variant}. Posting ${i}.`,
  }));
const jsonl = (rows: object[]) => rows.map((row) => JSON.stringify(row)).join('\n');

/**
 * backfill, export / import vectors and the queue commands against real Postgres and Redis, with
 * the built embedder on the real all-MiniLM-L6-v2 (int8) working the queue.
 */
suite(`cli backfill, export, import vectors, queue${model ? '' : ` (skipped: no real model; ${howToGetIt})`}`, () => {
  let h: CliHarness;
  let embedder: EmbedderProcess | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cli-backfill-'));
  const jobsFile = join(dir, 'jobs.jsonl');
  const exportFile = join(dir, 'vectors.jsonl');
  const count = async (where: string) =>
    (await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE ${where}`))[0]!.n;

  beforeAll(async () => {
    h = await startCliHarness();
    writeFileSync(jobsFile, jsonl(postings(60)));
    await h.cli(['import', 'jobs', '--file', jobsFile]);
    // The queue loses everything (as when Redis is lost): 60 PENDING rows that no job will embed.
    await h.queue.obliterate({ force: true });
    embedder = await startEmbedderProcess({
      databaseUrl: h.db.url,
      redisUrl: TEST_REDIS_URL,
      redisKeyPrefix: h.redisPrefix,
      modelDir: model!.modelRoot,
      modelId: REAL_MODEL_ID,
      env: { MODEL_QUANTIZED: String(model!.hasInt8), QUEUE_CONCURRENCY: '4' },
      readyTimeoutMs: 120_000,
    });
  }, 240_000);
  afterAll(async () => {
    await embedder?.stop();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backfill enqueues every row without a current vector and waits for the embeddings themselves', async () => {
    expect(await count(`embedding_status = 'PENDING'`)).toBe(60);
    const { result, summary } = await h.cliJson(['backfill', '--poll-ms', '200']);
    expect(result.status).toBe(0);
    expect(summary).toMatchObject({
      modelId: REAL_MODEL_ID,
      queued: 60,
      embedded: 60,
      remaining: 0,
      outcome: 'completed',
    });
    expect(
      await count(
        `embedding_status = 'READY' AND embedding_model = '${REAL_MODEL_ID}' AND EXISTS (SELECT 1 FROM job_embeddings e WHERE e.job_id = jobs.id AND e.source_hash = jobs.content_hash)`,
      ),
    ).toBe(60);
    // The bar counted embeddings (stderr, not a terminal: plain progress lines).
    expect(result.stderr).toMatch(/backfill sentence-transformers\/all-MiniLM-L6-v2 .*embedded/);

    // Nothing left: a rerun queues nothing.
    const again = await h.cliJson(['backfill']);
    expect(again.summary).toMatchObject({ queued: 0, embedded: 0, outcome: 'completed' });
  });

  it('backfill picks up stale vectors (text changed) and is safe to run twice before the work is done', async () => {
    writeFileSync(join(dir, 'changed.jsonl'), jsonl(postings(5, ' and more')));
    // Imported while Redis is unreachable: the rows are written, PENDING, and not queued.
    const offline = await h.cliJson(['import', 'jobs', '--file', join(dir, 'changed.jsonl')], {
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(offline.summary).toMatchObject({ updated: 5, enqueued: 0, notEnqueued: 5 });
    const first = await h.cliJson(['backfill', '--no-wait']);
    const second = await h.cliJson(['backfill', '--poll-ms', '200']);
    expect(first.summary).toMatchObject({ queued: 5, outcome: 'not-waited' });
    expect(second.summary).toMatchObject({ remaining: 0, outcome: 'completed' });
    expect(await count(`embedding_status = 'READY'`)).toBe(60);
  });

  it('export writes every vector with ids, external ids and the model; import vectors stores them into another database by external id', async () => {
    const { result, summary } = await h.cliJson(['export', '--out', exportFile]);
    expect(result.status).toBe(0);
    expect(summary).toMatchObject({ vectors: 60, job: 60, resume: 0, modelId: REAL_MODEL_ID });
    const lines = readFileSync(exportFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(60);
    expect(lines[0]).toEqual({
      entity: 'job',
      id: expect.any(String),
      externalId: expect.stringMatching(/^p-\d+$/),
      modelId: REAL_MODEL_ID,
      contentHash: expect.any(String),
      dimension: 384,
      vector: expect.any(Array),
    });
    expect(lines[0].vector).toHaveLength(384);

    // A second database with the same postings (the second one's text differs), no embedder.
    const other: TestDatabase = await createTestDatabase();
    const pg = new Client({ connectionString: other.url });
    await pg.connect();
    try {
      const env = { DATABASE_URL: other.url, REDIS_KEY_PREFIX: `${h.redisPrefix}-other` };
      const rows = postings(60, ' and more').map((row, i) => (i < 5 ? row : postings(60)[i]!));
      rows[1] = { ...rows[1]!, description: 'Another text entirely.' };
      writeFileSync(join(dir, 'other.jsonl'), jsonl(rows));
      await h.cli(['import', 'jobs', '--file', join(dir, 'other.jsonl')], env);
      const imported = await h.cliJson(['import', 'vectors', '--file', exportFile], env);
      expect(imported.result.status).toBe(3);
      expect(imported.summary).toMatchObject({ read: 60, written: 59, skipped: 1, rejected: 0 });
      expect(imported.result.stderr).toMatch(/no job with this externalId holds the text the vector was computed from/);
      const { rows: ready } = await pg.query(
        `SELECT count(*)::int AS n FROM jobs WHERE embedding_status = 'READY' AND embedding_model = $1`,
        [REAL_MODEL_ID],
      );
      expect(ready[0].n).toBe(59);
      // The very vector of the source row (pgvector text of the same floats).
      const p7 = lines.find((line) => line.externalId === 'p-7')!;
      const { rows: stored } = await pg.query(`SELECT e.embedding::text AS v FROM jobs j JOIN job_embeddings e ON e.job_id = j.id WHERE j.external_id = 'p-7'`);
      expect((JSON.parse(stored[0].v) as number[]).map((x) => x.toFixed(3))).toEqual(
        (p7.vector as number[]).map((x) => x.toFixed(3)),
      );

      const bad = join(dir, 'bad-vectors.jsonl');
      writeFileSync(
        bad,
        [
          JSON.stringify({ ...p7, vector: [1, 2] }),
          JSON.stringify({ ...p7, vector: new Array(384).fill(0) }),
          JSON.stringify({ ...p7, entity: 'cat' }),
        ].join('\n'),
      );
      const rejected = await h.cliJson(['import', 'vectors', '--file', bad], env);
      expect(rejected.summary).toMatchObject({ read: 3, written: 0, rejected: 3 });
      expect(rejected.result.stderr).toMatch(/line 1: Expected a 384-dimensional vector/);
      expect(rejected.result.stderr).toMatch(/line 2: Refusing to store a zero vector/);
      expect(rejected.result.stderr).toMatch(/line 3: entity must be/);
    } finally {
      await pg.end();
      await other.drop();
    }
  });

  it('queue status shows the backlog and failures; retry-failed really runs a failed job again', async () => {
    await embedder?.stop();
    embedder = undefined;
    // New content hashes: the embedder's completed jobs for the current ones still hold their ids.
    await h.sql(
      `UPDATE jobs SET content_hash = 'retry-' || external_id, embedding_status = 'PENDING' WHERE external_id IN ('p-3', 'p-4')`,
    );
    const [row] = await h.sql<{ id: string; content_hash: string }>(
      `SELECT id, content_hash FROM jobs WHERE external_id = 'p-3'`,
    );
    const payload: EmbedEntityPayload = {
      entity: 'job',
      id: row!.id,
      contentHash: row!.content_hash,
      modelId: REAL_MODEL_ID,
    };
    const jobId = embeddingJobId(payload);
    // Fails on its only attempt (as the embedder's would after its last retry), leaving the row FAILED.
    await h.queue.add(JOB_NAME_BY_ENTITY.job, payload, { jobId, attempts: 1, removeOnFail: false });
    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    let mode: 'fail' | 'succeed' = 'fail';
    const processed: string[] = [];
    const worker = new Worker(
      EMBEDDING_QUEUE,
      async (job) => {
        processed.push(`${mode}:${job.id}`);
        if (mode === 'fail') throw new Error('model session crashed (test)');
        return 'ok';
      },
      { connection, prefix: h.redisPrefix, autorun: true },
    );
    try {
      await waitFor(async () => (await h.queue.getJobState(jobId)) === 'failed');
      await h.sql(
        `UPDATE jobs SET embedding_status = 'FAILED', embedding_error = 'model session crashed (test)' WHERE id = $1`,
        [row!.id],
      );
      await worker.pause();
      // A FAILED row whose job is gone (e.g. Redis lost its data): retry-failed queues it afresh.
      const [orphan] = await h.sql<{ id: string; content_hash: string }>(
        `SELECT id, content_hash FROM jobs WHERE external_id = 'p-4'`,
      );
      await h.sql(`UPDATE jobs SET embedding_status = 'FAILED', embedding_error = 'lost' WHERE id = $1`, [orphan!.id]);

      const status = await h.cliJson<{
        queue: Record<string, number>;
        failures: { id: string; failedReason: string; attemptsMade: number }[];
        rows: Record<string, { failed: number }>;
      }>(['queue', 'status']);
      expect(status.summary.queue).toMatchObject({ failed: 1, waiting: 0, active: 0 });
      expect(status.summary.failures).toEqual([
        expect.objectContaining({ id: jobId, failedReason: 'model session crashed (test)', attemptsMade: 1 }),
      ]);
      expect(status.summary.rows.job).toMatchObject({ failed: 2 });
      const text = await h.cli(['queue', 'status']);
      expect(text.stdout).toMatch(/1 failed/);
      expect(text.stdout).toContain(`${jobId}  after 1 attempts: model session crashed (test)`);

      // Re-enqueueing the same payload is a no-op (the failed job keeps the id): retry must use BullMQ's retry.
      await h.queue.add(JOB_NAME_BY_ENTITY.job, payload, { jobId, attempts: 1 });
      expect(await h.queue.getJobState(jobId)).toBe('failed');

      const retried = await h.cliJson(['queue', 'retry-failed']);
      // The retried job's row went back to PENDING with it; the orphan row is queued afresh.
      expect(retried.summary).toMatchObject({ retriedJobs: 1, requeuedRows: 1 });
      expect(await h.queue.getJobState(jobId)).toBe('waiting');
      expect(
        await h.sql(`SELECT DISTINCT embedding_status FROM jobs WHERE id = ANY($1::uuid[])`, [[row!.id, orphan!.id]]),
      ).toEqual([{ embedding_status: 'PENDING' }]);
      const orphanJob = embeddingJobId({
        entity: 'job',
        id: orphan!.id,
        contentHash: orphan!.content_hash,
        modelId: REAL_MODEL_ID,
      });
      expect(await h.queue.getJobState(orphanJob)).toBe('waiting');
      const oldest = await h.cliJson<{ oldestWaitingSeconds: number | null; queue: { waiting: number } }>([
        'queue',
        'status',
      ]);
      expect(oldest.summary.queue.waiting).toBe(2);
      expect(oldest.summary.oldestWaitingSeconds).not.toBeNull();

      // It really runs again, with its attempts reset.
      mode = 'succeed';
      worker.resume();
      await waitFor(async () => (await h.queue.getJobState(jobId)) === 'completed');
      expect(processed.filter((entry) => entry.endsWith(jobId))).toEqual([`fail:${jobId}`, `succeed:${jobId}`]);

      // --id with a row id or an unknown id.
      const unknown = await h.cliJson(['queue', 'retry-failed', '--id', 'job.nope']);
      expect(unknown.result.status).toBe(1);
      expect(unknown.summary).toMatchObject({ retriedJobs: 0, notFound: ['job.nope'] });
    } finally {
      await worker.close();
      connection.disconnect();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
