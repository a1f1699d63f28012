import { embeddingJobId, encodeFloat32, queryEmbeddingCacheKey } from '@jobmatch/contracts';
import { IdempotencyKeyRepository } from '@jobmatch/db';
import { freePort } from '@jobmatch/testing';
import { requestFingerprint } from '../../src/common/idempotency.interceptor';
import { makePdf } from '../support/documents';
import { MODEL_ID, startMatcher, unitVector, type MatcherHarness } from '../support/matcher-harness';

jest.setTimeout(60_000);

/** externalId upserts, Idempotency-Key on POSTs, and job status/expiry, against real Postgres + Redis. */
describe('external ids, Idempotency-Key and job lifecycle', () => {
  let h: MatcherHarness;

  beforeAll(async () => {
    h = await startMatcher({ EMBEDDER_RPC_PORT: String(await freePort()), IDEMPOTENCY_TTL_SECONDS: '60' });
  });
  afterAll(() => h?.close());

  const job = (overrides: Record<string, unknown> = {}) => ({
    title: 'Data Engineer',
    company: 'Northwind',
    description: 'Build batch and streaming pipelines with Spark and Kafka.',
    requirements: 'Required: Python, Spark.',
    ...overrides,
  });
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    (await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0]!.n;

  describe('externalId', () => {
    it('creates (201), replaces by externalId (200) and re-embeds only a changed text', async () => {
      const created = await h.http().post('/api/v1/jobs').send(job({ externalId: 'ats-1' })).expect(201);
      expect(created.body).toMatchObject({ externalId: 'ats-1', status: 'open', expiresAt: null, active: true, embedding: { status: 'PENDING', queued: true } });

      // Same posting again: the same row, nothing written, nothing queued.
      const same = await h.http().post('/api/v1/jobs').send(job({ externalId: 'ats-1' })).expect(200);
      expect(same.body.id).toBe(created.body.id);
      expect(same.body.updatedAt).toBe(created.body.updatedAt);
      expect(same.body.embedding.queued).toBe(false);

      // Only the company changed: replaced, its embedding state kept.
      await h.embed('job', created.body.id, [1, 0]);
      const renamed = await h.http().post('/api/v1/jobs').send(job({ externalId: 'ats-1', company: 'Northwind Traders' })).expect(200);
      expect(renamed.body).toMatchObject({ id: created.body.id, company: 'Northwind Traders', embedding: { status: 'READY' } });

      // The text changed: PENDING again and a job for the new hash queued.
      const changed = await h.http().post('/api/v1/jobs').send(job({ externalId: 'ats-1', description: 'Own the data platform on Postgres.' })).expect(200);
      expect(changed.body.embedding).toMatchObject({ status: 'PENDING', queued: true });
      const [row] = await h.sql<{ content_hash: string }>('SELECT content_hash FROM jobs WHERE id = $1', [created.body.id]);
      expect(await h.queue.getJob(embeddingJobId({ entity: 'job', id: created.body.id, contentHash: row!.content_hash, modelId: MODEL_ID }))).toBeDefined();
      expect(await count('jobs', 'external_id = $1', ['ats-1'])).toBe(1);
    });

    it('validates externalId like every field, and answers 409 when a PATCH takes another job’s externalId', async () => {
      const bad = await h.http().post('/api/v1/jobs').send(job({ externalId: 'tab\there' })).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(bad.body.message).toMatch(/externalId/);
      await h.http().post('/api/v1/jobs').send(job({ externalId: 'x'.repeat(201) })).expect(400);
      const other = await h.http().post('/api/v1/jobs').send(job({ externalId: 'ats-2' })).expect(201);
      const taken = await h.http().patch(`/api/v1/jobs/${other.body.id}`).send({ externalId: 'ats-1' }).expect(409);
      expect(taken.body).toMatchObject({ statusCode: 409, code: 'EXTERNAL_ID_TAKEN' });
    });

    it('upserts resumes by externalId, from JSON text and from an upload form field', async () => {
      const text = 'Data engineer\n5 years of Python, Spark and Kafka.';
      const first = await h.http().post('/api/v1/resumes').send({ text, externalId: 'cand-1' }).expect(201);
      expect(first.body.externalId).toBe('cand-1');
      const again = await h.http().post('/api/v1/resumes').send({ text: `${text}\nAirflow too.`, externalId: 'cand-1' }).expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.skills).toContain('Apache Airflow');

      const pdf = await makePdf([['Site reliability engineer', 'Kubernetes, Terraform and Go.']]);
      const uploaded = await h.http().post('/api/v1/resumes/upload').field('externalId', 'cand-2').attach('file', pdf, { filename: 'cv.pdf', contentType: 'application/pdf' }).expect(201);
      expect(uploaded.body).toMatchObject({ externalId: 'cand-2', fileName: 'cv.pdf' });
      const reuploaded = await h.http().post('/api/v1/resumes/upload').field('externalId', 'cand-2').attach('file', pdf, { filename: 'cv.pdf', contentType: 'application/pdf' }).expect(200);
      expect(reuploaded.body.id).toBe(uploaded.body.id);
      await h.http().post('/api/v1/resumes/upload').field('externalId', ' ').attach('file', pdf, { filename: 'cv.pdf', contentType: 'application/pdf' }).expect(400);
      expect(await count('resumes', 'external_id IN ($1, $2)', ['cand-1', 'cand-2'])).toBe(2);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response to a retry and creates nothing more', async () => {
      const before = await count('jobs');
      const first = await h.http().post('/api/v1/jobs').set('Idempotency-Key', 'key-1').send(job({ title: 'Idempotent Engineer' })).expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const retry = await h.http().post('/api/v1/jobs').set('Idempotency-Key', 'key-1').send(job({ title: 'Idempotent Engineer' })).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await count('jobs')).toBe(before + 1);
      // Key order in the body does not make it another request.
      const reordered = Object.fromEntries(Object.entries(job({ title: 'Idempotent Engineer' })).reverse());
      await h.http().post('/api/v1/jobs').set('Idempotency-Key', 'key-1').send(reordered).expect(201);
      expect(await count('jobs')).toBe(before + 1);
    });

    it('answers 422 for the same key with another body, 409 while the first is in flight, 400 for a malformed key', async () => {
      await h.http().post('/api/v1/jobs').set('Idempotency-Key', 'key-2').send(job()).expect(201);
      const reused = await h.http().post('/api/v1/jobs').set('Idempotency-Key', 'key-2').send(job({ title: 'Something else' })).expect(422);
      expect(reused.body).toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
      // A key another request holds while running (claimed, no response yet).
      await h.app.get(IdempotencyKeyRepository).claim(`${h.apiKey.tenantId} POST /api/v1/jobs`, 'key-3', requestFingerprint(job()), 60);
      const inFlight = await h.http().post('/api/v1/jobs').set('Idempotency-Key', 'key-3').send(job()).expect(409);
      expect(inFlight.body).toMatchObject({ code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' });
      expect(inFlight.headers['retry-after']).toBe('1');
      await h.http().post('/api/v1/jobs').set('Idempotency-Key', 'has space').send(job()).expect(400);
      // Keys are per route: the same key on resumes is another request.
      await h.http().post('/api/v1/resumes').set('Idempotency-Key', 'key-2').send({ text: 'Python developer with Django.' }).expect(201);
    });

    it('frees the key of a failed request, so its corrected retry runs', async () => {
      await h.http().post('/api/v1/resumes').set('Idempotency-Key', 'key-4').send({ fileName: 'cv.txt' }).expect(400);
      await h.http().post('/api/v1/resumes').set('Idempotency-Key', 'key-4').send({ text: '...' }).expect(422);
      await h.http().post('/api/v1/resumes').set('Idempotency-Key', 'key-4').send({ text: '...' }).expect(422);
      expect(await count('idempotency_keys', 'key = $1', ['key-4'])).toBe(0);
    });

    it('lets exactly one of concurrent requests with one key create the job', async () => {
      const before = await count('jobs');
      const body = job({ title: 'Concurrent Engineer' });
      const responses = await Promise.all(Array.from({ length: 6 }, () => h.http().post('/api/v1/jobs').set('Idempotency-Key', 'key-6').send(body)));
      const statuses = responses.map((response) => response.status);
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      expect(statuses).toContain(201);
      expect(await count('jobs')).toBe(before + 1);
    });

    it('guards uploads by the file itself', async () => {
      const pdf = await makePdf([['Nurse', 'Intensive care, 8 years.']]);
      const other = await makePdf([['Welder', 'TIG and MIG welding.']]);
      const send = (file: Buffer) => h.http().post('/api/v1/resumes/upload').set('Idempotency-Key', 'key-5').attach('file', file, { filename: 'cv.pdf', contentType: 'application/pdf' });
      const first = await send(pdf).expect(201);
      const retry = await send(pdf).expect(201);
      expect(retry.body.id).toBe(first.body.id);
      await send(other).expect(422);
    });
  });

  describe('job status and expiry', () => {
    it('never searches or lists closed or expired jobs by default, and never recommends them', async () => {
      const open = await h.http().post('/api/v1/jobs').send(job({ title: 'Open Role', externalId: 'life-open' })).expect(201);
      const closed = await h.http().post('/api/v1/jobs').send(job({ title: 'Closed Role', status: 'closed' })).expect(201);
      const expired = await h.http().post('/api/v1/jobs').send(job({ title: 'Expired Role', expiresAt: new Date(Date.now() - 60_000).toISOString() })).expect(201);
      const later = await h.http().post('/api/v1/jobs').send(job({ title: 'Expiring Later', expiresAt: new Date(Date.now() + 3_600_000).toISOString() })).expect(201);
      expect(closed.body).toMatchObject({ status: 'closed', active: false });
      expect(expired.body.active).toBe(false);
      expect(later.body.active).toBe(true);
      // Distinct vectors: HNSW graphs of identical points lose some of them.
      for (const [index, id] of [open.body.id, closed.body.id, expired.body.id, later.body.id].entries()) await h.embed('job', id, [1, 0.05 * (index + 1), 0.02 * index]);

      await h.redis.set(queryEmbeddingCacheKey(h.redisPrefix, MODEL_ID, 'lifecycle query'), encodeFloat32(Float32Array.from(unitVector([1, 0]))), 'EX', 60);
      const search = await h.http().post('/api/v1/search').send({ query: 'lifecycle query', target: 'jobs', limit: 50 }).expect(200);
      const found = search.body.results.map((r: { id: string }) => r.id);
      expect(found).toEqual(expect.arrayContaining([open.body.id, later.body.id]));
      expect(found).not.toContain(closed.body.id);
      expect(found).not.toContain(expired.body.id);
      const all = await h.http().post('/api/v1/search').send({ query: 'lifecycle query', target: 'jobs', limit: 50, filters: { includeClosed: true } }).expect(200);
      expect(all.body.results.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([closed.body.id, expired.body.id]));

      const listed = await h.http().get('/api/v1/jobs?limit=100').expect(200);
      expect(listed.body.items.map((j: { id: string }) => j.id)).not.toContain(closed.body.id);
      const listedAll = await h.http().get('/api/v1/jobs?limit=100&includeClosed=true').expect(200);
      expect(listedAll.body.items.map((j: { id: string }) => j.id)).toEqual(expect.arrayContaining([closed.body.id, expired.body.id]));

      const resume = await h.http().post('/api/v1/resumes').send({ text: 'Data engineer with Python and Spark.' }).expect(201);
      await h.embed('resume', resume.body.id, [1, 0]);
      const recommended = await h.http().get(`/api/v1/resumes/${resume.body.id}/recommendations?limit=50`).expect(200);
      const ids = recommended.body.results.map((r: { job: { id: string } }) => r.job.id);
      expect(ids).toContain(open.body.id);
      expect(ids).not.toContain(closed.body.id);
      expect(ids).not.toContain(expired.body.id);
      // Recommendations have no way to ask for closed jobs.
      await h.http().get(`/api/v1/resumes/${resume.body.id}/recommendations?includeClosed=true`).expect(400);

      // Closing by PATCH takes effect at once; reopening brings it back.
      await h.http().patch(`/api/v1/jobs/${open.body.id}`).send({ status: 'closed' }).expect(200);
      const afterClose = await h.http().get(`/api/v1/resumes/${resume.body.id}/recommendations?limit=50`).expect(200);
      expect(afterClose.body.results.map((r: { job: { id: string } }) => r.job.id)).not.toContain(open.body.id);
      const reopened = await h.http().patch(`/api/v1/jobs/${open.body.id}`).send({ status: 'open', expiresAt: null }).expect(200);
      expect(reopened.body).toMatchObject({ status: 'open', expiresAt: null, active: true });
    });

    it('rejects an unknown status and a malformed expiry', async () => {
      await h.http().post('/api/v1/jobs').send(job({ status: 'paused' })).expect(400);
      const bad = await h.http().post('/api/v1/jobs').send(job({ expiresAt: 'next tuesday' })).expect(400);
      expect(bad.body.message).toMatch(/expiresAt/);
    });
  });
});
