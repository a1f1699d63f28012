import { randomUUID } from 'node:crypto';
import { freePort } from '@jobmatch/testing';
import { startMatcher, type MatcherHarness } from '../support/matcher-harness';

jest.setTimeout(60_000);

/**
 * The matcher with Postgres unreachable (its DATABASE_URL points at a port nothing listens on;
 * Redis is up). Every route that needs the database answers 503 with Retry-After and the stable
 * error shape, never a 500 with a stack trace; routes that do not need it keep working.
 */
describe('matcher with Postgres down', () => {
  let h: MatcherHarness;

  beforeAll(async () => {
    const closedPort = await freePort();
    h = await startMatcher({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${closedPort}/jobmatch_unreachable`,
      EMBEDDER_RPC_PORT: String(await freePort()),
    });
  });
  afterAll(() => h?.close());

  const id = randomUUID();
  const job = { title: 'Python Backend Engineer', company: 'Acme', description: 'Build REST APIs in Python.' };
  const routes: Array<[string, () => ReturnType<ReturnType<MatcherHarness['http']>['get']>]> = [
    ['GET /jobs', () => h.http().get('/api/v1/jobs')],
    ['GET /jobs/:id', () => h.http().get(`/api/v1/jobs/${id}`)],
    ['POST /jobs', () => h.http().post('/api/v1/jobs').send(job)],
    ['POST /resumes (JSON text)', () => h.http().post('/api/v1/resumes').send({ text: 'Python developer with Django and PostgreSQL experience.' })],
    ['GET /resumes/:id/recommendations', () => h.http().get(`/api/v1/resumes/${id}/recommendations`)],
    ['GET /jobs/:id/candidates', () => h.http().get(`/api/v1/jobs/${id}/candidates`)],
    ['POST /matching/calculate', () => h.http().post('/api/v1/matching/calculate').send({ jobId: id, resumeId: randomUUID() })],
  ];

  it.each(routes)('%s answers 503 with Retry-After, naming postgres', async (_route, send) => {
    const response = await send();
    expect(response.status).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(response.body).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE', details: { dependency: 'postgres' } });
    expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|at .+\.js:\d+/);
  });

  it('is live but not ready, and says Postgres is down', async () => {
    await h.http().get('/health').expect(200, { status: 'ok' });
    const ready = await h.http().get('/health/ready').expect(503);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'down' }, redis: { status: 'up' } });
  });

  it('refuses a request without an API key (401) without needing the database', async () => {
    const response = await h.anonymous().get('/api/v1/jobs/not-a-uuid').expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
  });

  it('answers 503 (not 401, not 500) when the key cannot be looked up', async () => {
    // Authentication comes before validation and needs Postgres, so even a malformed id waits for it.
    const response = await h.http().get('/api/v1/jobs/not-a-uuid').expect(503);
    expect(response.body).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE', details: { dependency: 'postgres' } });
  });
});
