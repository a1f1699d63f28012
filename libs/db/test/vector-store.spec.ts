import { createTestDatabase, type TestDatabase } from '@jobmatch/testing';
import { randomUUID } from 'node:crypto';
import type { Client, Pool } from 'pg';
import type { Duplex } from 'node:stream';
import { unitVector as unitVectorOf } from './support/unit-vector';
import { createPgPool, JobRepository, ModelRegistry, ResumeRepository, UnregisteredModelError, VectorStore, toSimilarity } from '../src';

const MODEL = 'test-model';
const DIM = 384;

/** A 384-d unit vector pointing mostly along `axis`, tilted towards `axis + 1` by `tilt`. */
const unitVector = (axis: number, tilt = 0) => unitVectorOf(DIM, axis, tilt);

describe('VectorStore (real Postgres + pgvector)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: VectorStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool({ url: db.url, poolSize: 4 });
    store = new VectorStore(pool);
    // The test model is the active one (row-level embedding state reports the active model's).
    const registry = new ModelRegistry(pool, store);
    await registry.register(MODEL, DIM);
    await registry.activate(MODEL);
    for (const model of ['another-model', 'settings-model']) await registry.register(model, DIM);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function insertJob(fields: { company?: string; location?: string; contentHash?: string } = {}): Promise<string> {
    const id = randomUUID();
    await pool.query(
      `INSERT INTO jobs (id, title, company, location, description, content_hash, updated_at)
       VALUES ($1, 'Engineer', $2, $3, 'Builds things', $4, now())`,
      [id, fields.company ?? 'Acme', fields.location ?? 'Berlin', fields.contentHash ?? 'hash-1'],
    );
    return id;
  }

  it('reads back the vector it wrote at half precision (halfvec), with its model id', async () => {
    const id = await insertJob();
    const vector = new Float32Array(DIM);
    for (let i = 0; i < DIM; i++) vector[i] = Math.fround(Math.sin(i + 1) / 7);

    expect(await store.writeEmbedding('job', id, vector, MODEL, 'hash-1')).toBe(true);
    const stored = await store.readEmbedding('job', id);

    expect(stored?.modelId).toBe(MODEL);
    expect(stored!.vector).toHaveLength(DIM);
    // float16 keeps 11 significant bits: relative error ≤ 2^-11 (values here are ≥ 2^-14, no subnormals).
    for (let i = 0; i < DIM; i++) {
      if (Math.abs(vector[i]!) < 2 ** -14) expect(Math.abs(stored!.vector[i]! - vector[i]!)).toBeLessThanOrEqual(2 ** -25);
      else expect(Math.abs(stored!.vector[i]! - vector[i]!)).toBeLessThanOrEqual(Math.abs(vector[i]!) * 2 ** -11);
    }
    expect(await store.readEmbedding('job', id, MODEL)).toEqual(stored);
    expect(await store.readEmbedding('job', id, 'another-model')).toBeNull();
    const { rows } = await pool.query('SELECT embedding_status FROM jobs WHERE id = $1', [id]);
    expect(rows[0].embedding_status).toBe('READY');
  });

  it('does not overwrite a row whose content changed since the job was queued', async () => {
    const id = await insertJob({ contentHash: 'new-hash' });
    expect(await store.writeEmbedding('job', id, unitVector(0), MODEL, 'old-hash')).toBe(false);
    expect(await store.readEmbedding('job', id)).toBeNull();
  });

  it('refuses zero vectors and vectors of the wrong dimension', async () => {
    const id = await insertJob();
    await expect(store.writeEmbedding('job', id, new Float32Array(DIM), MODEL, 'hash-1')).rejects.toThrow(/zero vector/);
    await expect(store.writeEmbedding('job', id, new Float32Array(10).fill(1), MODEL, 'hash-1')).rejects.toThrow(/384/);
    await expect(store.writeEmbedding('job', id, unitVector(1), 'never-registered', 'hash-1')).rejects.toThrow(UnregisteredModelError);
  });

  it('returns cosine nearest neighbours in order, filtered in SQL, by model', async () => {
    const near = await insertJob({ company: 'Near' });
    const middle = await insertJob({ company: 'Middle', location: 'Paris' });
    const far = await insertJob({ company: 'Far' });
    const otherModel = await insertJob({ company: 'Other' });
    await store.writeEmbedding('job', near, unitVector(10, 0.1), MODEL, 'hash-1');
    await store.writeEmbedding('job', middle, unitVector(10, 1), MODEL, 'hash-1');
    await store.writeEmbedding('job', far, unitVector(11), MODEL, 'hash-1');
    await store.writeEmbedding('job', otherModel, unitVector(10), 'another-model', 'hash-1');

    const query = unitVector(10);
    const results = await store.nearest('job', query, { modelId: MODEL, limit: 3 });
    expect(results.map((r) => r.id)).toEqual([near, middle, far]);
    expect(results[0]!.similarity).toBeGreaterThan(results[1]!.similarity);
    // halfvec: components carry ≈ 3 significant decimal digits.
    expect(results[0]!.similarity).toBeCloseTo(1 / Math.hypot(1, 0.1), 3);

    const exact = await store.nearest('job', query, { modelId: MODEL, limit: 3, exact: true });
    expect(exact.map((r) => r.id)).toEqual([near, middle, far]);

    const inParis = await store.nearest('job', query, { modelId: MODEL, limit: 3, filters: { location: 'paris' } });
    expect(inParis.map((r) => r.id)).toEqual([middle]);

    const fromStored = (await store.nearestWithRows('job', { entity: 'job', id: near }, 'candidate', { modelId: MODEL, limit: 2 })).candidates;
    expect(fromStored?.map((r) => r.id)).toEqual([middle, far]);
  });

  it('computes each similarity in SQL exactly as toSimilarity does, clamped to 0 for opposed vectors', async () => {
    const axis = 60;
    const tilts = [0.05, 0.3, 0.7, 1.4, 3];
    for (const tilt of tilts) await store.writeEmbedding('job', await insertJob({ company: 'Tilted' }), unitVector(axis, tilt), MODEL, 'hash-1');
    const opposed = await insertJob({ company: 'Opposed' });
    await store.writeEmbedding('job', opposed, unitVector(axis, 0.2).map((x) => -x), MODEL, 'hash-1');

    for (const exact of [false, true]) {
      const results = await store.nearest('job', unitVector(axis), { modelId: MODEL, limit: 100, exact, filters: { company: 'Tilted' } });
      expect(results).toHaveLength(tilts.length);
      for (const row of results) expect(row.similarity).toBe(toSimilarity(row.distance));
      const [againstOpposed] = await store.nearest('job', unitVector(axis, 0.2), { modelId: MODEL, limit: 1, exact, filters: { company: 'Opposed' } });
      expect(againstOpposed!.distance).toBeGreaterThan(1.9);
      expect(againstOpposed!.similarity).toBe(0);
    }
  });

  it('returns the candidate fields with the neighbours in one statement (recommendations)', async () => {
    const resume = randomUUID();
    await pool.query(
      `INSERT INTO resumes (id, file_name, text, skills, profile, content_hash, updated_at)
       VALUES ($1, 'cv.pdf', 'Python developer', ARRAY['Python'], '{"location":"Berlin"}', 'hash-r', now())`,
      [resume],
    );
    await store.writeEmbedding('resume', resume, unitVector(40), MODEL, 'hash-r');
    const withRequirements = await insertJob({ company: 'Reqs' });
    const descriptionOnly = await insertJob({ company: 'Prose' });
    await pool.query(`UPDATE jobs SET requirements = 'Python and Django', skills = ARRAY['Python'], required_skills = ARRAY['Python'], seniority = 'senior' WHERE id = $1`, [withRequirements]);
    await pool.query(`UPDATE jobs SET requirements = E'  \n ' WHERE id = $1`, [descriptionOnly]);
    await store.writeEmbedding('job', withRequirements, unitVector(40, 0.1), MODEL, 'hash-1');
    await store.writeEmbedding('job', descriptionOnly, unitVector(40, 0.3), MODEL, 'hash-1');

    const { source, candidates: jobs } = await store.nearestWithRows('job', { entity: 'resume', id: resume }, 'candidate', { modelId: MODEL, limit: 2 });
    expect(source).toEqual(await new ResumeRepository(pool).findById(resume));
    expect(jobs).toEqual([
      expect.objectContaining({ id: withRequirements, title: 'Engineer', company: 'Reqs', location: 'Berlin', seniority: 'senior', employmentType: null, skills: ['Python'], requiredSkills: ['Python'], niceToHaveSkills: [], requirementText: 'Python and Django' }),
      expect.objectContaining({ id: descriptionOnly, company: 'Prose', requirementText: 'Builds things' }),
    ]);
    expect(jobs![0]!.similarity).toBeCloseTo(1 / Math.hypot(1, 0.1), 3);
    // `nearest` reads ids and distances only (the recall measurements' ground truth).
    const plain = await store.nearest('job', unitVector(40), { modelId: MODEL, limit: 2 });
    expect(plain.map((row) => row.id)).toEqual([withRequirements, descriptionOnly]);
    expect(Object.keys(plain[0]!).sort()).toEqual(['distance', 'id', 'similarity']);

    // Whole rows (search): exactly the repository's row, with the distance and similarity.
    const rows = await store.nearestWithRows('job', { vector: unitVector(40) }, 'row', { modelId: MODEL, limit: 2 });
    const jobRepository = new JobRepository(pool);
    expect(rows).toEqual([
      { ...(await jobRepository.findById(withRequirements)), distance: rows[0]!.distance, similarity: rows[0]!.similarity },
      { ...(await jobRepository.findById(descriptionOnly)), distance: rows[1]!.distance, similarity: rows[1]!.similarity },
    ]);
    expect(rows[0]!.similarity).toBe(toSimilarity(rows[0]!.distance));

    const forJob = await store.nearestWithRows('resume', { entity: 'job', id: withRequirements }, 'candidate', { modelId: MODEL, limit: 1 });
    expect(forJob.source).toEqual(await new JobRepository(pool).findById(withRequirements));
    expect(forJob.candidates).toEqual([expect.objectContaining({ id: resume, fileName: 'cv.pdf', text: 'Python developer', skills: ['Python'], profile: { location: 'Berlin' } })]);
    expect(await store.nearestWithRows('job', { entity: 'resume', id: randomUUID() }, 'candidate', { modelId: MODEL, limit: 2 })).toEqual({ source: null, candidates: null });
  });

  it('tells a source without a vector (null) from a search that matched nothing ([])', async () => {
    const source = await insertJob({ company: 'Source' });
    const unembedded = await insertJob({ company: 'Pending' });
    const otherModel = await insertJob({ company: 'Elsewhere' });
    await store.writeEmbedding('job', source, unitVector(20), MODEL, 'hash-1');
    await store.writeEmbedding('job', otherModel, unitVector(20), 'another-model', 'hash-1');

    expect((await store.nearestWithRows('job', { entity: 'job', id: unembedded }, 'candidate', { modelId: MODEL, limit: 5 })).candidates).toBeNull();
    // The same distinction when the source row is read with its candidates.
    const pending = await store.nearestWithRows('job', { entity: 'job', id: unembedded }, 'candidate', { modelId: MODEL, limit: 5 });
    expect(pending).toEqual({ source: expect.objectContaining({ id: unembedded, embeddingStatus: 'PENDING' }), candidates: null });
    const stale = await store.nearestWithRows('job', { entity: 'job', id: otherModel }, 'candidate', { modelId: MODEL, limit: 5 });
    expect(stale.candidates).toBeNull();
    expect(stale.source).not.toHaveProperty('hasVector');
    const nothingMatched = await store.nearestWithRows('job', { entity: 'job', id: source }, 'candidate', { modelId: MODEL, limit: 5, filters: { company: 'No Such Company' } });
    expect(nothingMatched).toEqual({ source: expect.objectContaining({ id: source, embeddingStatus: 'READY' }), candidates: [] });
    expect((await store.nearestWithRows('job', { entity: 'job', id: otherModel }, 'candidate', { modelId: MODEL, limit: 5 })).candidates).toBeNull();
    expect((await store.nearestWithRows('job', { entity: 'job', id: randomUUID() }, 'candidate', { modelId: MODEL, limit: 5 })).candidates).toBeNull();
    const none = (await store.nearestWithRows('job', { entity: 'job', id: source }, 'candidate', { modelId: MODEL, limit: 5, filters: { company: 'No Such Company' } })).candidates;
    expect(none).toEqual([]);
    const exact = (await store.nearestWithRows('job', { entity: 'job', id: source }, 'candidate', { modelId: MODEL, limit: 50, exact: true })).candidates;
    const approximate = (await store.nearestWithRows('job', { entity: 'job', id: source }, 'candidate', { modelId: MODEL, limit: 50, efSearch: 40 })).candidates;
    expect(exact!.length).toBeGreaterThan(0);
    expect(exact!.map((row) => row.id)).not.toContain(source);
    expect(approximate!.map((row) => row.id)).toEqual(exact!.map((row) => row.id));
  });

  it('scopes ef_search and the exact-scan switches to the search transaction', async () => {
    // One connection, so the next query provably runs on the session the search used.
    const single = createPgPool({ url: db.url, poolSize: 1 });
    try {
      const singleStore = new VectorStore(single);
      // Calling a pgvector function loads the extension library, which defines hnsw.* settings.
      await single.query(`SELECT '[1]'::vector`);
      const defaults = await single.query(`SELECT current_setting('hnsw.ef_search') AS ef, current_setting('enable_indexscan') AS indexscan`);
      await singleStore.nearest('job', unitVector(30), { modelId: MODEL, limit: 3, efSearch: 7 });
      await singleStore.nearest('job', unitVector(30), { modelId: MODEL, limit: 3, exact: true });
      const after = await single.query(`SELECT current_setting('hnsw.ef_search') AS ef, current_setting('enable_indexscan') AS indexscan`);
      expect(after.rows[0]).toEqual(defaults.rows[0]);
      expect(after.rows[0].indexscan).toBe('on');
    } finally {
      await single.end();
    }
  });

  it('leaves the connection clean when a pipelined search fails (no open transaction, no leaked settings)', async () => {
    const single = createPgPool({ url: db.url, poolSize: 1 });
    try {
      const singleStore = new VectorStore(single);
      await single.query(`SELECT '[1]'::vector`);
      const defaults = await single.query(`SELECT current_setting('hnsw.ef_search') AS ef`);
      // A malformed id fails inside the search statement, after BEGIN + SET LOCAL went out with it.
      await expect(
        singleStore.nearest('job', unitVector(30), { modelId: MODEL, limit: 3, efSearch: 7, excludeIds: ['not-a-uuid'] }),
      ).rejects.toThrow(/uuid/);
      const after = await single.query(`SELECT current_setting('hnsw.ef_search') AS ef, now() = statement_timestamp() AS "ownTransaction"`);
      expect(after.rows[0]).toEqual({ ef: defaults.rows[0].ef, ownTransaction: true });
      // And the same connection serves the next search normally.
      await expect(singleStore.nearest('job', unitVector(30), { modelId: MODEL, limit: 3 })).resolves.toEqual(expect.any(Array));
    } finally {
      await single.end();
    }
  });


  it('writes a whole search batch (transaction, source row, search, commit) to the socket at once', async () => {
    const single = createPgPool({ url: db.url, poolSize: 1 });
    try {
      const source = await insertJob({ company: 'Batch' });
      await store.writeEmbedding('job', source, unitVector(50), MODEL, 'hash-1');
      const singleStore = new VectorStore(single);
      await singleStore.nearestWithRows('job', { entity: 'job', id: source }, 'candidate', { modelId: MODEL, limit: 3 }); // statements prepared
      const client = (await single.connect()) as unknown as Client;
      const socket = client.connection.stream as Duplex & { _write: Duplex['_write']; _writev: NonNullable<Duplex['_writev']> };
      const writes = [jest.spyOn(socket, '_write'), jest.spyOn(socket, '_writev')];
      client.release();

      const found = await singleStore.nearestWithRows('job', { entity: 'job', id: source }, 'candidate', { modelId: MODEL, limit: 3 });
      expect(found.source?.id).toBe(source);
      // Uncorked, node-postgres would write each protocol message on its own (five or more writes).
      expect(writes.reduce((calls, spy) => calls + spy.mock.calls.length, 0)).toBe(1);
    } finally {
      await single.end();
    }
  });
  it('applies ef_search and iterative scans inside the single search statement', async () => {
    const model = 'settings-model';
    for (let i = 0; i < 60; i++) {
      const id = await insertJob({ company: `Settings ${i}` });
      await store.writeEmbedding('job', id, unitVector(100 + (i % 30), i / 60), model, 'hash-1');
    }
    const single = createPgPool({ url: db.url, poolSize: 1 });
    try {
      // Force the HNSW index on this small table; the session keeps pgvector's defaults otherwise.
      await single.query('SET enable_seqscan = off');
      const query = `[${Array.from(unitVector(100)).join(',')}]`;
      // Without iterative scans an HNSW scan stops after ef_search candidates (40 by default):
      // proof that the model's partial index is used and cannot fill the page on its own.
      const { key } = (await store.findModel(model))!;
      const plain = await single.query(
        `SELECT job_id FROM job_embeddings WHERE model_key = ${key} ORDER BY embedding::halfvec(384) <=> $1::halfvec(384) LIMIT 50`,
        [query],
      );
      expect(plain.rowCount).toBeLessThan(50);
      const singleStore = new VectorStore(single);
      const results = await singleStore.nearest('job', unitVector(100), { modelId: model, limit: 50, efSearch: 10 });
      expect(results).toHaveLength(50);
      const settings = await single.query(`SELECT current_setting('hnsw.ef_search') AS ef, current_setting('hnsw.iterative_scan') AS iterative`);
      expect(settings.rows[0]).toEqual({ ef: '40', iterative: 'off' });
    } finally {
      await single.end();
    }
  });

  it('computes the similarity of a stored job and resume in SQL, null without vectors of the model', async () => {
    const job = await insertJob({ company: 'Pair' });
    const resume = randomUUID();
    await pool.query(`INSERT INTO resumes (id, text, content_hash, updated_at) VALUES ($1, 'cv', 'hash-r', now())`, [resume]);
    expect(await store.storedSimilarity(job, resume, MODEL)).toBeNull();
    await store.writeEmbedding('job', job, unitVector(70), MODEL, 'hash-1');
    expect(await store.storedSimilarity(job, resume, MODEL)).toBeNull();
    await store.writeEmbedding('resume', resume, unitVector(70, 0.5), MODEL, 'hash-r');
    expect(await store.storedSimilarity(job, resume, MODEL)).toBeCloseTo(1 / Math.hypot(1, 0.5), 3);
    expect(await store.storedSimilarity(job, resume, 'another-model')).toBeNull();
    await store.writeEmbedding('resume', resume, unitVector(70).map((x) => -x), MODEL, 'hash-r');
    expect(await store.storedSimilarity(job, resume, MODEL)).toBe(0);
  });

  it('maps cosine distance to a similarity in [0, 1]', () => {
    expect(toSimilarity(0)).toBe(1);
    expect(toSimilarity(1)).toBe(0);
    expect(toSimilarity(1.7)).toBe(0);
    expect(toSimilarity(0.25)).toBeCloseTo(0.75);
  });
});
