import { encodeFloat32, queryEmbeddingCacheKey } from '@jobmatch/contracts';
import { freePort } from '@jobmatch/testing';
import { MODEL_ID, startMatcher, unitVector, type MatcherHarness } from '../support/matcher-harness';

jest.setTimeout(60_000);

/**
 * Search, recommendations, match calculation and health against real Postgres + Redis, with
 * hand-made vectors written through the shared VectorStore (so similarities are known exactly)
 * and the embedder pointed at a closed port (so every model call fails).
 */
describe('search, recommendations and matching API', () => {
  let h: MatcherHarness;
  const ids: Record<string, string> = {};

  const createJob = async (key: string, body: Record<string, unknown>, vector?: number[]) => {
    const { body: job } = await h.http().post('/api/v1/jobs').send({ company: 'Acme', description: `${key} role`, ...body }).expect(201);
    ids[key] = job.id;
    if (vector) await h.embed('job', job.id, vector);
  };

  beforeAll(async () => {
    h = await startMatcher({ EMBEDDER_RPC_PORT: String(await freePort()), EMBEDDER_TIMEOUT_MS: '1000', BREAKER_RESET_MS: '60000' });
    // Vectors in the first two dimensions: the angle to the resume decides the similarity.
    await createJob('python', { title: 'Python Backend Engineer', location: 'Berlin', seniority: 'senior', requirements: 'Required: Python, Django, PostgreSQL' }, [1, 0.1]);
    await createJob('nurse', { title: 'Registered Nurse', location: 'Munich', seniority: 'mid', requirements: 'Required: patient care, wound care' }, [1, 0.2]);
    await createJob('go', { title: 'Go Developer', location: 'Berlin', seniority: 'mid', requirements: 'Required: Go, Kubernetes' }, [0.2, 1]);
    await createJob('pending', { title: 'Pending Job', requirements: 'Python' });
    const resume = await h.http().post('/api/v1/resumes').send({ text: 'Senior Python Developer\nLocation: Berlin\nDjango, PostgreSQL and REST APIs' }).expect(201);
    ids.resume = resume.body.id;
    await h.embed('resume', ids.resume, [1, 0]);
    const pending = await h.http().post('/api/v1/resumes').send({ text: 'Junior Go developer' }).expect(201);
    ids.pendingResume = pending.body.id;
    const failed = await h.http().post('/api/v1/resumes').send({ text: 'Accountant with SAP' }).expect(201);
    ids.failedResume = failed.body.id;
    await h.sql(`UPDATE resumes SET embedding_status = 'FAILED', embedding_error = 'model crashed' WHERE id = $1`, [ids.failedResume]);
  });
  afterAll(() => h?.close());

  describe('recommendations (stored vectors, no model call)', () => {
    it('returns jobs re-ranked by the match score with the breakdown and explanation', async () => {
      const { body } = await h.http().get(`/api/v1/resumes/${ids.resume}/recommendations?limit=3`).expect(200);
      expect(body).toMatchObject({ resumeId: ids.resume, modelId: MODEL_ID });
      expect(body.results.map((r: { job: { id: string } }) => r.job.id)).toEqual([ids.python, ids.nurse, ids.go]);
      const [python, nurse] = body.results;
      expect(python.rank).toBe(1);
      expect(python.similarity).toBeCloseTo(1 / Math.hypot(1, 0.1), 3);
      expect(python.match.factors.skills.score).toBe(1);
      expect(python.match.factors.other).toMatchObject({ location: 1, seniority: 1 });
      expect(python.match.explanation.matchedSkills.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Python', 'Django', 'PostgreSQL']));
      expect(python.match.explanation.strongestRequirementLines[0].matchedSkills).toEqual(expect.arrayContaining(['Python']));
      expect(nurse.match.explanation.missingRequiredSkills.length).toBeGreaterThan(0);
      expect(nurse.match.score).toBeLessThan(python.match.score);
    });

    it('lists each job as a compact summary with a bounded explanation (the full posting stays at GET /jobs/:id)', async () => {
      const { body } = await h.http().get(`/api/v1/resumes/${ids.resume}/recommendations?limit=3`).expect(200);
      const full = await h.http().get(`/api/v1/jobs/${ids.python}`).expect(200);
      const python = body.results.find((r: { job: { id: string } }) => r.job.id === ids.python);
      const { id, title, company, location, seniority, employmentType, skills, occupation } = full.body;
      expect(python.job).toEqual({ id, title, company, location, seniority, employmentType, skills, occupation });
      for (const result of body.results) {
        const lines = result.match.explanation.strongestRequirementLines as { text: string; matchedTerms: string[] }[];
        expect(lines.length).toBeLessThanOrEqual(3);
        for (const line of lines) {
          expect(line.text.length).toBeLessThanOrEqual(200);
          expect(line.matchedTerms.length).toBeLessThanOrEqual(8);
        }
      }
    });

    it('re-ranks: a semantically closer job with no skill overlap loses to a matching one', async () => {
      // The nurse job's vector is barely further than the python job's; make it the closest.
      await h.embed('job', ids.nurse, [1, 0.01]);
      const { body } = await h.http().get(`/api/v1/resumes/${ids.resume}/recommendations?limit=2`).expect(200);
      expect(body.results[0].job.id).toBe(ids.python);
      expect(body.results[1].similarity).toBeGreaterThan(body.results[0].similarity);
      await h.embed('job', ids.nurse, [1, 0.2]);
    });

    it('applies filters in SQL', async () => {
      const { body } = await h.http().get(`/api/v1/resumes/${ids.resume}/recommendations?location=berlin&seniority=mid`).expect(200);
      expect(body.results.map((r: { job: { id: string } }) => r.job.id)).toEqual([ids.go]);
    });

    it('answers 409 with the status while the resume is pending or failed', async () => {
      const pending = await h.http().get(`/api/v1/resumes/${ids.pendingResume}/recommendations`).expect(409);
      expect(pending.body).toMatchObject({ statusCode: 409, code: 'EMBEDDING_NOT_READY', details: { entity: 'resume', embeddingStatus: 'PENDING' } });
      expect(pending.headers['retry-after']).toBe('2');
      const failed = await h.http().get(`/api/v1/resumes/${ids.failedResume}/recommendations`).expect(409);
      expect(failed.body.details).toMatchObject({ embeddingStatus: 'FAILED', embeddingError: 'model crashed' });
      expect(failed.body.message).toMatch(/could not be embedded/);
      const job = await h.http().get(`/api/v1/jobs/${ids.pending}/candidates`).expect(409);
      expect(job.body.details).toMatchObject({ entity: 'job', embeddingStatus: 'PENDING' });
    });

    it('answers 404 / 400 for unknown or malformed ids and bad parameters', async () => {
      await h.http().get('/api/v1/resumes/6f1c3a52-4f0e-4c7e-9d55-2f4b7f1d9a10/recommendations').expect(404);
      await h.http().get('/api/v1/jobs/6f1c3a52-4f0e-4c7e-9d55-2f4b7f1d9a10/candidates').expect(404);
      await h.http().get('/api/v1/resumes/abc/recommendations').expect(400);
      await h.http().get(`/api/v1/resumes/${ids.resume}/recommendations?limit=0`).expect(400);
      await h.http().get(`/api/v1/resumes/${ids.resume}/recommendations?seniority=guru`).expect(400);
      await h.http().get(`/api/v1/resumes/${ids.resume}/recommendations?color=red`).expect(400);
    });

    it('returns candidates for a job, filterable by skills', async () => {
      const { body } = await h.http().get(`/api/v1/jobs/${ids.python}/candidates`).expect(200);
      expect(body.results).toHaveLength(1);
      expect(body.results[0]).toMatchObject({ rank: 1, resume: { id: ids.resume } });
      expect(body.results[0].match.factors.skills.score).toBe(1);
      // A summary: contact-free profile and skills, never the stored text.
      const full = await h.http().get(`/api/v1/resumes/${ids.resume}`).expect(200);
      expect(body.results[0].resume).toEqual({ id: ids.resume, fileName: full.body.fileName, skills: full.body.skills, profile: full.body.profile, occupation: full.body.occupation });
      const filtered = await h.http().get(`/api/v1/jobs/${ids.python}/candidates?skills=Kubernetes,Go`).expect(200);
      expect(filtered.body.results).toEqual([]);
    });
  });

  describe('POST /matching/calculate', () => {
    it('scores a pair from the stored vectors with an explanation', async () => {
      const { body } = await h.http().post('/api/v1/matching/calculate').send({ jobId: ids.python, resumeId: ids.resume }).expect(200);
      expect(body).toMatchObject({ jobId: ids.python, resumeId: ids.resume, modelId: MODEL_ID });
      expect(body.similarity).toBeCloseTo(1 / Math.hypot(1, 0.1), 3);
      expect(body.score).toBeGreaterThan(90);
      expect(body.score).toBeLessThanOrEqual(100);
      // The defaults (libs/config), chosen on the labelled relevance set (BENCHMARKS.md).
      expect(body.factors.semantic.weight).toBe(0.45);
      expect(body.factors.skills.weight).toBe(0.45);
      expect(body.factors.other.weight).toBe(0.1);
      expect(body.explanation.summary).toMatch(/Strong match/);

      const weak = await h.http().post('/api/v1/matching/calculate').send({ jobId: ids.go, resumeId: ids.resume }).expect(200);
      expect(weak.body.score).toBeLessThan(body.score);
      expect(weak.body.explanation.missingRequiredSkills.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Go', 'Kubernetes']));
    });

    it('answers 409 for a pending side, 404 for unknown ids, 400 for bad input', async () => {
      const pending = await h.http().post('/api/v1/matching/calculate').send({ jobId: ids.pending, resumeId: ids.resume }).expect(409);
      expect(pending.body.details).toMatchObject({ entity: 'job', embeddingStatus: 'PENDING' });
      await h.http().post('/api/v1/matching/calculate').send({ jobId: ids.python, resumeId: ids.pendingResume }).expect(409);
      await h.http().post('/api/v1/matching/calculate').send({ jobId: '6f1c3a52-4f0e-4c7e-9d55-2f4b7f1d9a10', resumeId: ids.resume }).expect(404);
      const invalid = await h.http().post('/api/v1/matching/calculate').send({ jobId: 'x', resumeId: ids.resume, extra: 1 }).expect(400);
      expect(invalid.body.message).toMatch(/jobId/);
      expect(invalid.body.message).toMatch(/extra/);
    });
  });

  describe('POST /search', () => {
    const cacheQuery = async (text: string, head: number[]) => {
      const key = queryEmbeddingCacheKey(h.redisPrefix, MODEL_ID, text);
      await h.redis.set(key, encodeFloat32(Float32Array.from(unitVector(head))), 'EX', 60);
    };

    it('serves a cached query embedding without the embedder, ranked by cosine similarity, filters in SQL', async () => {
      await cacheQuery('python backend', [1, 0]);
      const { body } = await h.http().post('/api/v1/search').send({ query: '  python   backend ', target: 'jobs', limit: 2 }).expect(200);
      expect(body).toMatchObject({ target: 'jobs', modelId: MODEL_ID, cached: true });
      expect(body.results.map((r: { id: string; rank: number }) => [r.rank, r.id])).toEqual([[1, ids.python], [2, ids.nurse]]);
      expect(body.results[0].similarity).toBeGreaterThan(body.results[1].similarity);
      expect(body.results[0].similarity).toBeLessThanOrEqual(1);
      expect(body.results[0].job.title).toBe('Python Backend Engineer');

      const filtered = await h.http().post('/api/v1/search').send({ query: 'python backend', target: 'jobs', filters: { location: 'Munich' } }).expect(200);
      expect(filtered.body.results.map((r: { id: string }) => r.id)).toEqual([ids.nurse]);

      const resumes = await h.http().post('/api/v1/search').send({ query: 'python backend', target: 'resumes', filters: { skillsAny: ['Django'] } }).expect(200);
      expect(resumes.body.results.map((r: { id: string }) => r.id)).toEqual([ids.resume]);
    });

    it.each([
      ['missing query', { target: 'jobs' }],
      ['empty query', { query: '', target: 'jobs' }],
      ['over-long query', { query: 'x'.repeat(2001), target: 'jobs' }],
      ['unknown target', { query: 'x', target: 'companies' }],
      ['limit too high', { query: 'x', target: 'jobs', limit: 500 }],
      ['unknown filter', { query: 'x', target: 'jobs', filters: { salary: 3 } }],
      ['job filter on resumes', { query: 'x', target: 'resumes', filters: { location: 'Berlin' } }],
      ['unknown field', { query: 'x', target: 'jobs', page: 2 }],
    ])('rejects %s with 400', async (_name, body) => {
      const response = await h.http().post('/api/v1/search').send(body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    });

    it('answers 503 with Retry-After when the embedder is down, and the breaker then fails fast', async () => {
      const first = await h.http().post('/api/v1/search').send({ query: 'uncached query 1', target: 'jobs' }).expect(503);
      expect(first.body).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE', details: { dependency: 'embedder' } });
      expect(Number(first.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      for (let i = 2; i <= 3; i++) await h.http().post('/api/v1/search').send({ query: `uncached query ${i}`, target: 'jobs' }).expect(503);

      const started = Date.now();
      const open = await h.http().post('/api/v1/search').send({ query: 'uncached query 4', target: 'jobs' }).expect(503);
      expect(open.body.message).toMatch(/circuit open/);
      // BREAKER_RESET_MS is 60 s here: Retry-After says how long the circuit stays open.
      expect(Number(open.headers['retry-after'])).toBeGreaterThan(50);
      expect(Date.now() - started).toBeLessThan(500);

      // Cached queries keep working and writes still succeed while the embedder is out.
      await h.http().post('/api/v1/search').send({ query: 'python backend', target: 'jobs' }).expect(200);
      const write = await h.http().post('/api/v1/jobs').send({ title: 'Written during outage', company: 'Acme', description: 'Still accepted' }).expect(201);
      expect(write.body.embedding).toMatchObject({ status: 'PENDING', queued: true });
    });
  });

  describe('health and docs', () => {
    it('is live, and not ready while the embedder is unreachable', async () => {
      await h.http().get('/health').expect(200, { status: 'ok' });
      const ready = await h.http().get('/health/ready').expect(503);
      expect(ready.body).toMatchObject({ statusCode: 503, code: 'NOT_READY', message: 'Not ready: embedder unavailable' });
      expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' }, embedder: { status: 'down' } });
    });

    it('exposes per-route HTTP latency and status counts, the breaker state and the query cache on /metrics', async () => {
      const metrics = (await h.http().get('/metrics').expect(200)).text;
      const value = (series: string) => Number(metrics.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1]);
      // The searches of the embedder outage above: route patterns, never raw URLs.
      expect(value('http_requests_total{method="POST",route="/api/v1/search",status_code="503"}')).toBeGreaterThanOrEqual(4);
      expect(value('http_requests_total{method="POST",route="/api/v1/search",status_code="200"}')).toBeGreaterThanOrEqual(1);
      expect(value('http_request_duration_seconds_count{method="POST",route="/api/v1/search"}')).toBeGreaterThanOrEqual(5);
      expect(value('http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/v1/resumes/:id/recommendations"}')).toBeGreaterThanOrEqual(1);
      expect(metrics).not.toContain(`route="/api/v1/resumes/${ids.resume}`);
      // BREAKER_RESET_MS is 60 s: the breaker the outage opened is still open.
      expect(value('matcher_embedder_circuit_breaker_state{state="open"}')).toBe(1);
      expect(value('matcher_embedder_circuit_breaker_state{state="closed"}')).toBe(0);
      expect(value('matcher_query_cache_hits_total')).toBeGreaterThanOrEqual(1);
      expect(metrics).toContain('# TYPE http_request_duration_seconds histogram');
    });

    it('documents every endpoint in OpenAPI', async () => {
      const { body } = await h.http().get('/docs-json').expect(200);
      expect(Object.keys(body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/jobs',
          '/api/v1/jobs/{id}',
          '/api/v1/resumes',
          '/api/v1/resumes/upload',
          '/api/v1/resumes/{id}',
          '/api/v1/search',
          '/api/v1/resumes/{id}/recommendations',
          '/api/v1/jobs/{id}/candidates',
          '/api/v1/matching/calculate',
        ]),
      );
      const recommendation = body.components.schemas.JobRecommendationDto.properties.job;
      expect(JSON.stringify(recommendation)).toContain('JobSummaryDto');
      expect(Object.keys(body.components.schemas.JobSummaryDto.properties)).toEqual(['id', 'title', 'company', 'location', 'seniority', 'employmentType', 'skills', 'occupation']);
      expect(Object.keys(body.components.schemas.ResumeSummaryDto.properties)).toEqual(['id', 'fileName', 'skills', 'profile', 'occupation']);
    });
  });
});
