import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import {
  EMBEDDING_JOB_OPTIONS,
  EmbedderErrorCode,
  EmbedderRpc,
  JOB_NAME_BY_ENTITY,
  embeddingJobId,
  type EmbedEntityPayload,
  type EmbedResponse,
  type ModelInfoResponse,
} from '@jobmatch/contracts';
import { createPgPool, VectorStore } from '@jobmatch/db';
import { prepareTestModelDir, type TestModelDir } from '@jobmatch/onnx-testkit';
import {
  createTestDatabase,
  deleteRedisKeys,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@jobmatch/testing';
import type { Pool } from 'pg';
import { startInProcessEmbedder, type InProcessEmbedder } from './support/in-process-embedder';
import {
  embeddingRow,
  insertJobPosting,
  insertResume,
  maxAbsDifference,
  norm,
  waitForFinalState,
} from './support/e2e-helpers';

/**
 * The whole embedder in-process (the AppModule main.ts runs: provider factory, RPC over TCP,
 * BullMQ worker, cache, health, metrics) on the real ONNX pipeline with a generated 384-d BERT
 * model, against the real Postgres and Redis.
 */
describe('embedder end-to-end (real ONNX model, Postgres, Redis)', () => {
  let db: TestDatabase;
  let model: TestModelDir;
  let specDir: string;
  let queue: Queue;
  let redis: Redis;
  let pool: Pool;
  let httpPort: number;
  let embedder: InProcessEmbedder;
  const prefix = uniqueRedisPrefix('embedder-e2e');

  beforeAll(async () => {
    [db, model] = await Promise.all([createTestDatabase(), prepareTestModelDir({ preset: 'mini384' })]);
    specDir = mkdtempSync(path.join(tmpdir(), 'embedder-e2e-'));
    const specFile = path.join(specDir, 'spec.json');
    writeFileSync(specFile, JSON.stringify(model.spec));
    embedder = await startInProcessEmbedder({
      DATABASE_URL: db.url,
      REDIS_KEY_PREFIX: prefix,
      MODEL_DIR: model.modelRoot,
      MODEL_ID: model.modelId,
      MODEL_SPEC_FILE: specFile,
    });
    ({ queue, httpPort } = embedder);
    redis = new Redis(TEST_REDIS_URL);
    pool = createPgPool({ url: db.url, poolSize: 2 });
  }, 120_000);

  afterAll(async () => {
    await embedder?.close();
    await pool?.end();
    redis?.disconnect();
    await deleteRedisKeys(prefix);
    await db?.drop();
    if (specDir) rmSync(specDir, { recursive: true, force: true });
  }, 60_000);

  const send = <T>(pattern: string, payload: unknown) => embedder.send<T>(pattern, payload);

  async function enqueue(payloads: EmbedEntityPayload[], options: Partial<typeof EMBEDDING_JOB_OPTIONS> | object = {}) {
    await queue.addBulk(
      payloads.map((data) => ({
        name: JOB_NAME_BY_ENTITY[data.entity],
        data,
        opts: { ...EMBEDDING_JOB_OPTIONS, ...options, jobId: embeddingJobId(data) },
      })),
    );
    return payloads.map(embeddingJobId);
  }

  describe('RPC', () => {
    it('answers model.info for the loaded model', async () => {
      await expect(send<ModelInfoResponse>(EmbedderRpc.ModelInfo, {})).resolves.toMatchObject({
        modelId: model.modelId,
        dimension: 384,
        provider: 'onnx',
        quantized: false,
      });
    });

    it('embeds texts into 384-d unit vectors; the same text gives the same vector alone and in a batch', async () => {
      const texts = ['Senior C++ engineer', 'Node.js and TypeScript backend developer, remote, 5+ years', 'C#/.NET'];
      const batch = await send<EmbedResponse>(EmbedderRpc.Embed, { texts, kind: 'passage' });
      expect(batch.modelId).toBe(model.modelId);
      expect(batch.dimension).toBe(384);
      expect(batch.vectors).toHaveLength(3);
      for (const vector of batch.vectors) {
        expect(vector).toHaveLength(384);
        expect(norm(vector)).toBeCloseTo(1, 5);
      }
      // Different texts, different vectors.
      expect(maxAbsDifference(batch.vectors[0]!, batch.vectors[1]!)).toBeGreaterThan(1e-3);
      const alone = await send<EmbedResponse>(EmbedderRpc.Embed, { texts: [texts[0]], kind: 'passage' });
      expect(maxAbsDifference(alone.vectors[0]!, batch.vectors[0]!)).toBeLessThan(1e-5);
    });

    it('embeds a repeated query (whitespace aside) into the same vector, and leaves the query cache to the matcher', async () => {
      const query = `kotlin android developer ${Date.now()}`;
      const first = await send<EmbedResponse>(EmbedderRpc.Embed, { texts: [query] });
      const second = await send<EmbedResponse>(EmbedderRpc.Embed, { texts: [`  ${query.replace(/ /g, '   ')} `] });
      expect(second.vectors[0]).toEqual(first.vectors[0]);
      // The matcher owns the query-embedding cache: the embedder neither reads nor writes it.
      expect(await redis.keys(`${prefix}:embcache:*`)).toEqual([]);
    });

    it('rejects bad input with INVALID_INPUT and keeps serving', async () => {
      await expect(send(EmbedderRpc.Embed, { texts: ['fine', 7] })).rejects.toEqual({
        code: EmbedderErrorCode.InvalidInput,
        message: expect.stringContaining('must be a string'),
      });
      await expect(send(EmbedderRpc.Embed, { texts: Array.from({ length: 65 }, () => 'x') })).rejects.toMatchObject({
        code: EmbedderErrorCode.InvalidInput,
      });
      await expect(send<EmbedResponse>(EmbedderRpc.Embed, { texts: ['still alive'] })).resolves.toMatchObject({
        dimension: 384,
      });
    });
  });

  describe('health and metrics', () => {
    it('is ready: the model embeds a probe, Postgres and Redis answer', async () => {
      const response = await fetch(`http://127.0.0.1:${httpPort}/health/ready`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { info: Record<string, { status: string; dimension?: number }> };
      expect(body.info.model).toMatchObject({ status: 'up', dimension: 384 });
      expect(body.info.postgres?.status).toBe('up');
      expect(body.info.redis?.status).toBe('up');
      expect((await fetch(`http://127.0.0.1:${httpPort}/health`)).status).toBe(200);
    });

    it('exposes Prometheus metrics: requests, batch sizes, queue wait, inference time, queue depth, rows per embedding status, RSS', async () => {
      const text = await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
      for (const name of [
        'embedder_rpc_requests_total{pattern="embed",outcome="ok"}',
        'embedder_rpc_requests_total{pattern="embed",outcome="invalid_input"}',
        'embedder_batch_size_count',
        'embedder_batch_queue_wait_seconds_count',
        'embedder_inference_seconds_count',
        'embedder_queue_jobs{state="waiting"}',
        'embedder_queue_jobs{state="active"}',
        'embedder_queue_jobs{state="failed"}',
        'embedder_queue_jobs{state="delayed"}',
        'embedder_embedding_rows{entity="job",status="PENDING"}',
        'embedder_embedding_rows{entity="resume",status="FAILED"}',
        'process_resident_memory_bytes',
      ]) {
        expect(text).toContain(name);
      }
    });
  });

  describe('queue worker', () => {
    it('embeds enqueued jobs and resumes into Postgres (same vector as the RPC gives for that passage)', async () => {
      const posting = await insertJobPosting(pool, {
        title: 'Platform engineer',
        description: 'Kubernetes, Terraform and Go.',
        requirements: '3+ years on-call',
      });
      const resume = await insertResume(pool, 'Site reliability engineer with Go and Kubernetes experience.');
      const ids = await enqueue([
        { entity: 'job', id: posting.id, contentHash: posting.contentHash, modelId: model.modelId },
        { entity: 'resume', id: resume.id, contentHash: resume.contentHash, modelId: model.modelId },
      ]);
      for (const id of ids) expect((await waitForFinalState(queue, id)).state).toBe('completed');

      const store = new VectorStore(pool);
      const stored = await store.readEmbedding('job', posting.id);
      expect(stored?.modelId).toBe(model.modelId);
      expect(stored!.vector).toHaveLength(384);
      // Stored as halfvec: each component within float16's rounding (≤ 2^-11 for values below 1).
      expect(norm(stored!.vector)).toBeCloseTo(1, 3);
      const viaRpc = await send<EmbedResponse>(EmbedderRpc.Embed, { texts: [posting.text], kind: 'passage' });
      expect(maxAbsDifference(stored!.vector, viaRpc.vectors[0]!)).toBeLessThan(2 ** -11);

      expect(await embeddingRow(pool, 'resumes', resume.id)).toMatchObject({
        has_vector: true,
        embedding_status: 'READY',
      });
    });

    it('does not let a stale job (older content hash) overwrite the row', async () => {
      const posting = await insertJobPosting(pool, { title: 'Data analyst', description: 'SQL and dashboards.' });
      const [jobId] = await enqueue([
        { entity: 'job', id: posting.id, contentHash: 'hash-of-an-older-version', modelId: model.modelId },
      ]);
      const { state, job } = await waitForFinalState(queue, jobId!);
      expect(state).toBe('completed');
      expect(job.returnvalue).toEqual({ status: 'skipped', reason: 'stale-content' });
      expect(await embeddingRow(pool, 'jobs', posting.id)).toMatchObject({
        has_vector: false,
        embedding_status: 'PENDING',
      });
    });

    it('puts a job that keeps failing in the failed set with its reason; the row is marked FAILED only for the active model', async () => {
      const resume = await insertResume(pool, 'Embedded C developer, RTOS, ARM Cortex-M.');
      const otherModel = 'sentence-transformers/all-MiniLM-L12-v2';
      const [jobId] = await enqueue(
        [{ entity: 'resume', id: resume.id, contentHash: resume.contentHash, modelId: otherModel }],
        { attempts: 2, backoff: { type: 'exponential', delay: 20 } },
      );
      const { state, job } = await waitForFinalState(queue, jobId!);
      expect(state).toBe('failed');
      expect(job.attemptsMade).toBe(2);
      expect(job.failedReason).toContain(`asks for model "${otherModel}"`);
      expect(await queue.getFailedCount()).toBeGreaterThanOrEqual(1);
      // The row's state is the active model's: a failure for another model leaves it waiting.
      expect(await embeddingRow(pool, 'resumes', resume.id)).toMatchObject({ has_vector: false, embedding_status: 'PENDING', embedding_error: null });
      // A job of the active model that cannot succeed (no text to embed) marks the row FAILED.
      const empty = await insertResume(pool, '');
      const [emptyJobId] = await enqueue([{ entity: 'resume', id: empty.id, contentHash: empty.contentHash, modelId: model.modelId }], { attempts: 2 });
      expect((await waitForFinalState(queue, emptyJobId!)).state).toBe('failed');
      const row = await embeddingRow(pool, 'resumes', empty.id);
      expect(row).toMatchObject({ has_vector: false, embedding_status: 'FAILED', embedding_model: null });
      expect(row.embedding_error).toEqual(expect.any(String));
    });
  });
});
