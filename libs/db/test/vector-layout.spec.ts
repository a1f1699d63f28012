import { createTestDatabase, type TestDatabase } from '@jobmatch/testing';
import { randomUUID } from 'node:crypto';
import { Client, escapeLiteral, type Pool, type QueryConfig } from 'pg';
import { createPgPool, ModelRegistry, modelIndexName, VectorStore, type NearestOptions } from '../src';

/**
 * The layout of vectors keyed by model (job_embeddings / resume_embeddings, halfvec, one partial
 * HNSW index per model): models of different dimensions side by side, searches served by the
 * searched model's own index (also with the shared filters and in cached generic plans), full pages
 * under filters, and the row-level state reporting only the active model.
 */
const SMALL = 'layout/small-384';
const JOBS = 2000;
const LARGE = 'layout/large-768';

function randomUnitVector(dimension: number, seed: number): Float32Array {
  let state = seed >>> 0 || 1;
  const next = () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32) - 0.5;
  const vector = Float32Array.from({ length: dimension }, next);
  const norm = Math.hypot(...vector);
  return vector.map((x) => x / norm);
}

describe('vectors keyed by model (real Postgres + pgvector)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: VectorStore;
  let registry: ModelRegistry;
  const jobIds: string[] = [];
  const resumeIds: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool({ url: db.url, poolSize: 4 });
    store = new VectorStore(pool);
    registry = new ModelRegistry(pool, store);
    await registry.register(SMALL, 384);
    await registry.activate(SMALL);
    await registry.register(LARGE, 768);
    // 2 000 jobs over 10 companies (10 % each), half in Berlin; 40 resumes, every 4th listing Python.
    // Enough rows for the planner to cost the HNSW scans as it would on a real table.
    for (let i = 0; i < JOBS; i++) jobIds.push(randomUUID());
    for (let i = 0; i < 40; i++) resumeIds.push(randomUUID());
    await pool.query(
      `INSERT INTO jobs (id, title, company, location, seniority, occupation_code, description, content_hash, updated_at)
       SELECT id, 'Engineer', 'Company ' || (n % 10), CASE WHEN n % 2 = 0 THEN 'Berlin' ELSE 'Paris' END,
              CASE WHEN n % 3 = 0 THEN 'senior' ELSE 'junior' END, '15-1252.0' || (n % 5), 'Builds things', 'hash-' || n, now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [jobIds],
    );
    await pool.query(
      `INSERT INTO resumes (id, text, skills, content_hash, updated_at)
       SELECT id, 'cv', CASE WHEN n % 4 = 0 THEN ARRAY['Python'] ELSE ARRAY['Java'] END, 'r-' || n, now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [resumeIds],
    );
    // The first 100 jobs' vectors go through writeEmbedding; the rest are bulk-loaded (seeded random
    // vectors generated in SQL) and the indexes rebuilt after, as a bulk load does.
    const written = jobIds.slice(0, 100);
    for (const model of [SMALL, LARGE]) {
      const { key, dimension } = (await store.findModel(model))!;
      await pool.query(`DROP INDEX ${modelIndexName('job', { key })}`);
      await pool.query(`SELECT setseed(${key / 100})`);
      await pool.query(
        `INSERT INTO job_embeddings (job_id, model_key, source_hash, embedding)
         SELECT j.id, $1, j.content_hash, array_agg(random() - 0.5 ORDER BY g)::vector::halfvec
           FROM jobs j CROSS JOIN generate_series(1, $2) g WHERE j.id <> ALL($3::uuid[]) GROUP BY j.id, j.content_hash`,
        [key, dimension, written],
      );
      await store.createModelIndexes(model);
    }
    const writes = [
      ...written.map((id, i) => () => store.writeEmbedding('job', id, randomUnitVector(384, i + 1), SMALL, `hash-${i + 1}`)),
      ...written.map((id, i) => () => store.writeEmbedding('job', id, randomUnitVector(768, i + 1), LARGE, `hash-${i + 1}`)),
      ...resumeIds.map((id, i) => () => store.writeEmbedding('resume', id, randomUnitVector(384, 1000 + i), SMALL, `r-${i + 1}`)),
      ...resumeIds.map((id, i) => () => store.writeEmbedding('resume', id, randomUnitVector(768, 1000 + i), LARGE, `r-${i + 1}`)),
    ];
    for (let start = 0; start < writes.length; start += 4) {
      const written = await Promise.all(writes.slice(start, start + 4).map((write) => write()));
      expect(written).toEqual(written.map(() => true));
    }
    await pool.query('ANALYZE jobs; ANALYZE resumes; ANALYZE job_embeddings; ANALYZE resume_embeddings');
  }, 120_000);

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('stores each model at its own dimension as halfvec, one row per entity and model', async () => {
    const { rows } = await pool.query(
      `SELECT m.model_id, vector_dims(e.embedding) AS dims, pg_column_size(e.embedding) AS bytes, count(*)::int AS rows
         FROM job_embeddings e JOIN embedding_models m USING (model_key) GROUP BY 1, 2, 3 ORDER BY 2`,
    );
    // halfvec: 2 bytes a dimension + 8 bytes of header (vector(384) took 1 544).
    expect(rows).toEqual([
      { model_id: SMALL, dims: 384, bytes: 776, rows: JOBS },
      { model_id: LARGE, dims: 768, bytes: 1544, rows: JOBS },
    ]);
  });

  it('searches one model at a time: results are exact for each model, a query of the other dimension is refused', async () => {
    for (const [model, dimension] of [[SMALL, 384], [LARGE, 768]] as const) {
      const query = randomUnitVector(dimension, 5);
      const approximate = await store.nearest('job', query, { modelId: model, limit: 10, efSearch: 200 });
      const exact = await store.nearest('job', query, { modelId: model, limit: 10, exact: true });
      expect(approximate.map((row) => row.id)).toEqual(exact.map((row) => row.id));
      // The distances are those of this model's vectors (seeded: job i has seed i + 1).
      const nearestId = exact[0]!.id;
      const stored = await store.readEmbedding('job', nearestId, model);
      expect(stored!.vector).toHaveLength(dimension);
    }
    await expect(store.nearest('job', randomUnitVector(768, 5), { modelId: SMALL, limit: 10 })).rejects.toThrow(/384-dimensional/);
    await expect(store.nearestWithRows('job', { vector: randomUnitVector(384, 5) }, 'row', { modelId: LARGE, limit: 10 })).rejects.toThrow(/768-dimensional/);
    expect(await store.nearest('job', randomUnitVector(384, 5), { modelId: 'not/registered', limit: 10 })).toEqual([]);
  });

  it('a stored-vector search uses the source row\'s vector of the searched model only', async () => {
    const source = resumeIds[3]!;
    for (const [model, dimension] of [[SMALL, 384], [LARGE, 768]] as const) {
      const { candidates } = await store.nearestWithRows('job', { entity: 'resume', id: source }, 'candidate', { modelId: model, limit: 5 });
      const own = await store.readEmbedding('resume', source, model);
      expect(own!.vector).toHaveLength(dimension);
      // The same HNSW walk from the same vector sent as a query: the same neighbours.
      const byQuery = await store.nearest('job', own!.vector, { modelId: model, limit: 5 });
      expect(candidates!.map((row) => row.id)).toEqual(byQuery.map((row) => row.id));
    }
  });

  const originalQuery = Client.prototype.query;
  /**
   * Runs `search` 8 times on one connection (past the 5 custom plans after which Postgres may switch
   * a prepared statement to its generic plan), then EXPLAINs that very prepared statement with the
   * same values: EXPLAIN EXECUTE makes the plan cache's own custom-or-generic choice.
   */
  async function explainPlan(options: NearestOptions<'job'>, search: (store: VectorStore) => Promise<unknown>): Promise<string> {
    const single = createPgPool({ url: db.url, poolSize: 1 });
    const seen: QueryConfig[] = [];
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const config = args[0] as QueryConfig;
      if (typeof config === 'object' && config?.name?.startsWith('jobmatch_search_')) seen.push(config);
      return originalQuery.apply(this, args as never);
    } as never);
    try {
      const singleStore = new VectorStore(single);
      for (let run = 0; run < 8; run++) await search(singleStore);
      spy.mockRestore();
      const statement = seen.at(-1)!;
      const values = (statement.values ?? []).map((value) =>
        Array.isArray(value) ? `ARRAY[${value.map((item) => escapeLiteral(String(item))).join(',')}]` : typeof value === 'number' ? String(value) : escapeLiteral(String(value)),
      );
      const client = await single.connect();
      try {
        await client.query(`BEGIN; SET LOCAL hnsw.ef_search = ${options.efSearch ?? 100}; SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL enable_seqscan = off`);
        const { rows } = await client.query(`EXPLAIN EXECUTE ${statement.name}(${values.join(', ')})`);
        await client.query('COMMIT');
        return rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
      } finally {
        client.release();
      }
    } finally {
      spy.mockRestore();
      await single.end();
    }
  }
  it('serves searches from the searched model\'s partial HNSW index, with the shared filters, in cached plans', async () => {
    const smallIndex = modelIndexName('job', (await store.findModel(SMALL))!);
    const largeIndex = modelIndexName('job', (await store.findModel(LARGE))!);
    const cases: Array<{ model: string; dimension: number; options: Partial<NearestOptions<'job'>> }> = [
      { model: SMALL, dimension: 384, options: {} },
      { model: SMALL, dimension: 384, options: { filters: { location: 'berlin' } } },
      { model: SMALL, dimension: 384, options: { filters: { seniority: 'senior', occupation: '15-1252.01' } } },
      { model: LARGE, dimension: 768, options: { filters: { company: 'Company 3' } } },
    ];
    for (const { model, dimension, options } of cases) {
      const nearestOptions = { modelId: model, limit: 10, efSearch: 40, ...options };
      const plan = await explainPlan(nearestOptions, (single) => single.nearestWithRows('job', { vector: randomUnitVector(dimension, 9) }, 'row', nearestOptions));
      expect(plan).toContain(`Index Scan using ${model === SMALL ? smallIndex : largeIndex}`);
    }
    // From a stored vector (recommendations). A substring filter (location ILIKE) is left out here:
    // with its pattern unknown to a generic plan Postgres assumes 0.5 % selectivity, and on a table
    // this small it then prefers reading every row and sorting (as it would have before the
    // vectors moved: the same plan was available on the old single table).
    const fromResume = { modelId: LARGE, limit: 10, efSearch: 40, filters: { company: 'Company 1' } };
    const plan = await explainPlan(fromResume, (single) => single.nearestWithRows('job', { entity: 'resume', id: resumeIds[0]! }, 'candidate', fromResume));
    expect(plan).toContain(`Index Scan using ${largeIndex}`);
  });

  it('keeps full pages under a 10 % filter (iterative scan), the same rows as exact search', async () => {
    for (const [model, dimension] of [[SMALL, 384], [LARGE, 768]] as const) {
      // ef_search 10 < limit 30: only iterative scanning can fill the page under the filter.
      const options = { modelId: model, limit: 30, efSearch: 10, filters: { company: 'company 7' } };
      const query = randomUnitVector(dimension, 77);
      const rows = await store.nearestWithRows('job', { vector: query }, 'row', options);
      expect(rows).toHaveLength(30);
      for (const row of rows) expect(row.company).toBe('Company 7');
      const exact = await store.nearest('job', query, { ...options, exact: true });
      const overlap = rows.filter((row) => exact.some((hit) => hit.id === row.id)).length;
      expect(overlap / 30).toBeGreaterThanOrEqual(0.9);
    }
    const python = await store.nearestWithRows('resume', { entity: 'job', id: jobIds[0]! }, 'candidate', { modelId: LARGE, limit: 10, efSearch: 5, filters: { skillsAny: ['Python'] } });
    expect(python.candidates).toHaveLength(10);
    for (const row of python.candidates!) expect(row.skills).toEqual(['Python']);
  });

  it('reports the active model\'s state on the rows; a model being built writes only its vectors', async () => {
    const id = randomUUID();
    await pool.query(`INSERT INTO jobs (id, title, company, description, content_hash, updated_at) VALUES ($1, 'Nurse', 'Clinic', 'Cares', 'h1', now())`, [id]);
    expect(await store.writeEmbedding('job', id, randomUnitVector(768, 3), LARGE, 'h1')).toBe(true);
    const state = () => pool.query(`SELECT embedding_status, embedding_model, embedding_error FROM jobs WHERE id = $1`, [id]).then((r) => r.rows[0]);
    expect(await state()).toEqual({ embedding_status: 'PENDING', embedding_model: null, embedding_error: null });
    // A failure of the model being built does not mark the row; one of the active model does.
    expect(await store.markEmbeddingFailed('job', id, 'h1', 'boom', LARGE)).toBe(false);
    expect(await store.markEmbeddingFailed('job', id, 'h1', 'boom', SMALL)).toBe(true);
    expect(await state()).toEqual({ embedding_status: 'FAILED', embedding_model: null, embedding_error: 'boom' });
    expect(await store.writeEmbedding('job', id, randomUnitVector(384, 3), SMALL, 'h1')).toBe(true);
    expect(await state()).toEqual({ embedding_status: 'READY', embedding_model: SMALL, embedding_error: null });
    // A stale write (content changed meanwhile) stores nothing for either model.
    await pool.query(`UPDATE jobs SET content_hash = 'h2' WHERE id = $1`, [id]);
    expect(await store.writeEmbedding('job', id, randomUnitVector(768, 4), LARGE, 'h1')).toBe(false);
    const { rows } = await pool.query(`SELECT source_hash FROM job_embeddings e JOIN embedding_models m USING (model_key) WHERE job_id = $1 AND m.model_id = $2`, [id, LARGE]);
    expect(rows).toEqual([{ source_hash: 'h1' }]);
    await pool.query('DELETE FROM jobs WHERE id = $1', [id]);
    expect(await store.readEmbedding('job', id, LARGE)).toBeNull();
  });

  it('lists rows without a current vector of a model, and counts its coverage', async () => {
    const id = randomUUID();
    await pool.query(`INSERT INTO jobs (id, title, company, description, content_hash, updated_at) VALUES ($1, 'Chef', 'Bistro', 'Cooks', 'c1', now())`, [id]);
    await store.writeEmbedding('job', id, randomUnitVector(384, 8), SMALL, 'c1');
    await pool.query(`UPDATE jobs SET content_hash = 'c2' WHERE id = $1`, [id]);
    const missingLarge = [];
    let after: string | undefined;
    for (;;) {
      const page = await store.rowsWithoutCurrentVector('job', LARGE, 100, after);
      if (page.length === 0) break;
      missingLarge.push(...page);
      after = page.at(-1)!.id;
    }
    expect(missingLarge).toEqual([{ id, contentHash: 'c2' }]);
    expect(await store.rowsWithoutCurrentVector('job', SMALL, 10)).toEqual([{ id, contentHash: 'c2' }]);
    expect(await store.coverage(SMALL)).toEqual({ job: { rows: JOBS + 1, current: JOBS, stale: 1 }, resume: { rows: 40, current: 40, stale: 0 } });
    expect(await store.coverage(LARGE)).toEqual({ job: { rows: JOBS + 1, current: JOBS, stale: 0 }, resume: { rows: 40, current: 40, stale: 0 } });
    await pool.query('DELETE FROM jobs WHERE id = $1', [id]);
  });
});
