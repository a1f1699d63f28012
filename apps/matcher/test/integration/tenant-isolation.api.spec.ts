import { encodeFloat32, queryEmbeddingCacheKey } from '@jobmatch/contracts';
import { freePort } from '@jobmatch/testing';
import { MODEL_ID, startMatcher, unitVector, type MatcherHarness } from '../support/matcher-harness';

jest.setTimeout(90_000);

type Http = Awaited<ReturnType<MatcherHarness['as']>>['http'];

/**
 * Two tenants with the same content (same texts, same vectors), so any endpoint that forgot the
 * tenant would show the other tenant's rows. Every route of the API (read from the OpenAPI
 * document, so a new route cannot be forgotten here) is called by tenant B with tenant A's ids
 * (404, nothing changed) and with its own (only B's rows).
 */
describe('tenant isolation', () => {
  let h: MatcherHarness;
  const tenants: Record<'a' | 'b', { http: Http; job: string; resume: string; tenantId: string }> = {} as never;
  const covered = new Set<string>();
  const call = (route: string) => covered.add(route);

  const seed = async (http: Http) => {
    const job = await http().post('/api/v1/jobs').send({ title: 'Python Backend Engineer', company: 'Acme', location: 'Berlin', description: 'APIs in Python', requirements: 'Required: Python, Django' }).expect(201);
    const resume = await http().post('/api/v1/resumes').send({ text: 'Senior Python Developer\nLocation: Berlin\nPython, Django, PostgreSQL' }).expect(201);
    await h.embed('job', job.body.id, [1, 0.1]);
    await h.embed('resume', resume.body.id, [1, 0]);
    return { job: job.body.id as string, resume: resume.body.id as string };
  };

  beforeAll(async () => {
    h = await startMatcher({ EMBEDDER_RPC_PORT: String(await freePort()), EMBEDDER_TIMEOUT_MS: '1000', BREAKER_RESET_MS: '60000' });
    for (const name of ['a', 'b'] as const) {
      const { key, http } = await h.as({ tenant: `tenant-${name}`, scopes: ['admin'] });
      tenants[name] = { http, tenantId: key.tenantId, ...(await seed(http)) };
    }
    // Searches are served from the query cache (the embedder is a closed port).
    await h.redis.set(queryEmbeddingCacheKey(h.redisPrefix, MODEL_ID, 'python developer'), encodeFloat32(Float32Array.from(unitVector([1, 0.05]))), 'EX', 300);
  });
  afterAll(() => h?.close());

  it('stores each row under its tenant', async () => {
    const rows = await h.sql<{ id: string; tenant_id: string }>('SELECT id, tenant_id FROM jobs UNION ALL SELECT id, tenant_id FROM resumes');
    for (const name of ['a', 'b'] as const) {
      const { job, resume, tenantId } = tenants[name];
      expect(rows.filter((row) => row.id === job || row.id === resume).map((row) => row.tenant_id)).toEqual([tenantId, tenantId]);
    }
  });

  it("answers 404 for every route given the other tenant's ids, and changes nothing", async () => {
    const { http } = tenants.b;
    const { job, resume } = tenants.a;
    const before = await h.sql('SELECT id, title, updated_at FROM jobs UNION ALL SELECT id, text, updated_at FROM resumes ORDER BY id');
    const notFound = async (route: string, send: () => Promise<{ status: number; body: { code?: string } }>) => {
      call(route);
      const response = await send();
      expect({ route, status: response.status, code: response.body.code }).toEqual({ route, status: 404, code: 'NOT_FOUND' });
    };
    await notFound('get /api/v1/jobs/{id}', () => http().get(`/api/v1/jobs/${job}`));
    await notFound('patch /api/v1/jobs/{id}', () => http().patch(`/api/v1/jobs/${job}`).send({ title: 'Taken over' }));
    await notFound('delete /api/v1/jobs/{id}', () => http().delete(`/api/v1/jobs/${job}`));
    await notFound('get /api/v1/resumes/{id}', () => http().get(`/api/v1/resumes/${resume}`));
    await notFound('get /api/v1/resumes/{id}/export', () => http().get(`/api/v1/resumes/${resume}/export`));
    await notFound('delete /api/v1/resumes/{id}', () => http().delete(`/api/v1/resumes/${resume}`));
    await notFound('get /api/v1/resumes/{id}/recommendations', () => http().get(`/api/v1/resumes/${resume}/recommendations`));
    await notFound('get /api/v1/jobs/{id}/candidates', () => http().get(`/api/v1/jobs/${job}/candidates`));
    await notFound('post /api/v1/matching/calculate', () => http().post('/api/v1/matching/calculate').send({ jobId: job, resumeId: resume }));
    // One id of each tenant in the same request: still not found.
    await notFound('post /api/v1/matching/calculate', () => http().post('/api/v1/matching/calculate').send({ jobId: tenants.b.job, resumeId: resume }));
    await notFound('post /api/v1/matching/calculate', () => http().post('/api/v1/matching/calculate').send({ jobId: job, resumeId: tenants.b.resume }));
    expect(await h.sql('SELECT id, title, updated_at FROM jobs UNION ALL SELECT id, text, updated_at FROM resumes ORDER BY id')).toEqual(before);
  });

  it("lists, searches and recommends only the caller's rows (vector searches included)", async () => {
    for (const [self, other] of [['a', 'b'], ['b', 'a']] as const) {
      const { http, job, resume } = tenants[self];
      const foreign = [tenants[other].job, tenants[other].resume];
      const ids = (items: { id?: string; job?: { id: string }; resume?: { id: string } }[]) => items.map((item) => item.job?.id ?? item.resume?.id ?? item.id);

      call('get /api/v1/jobs');
      const jobs = await http().get('/api/v1/jobs').expect(200);
      expect({ total: jobs.body.total, ids: ids(jobs.body.items) }).toEqual({ total: 1, ids: [job] });
      call('get /api/v1/resumes');
      const resumes = await http().get('/api/v1/resumes').expect(200);
      expect({ total: resumes.body.total, ids: ids(resumes.body.items) }).toEqual({ total: 1, ids: [resume] });

      call('post /api/v1/search');
      const jobHits = await http().post('/api/v1/search').send({ query: 'python developer', target: 'jobs', limit: 10 }).expect(200);
      expect(ids(jobHits.body.results)).toEqual([job]);
      const resumeHits = await http().post('/api/v1/search').send({ query: 'python developer', target: 'resumes', limit: 10 }).expect(200);
      expect(ids(resumeHits.body.results)).toEqual([resume]);

      call('get /api/v1/resumes/{id}/recommendations');
      const recommended = await http().get(`/api/v1/resumes/${resume}/recommendations?limit=10`).expect(200);
      expect(ids(recommended.body.results)).toEqual([job]);
      call('get /api/v1/jobs/{id}/candidates');
      const candidates = await http().get(`/api/v1/jobs/${job}/candidates?limit=10`).expect(200);
      expect(ids(candidates.body.results)).toEqual([resume]);

      call('post /api/v1/matching/calculate');
      await http().post('/api/v1/matching/calculate').send({ jobId: job, resumeId: resume }).expect(200);
      call('get /api/v1/resumes/{id}/export');
      const exported = await http().get(`/api/v1/resumes/${resume}/export`).expect(200);
      expect(exported.body.resume.id).toBe(resume);
      expect(JSON.stringify([jobs.body, resumes.body, jobHits.body, resumeHits.body, recommended.body, candidates.body, exported.body])).not.toMatch(new RegExp(foreign.join('|')));
    }
  });

  it("writes (create, update, delete, upload) only the caller's rows", async () => {
    const { http } = tenants.b;
    call('post /api/v1/jobs');
    const created = await http().post('/api/v1/jobs').send({ title: 'Nurse', company: 'Clinic', description: 'Ward' }).expect(201);
    call('patch /api/v1/jobs/{id}');
    await http().patch(`/api/v1/jobs/${created.body.id}`).send({ company: 'Clinic GmbH' }).expect(200);
    expect((await tenants.a.http().get('/api/v1/jobs').expect(200)).body.total).toBe(1);
    call('delete /api/v1/jobs/{id}');
    await http().delete(`/api/v1/jobs/${created.body.id}`).expect(204);

    call('post /api/v1/resumes');
    call('post /api/v1/resumes/upload');
    const uploaded = await http().post('/api/v1/resumes/upload').attach('file', Buffer.from('Registered nurse, wound care'), { filename: 'cv.txt', contentType: 'text/plain' }).expect(201);
    const [row] = await h.sql<{ tenant_id: string }>('SELECT tenant_id FROM resumes WHERE id = $1', [uploaded.body.id]);
    expect(row!.tenant_id).toBe(tenants.b.tenantId);
    await notFoundFor(tenants.a.http, uploaded.body.id);
    call('delete /api/v1/resumes/{id}');
    await http().delete(`/api/v1/resumes/${uploaded.body.id}`).expect(204);
    expect((await tenants.a.http().get('/api/v1/resumes').expect(200)).body.total).toBe(1);
  });

  async function notFoundFor(http: Http, resumeId: string) {
    await http().get(`/api/v1/resumes/${resumeId}`).expect(404);
  }

  it('has called every route of the API', async () => {
    const { body: document } = await h.http().get('/docs-json').expect(200);
    const routes = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });
});
