import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { EmbedderErrorCode, EmbedderRpc, jobEmbeddingText, type EmbedResponse, type ModelInfoResponse, DEFAULT_TENANT_ID } from '@jobmatch/contracts';
import { createPgPool, ModelRegistry, VectorStore } from '@jobmatch/db';
import { prepareTestModelDir, type TestModelDir } from '@jobmatch/onnx-testkit';
import { createTestDatabase, deleteRedisKeys, uniqueRedisPrefix, type TestDatabase } from '@jobmatch/testing';
import type { Pool } from 'pg';
import { MODEL_BUILD_PRIORITY } from '../src/queue/model-builder';
import { maxAbsDifference } from './support/e2e-helpers';
import { startInProcessEmbedder, type InProcessEmbedder } from './support/in-process-embedder';

/**
 * A model switch to a model of another dimension, end to end in the embedder (issue #13): the
 * embedder runs MODEL_ID (384-d) and NEXT_MODEL_ID (768-d; both generated random-weight models —
 * mechanics only, their vectors mean nothing) against the real Postgres and Redis. It registers the
 * next model, builds its vectors in the background while searches keep reading the active model's,
 * serves query vectors of either model to callers that name it, and after `activate` the rows
 * report the new model.
 */
describe('model switch (embedder with MODEL_ID and NEXT_MODEL_ID, real ONNX, Postgres, Redis)', () => {
  let db: TestDatabase;
  let current: TestModelDir;
  let next: TestModelDir;
  let workDir: string;
  let embedder: InProcessEmbedder;
  let queue: Queue;
  let pool: Pool;
  let store: VectorStore;
  let registry: ModelRegistry;
  const prefix = uniqueRedisPrefix('model-switch');
  const jobIds: string[] = [];
  const resumeIds: string[] = [];

  const oldVector = (seed: number) => Float32Array.from({ length: 384 }, (_, i) => Math.sin(seed * 7 + i));

  beforeAll(async () => {
    [db, current, next] = await Promise.all([
      createTestDatabase(),
      prepareTestModelDir({ preset: 'mini384' }),
      prepareTestModelDir({ preset: 'mini768', modelId: 'sentence-transformers/all-mpnet-base-v2', tokenizer: 'generated' }),
    ]);
    pool = createPgPool({ url: db.url, poolSize: 3 });
    store = new VectorStore(pool);
    registry = new ModelRegistry(pool, store);
    // 23 jobs and 4 resumes, embedded with the active model (vectors written directly: the old model's part is not under test).
    for (let i = 0; i < 23; i++) {
      const id = randomUUID();
      jobIds.push(id);
      await pool.query(
        `INSERT INTO jobs (id, title, company, description, content_hash, updated_at) VALUES ($1, $2, 'Acme', $3, $4, now())`,
        [id, `Role ${i}`, `Posting number ${i}: builds and maintains things`, `job-${i}`],
      );
      expect(await store.writeEmbedding('job', id, oldVector(i), current.modelId, `job-${i}`)).toBe(true);
    }
    for (let i = 0; i < 4; i++) {
      const id = randomUUID();
      resumeIds.push(id);
      await pool.query(`INSERT INTO resumes (id, text, content_hash, updated_at) VALUES ($1, $2, $3, now())`, [id, `Resume ${i}: ten years of welding`, `resume-${i}`]);
      expect(await store.writeEmbedding('resume', id, oldVector(100 + i), current.modelId, `resume-${i}`)).toBe(true);
    }

    // One MODEL_DIR holding both models' folders (the testkit caches each preset in its own folder).
    workDir = mkdtempSync(path.join(tmpdir(), 'model-switch-'));
    for (const model of [current, next]) {
      const target = path.join(workDir, 'models', model.modelId);
      mkdirSync(path.dirname(target), { recursive: true });
      symlinkSync(model.modelPath, target);
      writeFileSync(path.join(workDir, `${model.shape.hidden}.spec.json`), JSON.stringify(model.spec));
    }
    embedder = await startInProcessEmbedder({
      DATABASE_URL: db.url,
      REDIS_KEY_PREFIX: prefix,
      MODEL_DIR: path.join(workDir, 'models'),
      MODEL_ID: current.modelId,
      MODEL_SPEC_FILE: path.join(workDir, '384.spec.json'),
      NEXT_MODEL_ID: next.modelId,
      NEXT_MODEL_SPEC_FILE: path.join(workDir, '768.spec.json'),
      MODEL_BUILD_BATCH: '10',
    });
    queue = embedder.queue;
  }, 180_000);

  afterAll(async () => {
    await embedder?.close();
    await pool?.end();
    await deleteRedisKeys(prefix);
    await db?.drop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }, 60_000);

  const send = <T>(pattern: string, payload: unknown) => embedder.send<T>(pattern, payload);

  async function coverageOf(modelId: string) {
    return (await registry.status()).find((model) => model.modelId === modelId)!;
  }

  it('builds the next model in the background while searches keep the active one, then switches', async () => {
    // Registered at start-up: the next model is building, with its own indexes; the active one is unchanged.
    expect(await registry.activeModelId()).toBe(current.modelId);
    expect(await registry.find(next.modelId)).toMatchObject({ dimension: 768, state: 'building' });
    const info = await send<ModelInfoResponse>(EmbedderRpc.ModelInfo, {});
    expect(info).toMatchObject({ modelId: current.modelId, dimension: 384, next: { modelId: next.modelId, dimension: 768 } });

    // While it builds: searches read the active model's vectors only, rows report the active model.
    const before = await store.nearest('job', oldVector(3), { tenantId: DEFAULT_TENANT_ID, modelId: current.modelId, limit: 1 });
    expect(before[0]!.id).toBe(jobIds[3]);
    const { rows: states } = await pool.query(`SELECT DISTINCT embedding_status, embedding_model FROM jobs`);
    expect(states).toEqual([{ embedding_status: 'READY', embedding_model: current.modelId }]);

    // The build jobs name the next model and queue behind ordinary work.
    const deadline = Date.now() + 120_000;
    let sawBuildJob = false;
    for (;;) {
      const jobs = await queue.getJobs(['prioritized', 'active', 'completed'], 0, 5);
      for (const job of jobs) {
        expect(job.data).toMatchObject({ modelId: next.modelId });
        expect(job.opts.priority).toBe(MODEL_BUILD_PRIORITY);
        sawBuildJob = true;
      }
      const status = await coverageOf(next.modelId);
      if (status.complete) break;
      if (Date.now() > deadline) throw new Error(`build did not complete: ${JSON.stringify(status.coverage)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(sawBuildJob).toBe(true);
    const built = await coverageOf(next.modelId);
    expect(built.coverage).toEqual({ job: { rows: 23, current: 23, stale: 0 }, resume: { rows: 4, current: 4, stale: 0 } });
    // Each stored vector is the next model's passage embedding of the row's text (halfvec rounding).
    const posting = await pool.query(`SELECT title, description, requirements FROM jobs WHERE id = $1`, [jobIds[5]]);
    const stored = await store.readEmbedding('job', jobIds[5]!, next.modelId);
    const viaRpc = await send<EmbedResponse>(EmbedderRpc.Embed, { texts: [jobEmbeddingText(posting.rows[0])], kind: 'passage', modelId: next.modelId });
    expect(viaRpc).toMatchObject({ modelId: next.modelId, dimension: 768 });
    expect(stored!.vector).toHaveLength(768);
    expect(maxAbsDifference(stored!.vector, viaRpc.vectors[0]!)).toBeLessThan(2 ** -11);
    // Still nothing switched: the rows report the active model, which searches still use.
    expect(await registry.activeModelId()).toBe(current.modelId);

    // Activate: the searched model flips; rows report the new one; query vectors of it find its vectors.
    const active = await registry.activate(next.modelId);
    expect(active).toMatchObject({ state: 'active', complete: true });
    const { rows: after } = await pool.query(`SELECT DISTINCT embedding_status, embedding_model FROM jobs`);
    expect(after).toEqual([{ embedding_status: 'READY', embedding_model: next.modelId }]);
    const query = await send<EmbedResponse>(EmbedderRpc.Embed, { texts: [jobEmbeddingText(posting.rows[0])], kind: 'passage', modelId: next.modelId });
    const found = await store.nearest('job', query.vectors[0]!, { tenantId: DEFAULT_TENANT_ID, modelId: next.modelId, limit: 1, exact: true });
    expect(found[0]!.id).toBe(jobIds[5]);
    // A 384-d vector is never compared with the 768-d ones.
    await expect(store.nearest('job', oldVector(3), { tenantId: DEFAULT_TENANT_ID, modelId: next.modelId, limit: 1 })).rejects.toThrow(/768-dimensional/);

    // A model this embedder does not serve is an outage for the caller, not a vector of another model.
    await expect(send(EmbedderRpc.Embed, { texts: ['x'], modelId: 'sentence-transformers/all-MiniLM-L12-v2' })).rejects.toMatchObject({
      code: EmbedderErrorCode.Unavailable,
    });
  }, 180_000);
});
