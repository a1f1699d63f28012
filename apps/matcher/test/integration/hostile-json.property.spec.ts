import fc from 'fast-check';
import { prepareTestModelDir } from '@jobmatch/onnx-testkit';
import {
  expectSafeAnswer,
  freePort,
  hostileBody,
  hostileJson,
  hostileString,
  propertyTest,
  startEmbedderProcess,
  TEST_REDIS_URL,
  type EmbedderProcess,
} from '@jobmatch/testing';
import { startMatcher, type MatcherHarness } from '../support/matcher-harness';

/**
 * Property-based: every JSON endpoint of the matcher under arbitrary bodies and parameters (wrong
 * types, huge and empty strings, odd unicode, `__proto__`/`constructor` keys, SQL-looking strings,
 * unknown fields). Never a 5xx, never a stack trace, always the error shape for a 4xx, and nothing
 * stored from a rejected request. A real embedder (generated model: mechanics only) serves the
 * searches, so a valid request is answered, not refused for want of a dependency.
 */
describe('matcher JSON endpoints under hostile input (property-based)', () => {
  let h: MatcherHarness;
  let embedder: EmbedderProcess;
  let jobId: string;
  let resumeId: string;

  const rows = async () => {
    const [counts] = await h.sql<{ jobs: string; resumes: string }>(
      'SELECT (SELECT count(*) FROM jobs) AS jobs, (SELECT count(*) FROM resumes) AS resumes',
    );
    return counts;
  };

  /** Sends one request and checks the answer; for a refusal, that no row was added or changed. */
  const check = async (method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: unknown) => {
    const before = await rows();
    let call = h.http()[method](path).set('content-type', 'application/json');
    if (body !== undefined) call = call.send(JSON.stringify(body) ?? 'null');
    const response = await call;
    expectSafeAnswer(response.status, response.body);
    if (response.status >= 400) expect(await rows()).toEqual(before);
    return response.status;
  };

  beforeAll(async () => {
    const rpcPort = await freePort();
    h = await startMatcher({ EMBEDDER_RPC_PORT: String(rpcPort), EMBEDDER_TIMEOUT_MS: '5000' });
    const model = await prepareTestModelDir({ preset: 'tiny' });
    embedder = await startEmbedderProcess({
      databaseUrl: h.db.url,
      redisUrl: TEST_REDIS_URL,
      redisKeyPrefix: h.redisPrefix,
      modelDir: model.modelRoot,
      modelSpec: model.spec,
      rpcPort,
    });
    jobId = (
      await h
        .http()
        .post('/api/v1/jobs')
        .send({ title: 'Data Engineer', company: 'Acme', description: 'Spark and SQL pipelines.' })
        .expect(201)
    ).body.id;
    resumeId = (await h.http().post('/api/v1/resumes').send({ text: 'Data engineer with Spark and SQL.' }).expect(201))
      .body.id;
  }, 120_000);

  afterAll(async () => {
    await embedder?.stop();
    await h?.close();
  });

  const property = <T>(name: string, arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<unknown>) =>
    it(name, propertyTest(arbitrary, run), 120_000);

  property(
    'POST /jobs',
    hostileBody(['title', 'company', 'location', 'employmentType', 'seniority', 'description', 'requirements']),
    (body) => check('post', '/api/v1/jobs', body),
  );
  property('PATCH /jobs/:id', hostileBody(['title', 'description', 'requirements', 'seniority']), (body) =>
    check('patch', `/api/v1/jobs/${jobId}`, body),
  );
  property('POST /resumes', hostileBody(['text', 'fileName']), (body) => check('post', '/api/v1/resumes', body));
  property('POST /search', hostileBody(['query', 'target', 'limit', 'filters']), (body) =>
    check('post', '/api/v1/search', body),
  );
  property('POST /matching/calculate', hostileBody(['jobId', 'resumeId']), (body) =>
    check('post', '/api/v1/matching/calculate', body),
  );
  property('ids in paths', hostileString(), async (id) => {
    const path = encodeURIComponent(id as string).slice(0, 2000) || '%20';
    await check('get', `/api/v1/jobs/${path}`);
    await check('get', `/api/v1/resumes/${path}/recommendations`);
    await check('delete', `/api/v1/resumes/${path}`);
  });
  property(
    'query parameters',
    fc.dictionary(
      fc.constantFrom('limit', 'offset', 'cursor', 'skills', 'location', 'seniority', '__proto__', 'q'),
      hostileJson(),
      { maxKeys: 4 },
    ),
    async (query) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query as Record<string, unknown>))
        params.append(key, String(JSON.stringify(value)).slice(0, 2000));
      await check('get', `/api/v1/jobs?${params}`);
      await check('get', `/api/v1/resumes/${resumeId}/recommendations?${params}`);
      await check('get', `/api/v1/jobs/${jobId}/candidates?${params}`);
    },
  );

  it('still serves the rows it started with', async () => {
    await h.http().get(`/api/v1/jobs/${jobId}`).expect(200);
    await h.http().get(`/api/v1/resumes/${resumeId}`).expect(200);
  });
});
