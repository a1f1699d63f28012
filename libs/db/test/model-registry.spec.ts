import { createTestDatabase, type TestDatabase } from '@jobmatch/testing';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { unitVector } from './support/unit-vector';
import { createPgPool, ModelRegistry, ModelRegistryError, modelIndexName, VectorStore } from '../src';

/**
 * The model switch of issue #13 against the real Postgres: a 768-d model is registered beside
 * the active 384-d one, built, activated once its coverage is complete (or forced), and the old
 * one dropped — with searches answering from exactly one model at every step.
 */
const OLD = 'sentence-transformers/all-MiniLM-L6-v2'; // active from the migration
const NEXT = 'switch/next-768';



describe('ModelRegistry (real Postgres)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: VectorStore;
  let registry: ModelRegistry;
  const jobs: string[] = [];
  let resume: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool({ url: db.url, poolSize: 4 });
    store = new VectorStore(pool);
    registry = new ModelRegistry(pool, store);
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      jobs.push(id);
      await pool.query(`INSERT INTO jobs (id, title, company, description, content_hash, updated_at) VALUES ($1, 'T', 'C', 'D', $2, now())`, [id, `h${i}`]);
      expect(await store.writeEmbedding('job', id, unitVector(384, 10 + i, 0.1), OLD, `h${i}`)).toBe(true);
    }
    resume = randomUUID();
    await pool.query(`INSERT INTO resumes (id, text, content_hash, updated_at) VALUES ($1, 'cv', 'r', now())`, [resume]);
    expect(await store.writeEmbedding('resume', resume, unitVector(384, 10), OLD, 'r')).toBe(true);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const rowStates = () =>
    pool.query(`SELECT id, embedding_status, embedding_model FROM jobs ORDER BY id`).then((result) => new Map(result.rows.map((row) => [row.id, row])));
  const indexNames = () => pool.query(`SELECT indexname FROM pg_indexes WHERE indexdef ILIKE '%USING hnsw%' ORDER BY 1`).then((result) => result.rows.map((row) => row.indexname));

  it('switches to a model of another dimension without mixing vectors, then drops the old one', async () => {
    // 1. Register: building, with its own HNSW indexes (CONCURRENTLY); registering again is a no-op.
    const registered = await registry.register(NEXT, 768);
    expect(registered).toMatchObject({ modelId: NEXT, dimension: 768, state: 'building', droppedAt: null });
    expect(await registry.register(NEXT, 768)).toEqual(registered);
    await expect(registry.register(NEXT, 384)).rejects.toMatchObject({ code: 'DIMENSION_MISMATCH' });
    const nextKey = (await store.findModel(NEXT))!.key;
    expect(await indexNames()).toEqual(expect.arrayContaining([modelIndexName('job', { key: nextKey }), modelIndexName('resume', { key: nextKey })]));
    expect(await registry.activeModelId()).toBe(OLD);

    // 2. Build part of it: status shows the coverage; activation is refused until complete.
    await store.writeEmbedding('job', jobs[0]!, unitVector(768, 500), NEXT, 'h0');
    await store.writeEmbedding('job', jobs[1]!, unitVector(768, 500, 0.2), NEXT, 'h1');
    const building = (await registry.status()).find((model) => model.modelId === NEXT)!;
    expect(building).toMatchObject({ state: 'building', complete: false, coverage: { job: { rows: 3, current: 2, stale: 0 }, resume: { rows: 1, current: 0, stale: 0 } } });
    await expect(registry.activate(NEXT)).rejects.toThrow(ModelRegistryError);
    await expect(registry.activate(NEXT)).rejects.toMatchObject({ code: 'COVERAGE_INCOMPLETE', message: expect.stringContaining('jobs 2/3, resumes 0/1') });
    // Meanwhile the searched model is the old one, and its searches see only its own vectors.
    expect((await store.nearest('job', unitVector(384, 10), { modelId: OLD, limit: 10 })).map((row) => row.id).sort()).toEqual([...jobs].sort());
    // The rows report the active model's state, untouched by the build.
    for (const state of (await rowStates()).values()) expect(state).toMatchObject({ embedding_status: 'READY', embedding_model: OLD });

    // 3. Complete the build; activate: one transaction flips the model and recomputes the row states.
    await store.writeEmbedding('job', jobs[2]!, unitVector(768, 600), NEXT, 'h2');
    await store.writeEmbedding('resume', resume, unitVector(768, 500), NEXT, 'r');
    const active = await registry.activate(NEXT);
    expect(active).toMatchObject({ modelId: NEXT, state: 'active', complete: true });
    expect(active.activatedAt).toBeInstanceOf(Date);
    expect(await registry.activeModelId()).toBe(NEXT);
    expect((await registry.find(OLD))!).toMatchObject({ state: 'retired', droppedAt: null });
    for (const state of (await rowStates()).values()) expect(state).toMatchObject({ embedding_status: 'READY', embedding_model: NEXT });
    // A search from the resume's stored vector now walks the 768-d vectors only.
    const recommended = await store.nearestWithRows('job', { entity: 'resume', id: resume }, 'candidate', { modelId: NEXT, limit: 3 });
    expect(recommended.candidates!.map((row) => row.id)).toEqual([jobs[0], jobs[1], jobs[2]]);
    expect(recommended.candidates![0]!.similarity).toBeCloseTo(1, 3);
    // New writes of the now-active model set the row state; the retired model's are kept but not reported.
    await pool.query(`UPDATE jobs SET content_hash = 'h0b', embedding_status = 'PENDING' WHERE id = $1`, [jobs[0]]);
    expect(await store.writeEmbedding('job', jobs[0]!, unitVector(384, 10), OLD, 'h0b')).toBe(true);
    expect((await rowStates()).get(jobs[0]!)).toMatchObject({ embedding_status: 'PENDING' });
    expect(await store.writeEmbedding('job', jobs[0]!, unitVector(768, 500), NEXT, 'h0b')).toBe(true);
    expect((await rowStates()).get(jobs[0]!)).toMatchObject({ embedding_status: 'READY', embedding_model: NEXT });

    // 4. Drop the old model: refused while active, then its vectors and indexes go; the row stays.
    await expect(registry.drop(NEXT)).rejects.toMatchObject({ code: 'MODEL_ACTIVE' });
    const oldKey = (await store.findModel(OLD))!.key;
    const dropped = await registry.drop(OLD);
    expect(dropped).toEqual({ modelId: OLD, deleted: { job: 3, resume: 1 } });
    expect(await indexNames()).not.toContain(modelIndexName('job', { key: oldKey }));
    expect((await registry.find(OLD))!).toMatchObject({ state: 'retired', droppedAt: expect.any(Date) });
    expect(await store.nearest('job', unitVector(384, 10), { modelId: OLD, limit: 10 })).toEqual([]);
    await expect(registry.activate(OLD)).rejects.toMatchObject({ code: 'MODEL_DROPPED' });
    const { rows } = await pool.query(`SELECT count(*)::int AS count FROM job_embeddings WHERE model_key = $1`, [oldKey]);
    expect(rows[0].count).toBe(0);
  });

  it('forces a switch before coverage is complete: rows without a vector of the new model report PENDING', async () => {
    const partial = 'switch/partial-384';
    await registry.register(partial, 384);
    await store.writeEmbedding('job', jobs[1]!, unitVector(384, 40), partial, 'h1');
    await expect(registry.activate(partial)).rejects.toMatchObject({ code: 'COVERAGE_INCOMPLETE' });
    const forced = await registry.activate(partial, { force: true });
    expect(forced).toMatchObject({ state: 'active', complete: false });
    const states = await rowStates();
    expect(states.get(jobs[1]!)).toMatchObject({ embedding_status: 'READY', embedding_model: partial });
    expect(states.get(jobs[0]!)).toMatchObject({ embedding_status: 'PENDING', embedding_model: null });
    // Rolling back to the previous (retired, not dropped) model is instant: its vectors are still there.
    expect(await registry.activate(NEXT)).toMatchObject({ state: 'active', complete: true });
    for (const state of (await rowStates()).values()) expect(state).toMatchObject({ embedding_status: 'READY', embedding_model: NEXT });
    // A dropped model registered again is rebuilt from scratch (new index, no vectors).
    await registry.drop(partial);
    expect(await registry.register(partial, 384)).toMatchObject({ state: 'building', droppedAt: null, retiredAt: null });
    expect((await registry.status()).find((model) => model.modelId === partial)!.coverage.job).toEqual({ rows: 3, current: 0, stale: 0 });
    await expect(registry.activate('never/registered')).rejects.toMatchObject({ code: 'UNKNOWN_MODEL' });
  });
});
