import { embeddingJobId, encodeFloat32, queryEmbeddingCacheKey } from '@jobmatch/contracts';
import { ModelRegistry, VectorStore } from '@jobmatch/db';
import { MODEL_ID, startMatcher, unitVector, type MatcherHarness } from '../support/matcher-harness';

jest.setTimeout(60_000);

/**
 * The matcher across a model switch (issue #13), against real Postgres + Redis: before activation
 * every read uses the active 384-d model's vectors; a 768-d model built meanwhile is invisible;
 * after `activate` the same endpoints (without a restart) answer from the new model's vectors only,
 * name it in their responses, and new writes are enqueued for it.
 */
describe('model switch through the matcher API', () => {
  const NEXT = 'switch/next-768';
  let h: MatcherHarness;
  const ids: Record<string, string> = {};
  /** A 768-d unit vector from a few leading components. */
  const wide = (head: number[]) => {
    const vector = Array.from({ length: 768 }, (_, i) => head[i] ?? 0);
    const norm = Math.hypot(...vector);
    return Float32Array.from(vector, (value) => value / norm);
  };

  beforeAll(async () => {
    // Re-read the active model on every request, so the switch is visible at once.
    h = await startMatcher({ ACTIVE_MODEL_REFRESH_MS: '1' });
    const job = (title: string) => ({ title, company: 'Acme', description: `${title} at Acme`, requirements: 'Welding' });
    for (const [key, title] of [['welder', 'Welder'], ['nurse', 'Nurse']] as const) {
      ids[key] = (await h.http().post('/api/v1/jobs').send(job(title)).expect(201)).body.id;
    }
    ids.resume = (await h.http().post('/api/v1/resumes').send({ text: 'Certified welder: MIG, TIG, ten years in shipyards.' }).expect(201)).body.id;
    // The active model: the resume is nearest the welder posting.
    await h.embed('resume', ids.resume, [1, 0]);
    await h.embed('job', ids.welder!, [1, 0.1]);
    await h.embed('job', ids.nurse!, [0.1, 1]);
    // The next model (768-d), built meanwhile: there the resume is nearest the nurse posting.
    const registry = h.app.get(ModelRegistry);
    await registry.register(NEXT, 768);
    const vectors = h.app.get(VectorStore);
    const hashes = await h.sql<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM jobs UNION ALL SELECT id, content_hash FROM resumes`);
    const hash = (id: string) => hashes.find((row) => row.id === id)!.content_hash;
    expect(await vectors.writeEmbedding('resume', ids.resume, wide([0, 0, 1]), NEXT, hash(ids.resume))).toBe(true);
    expect(await vectors.writeEmbedding('job', ids.welder!, wide([0, 0, 0.1, 1]), NEXT, hash(ids.welder!))).toBe(true);
    expect(await vectors.writeEmbedding('job', ids.nurse!, wide([0, 0, 1, 0.1]), NEXT, hash(ids.nurse!))).toBe(true);
    // Query embeddings as the embedder would have cached them, one per model (no embedder runs here).
    await h.redis.set(queryEmbeddingCacheKey(h.redisPrefix, MODEL_ID, 'welding'), encodeFloat32(Float32Array.from(unitVector([1, 0.2]))), 'EX', 60);
    await h.redis.set(queryEmbeddingCacheKey(h.redisPrefix, NEXT, 'welding'), encodeFloat32(wide([0, 0, 0.2, 1])), 'EX', 60);
  });

  afterAll(async () => {
    await h?.close();
  });

  const recommended = async () => (await h.http().get(`/api/v1/resumes/${ids.resume}/recommendations?limit=2`).expect(200)).body;
  const searched = async () => (await h.http().post('/api/v1/search').send({ query: 'welding', target: 'jobs', limit: 2 }).expect(200)).body;

  it('reads the active model until the switch, then the new one only, without a restart', async () => {
    const before = await recommended();
    expect(before.modelId).toBe(MODEL_ID);
    expect(before.results.map((row: { job: { id: string } }) => row.job.id)).toEqual([ids.welder, ids.nurse]);
    expect(await searched()).toMatchObject({ modelId: MODEL_ID, cached: true, results: [{ id: ids.welder }, { id: ids.nurse }] });
    const job = (await h.http().get(`/api/v1/jobs/${ids.welder}`).expect(200)).body;
    expect(job.embedding).toMatchObject({ status: 'READY', model: MODEL_ID });

    await h.app.get(ModelRegistry).activate(NEXT);

    const after = await recommended();
    expect(after.modelId).toBe(NEXT);
    expect(after.results.map((row: { job: { id: string } }) => row.job.id)).toEqual([ids.nurse, ids.welder]);
    expect(after.results[0].similarity).toBeCloseTo(1 / Math.hypot(1, 0.1), 3);
    expect(await searched()).toMatchObject({ modelId: NEXT, cached: true, results: [{ id: ids.welder }, { id: ids.nurse }] });
    expect((await h.http().get(`/api/v1/jobs/${ids.welder}`).expect(200)).body.embedding).toMatchObject({ status: 'READY', model: NEXT });
    const match = (await h.http().post('/api/v1/matching/calculate').send({ jobId: ids.nurse, resumeId: ids.resume }).expect(200)).body;
    expect(match).toMatchObject({ modelId: NEXT });
    expect(match.similarity).toBeCloseTo(1 / Math.hypot(1, 0.1), 3);

    // A new posting is enqueued for the now-active model.
    const created = (await h.http().post('/api/v1/jobs').send({ title: 'Pipe fitter', company: 'Acme', description: 'Fits pipes' }).expect(201)).body;
    const [row] = await h.sql<{ content_hash: string }>(`SELECT content_hash FROM jobs WHERE id = $1`, [created.id]);
    const queued = await h.queue.getJob(embeddingJobId({ entity: 'job', id: created.id, contentHash: row!.content_hash, modelId: NEXT }));
    expect(queued?.data).toMatchObject({ entity: 'job', id: created.id, modelId: NEXT });
  });
});
