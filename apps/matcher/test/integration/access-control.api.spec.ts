import { ConfigError } from '@jobmatch/config';
import { ApiKeyRepository, createPgPool } from '@jobmatch/db';
import { authenticatedHttp, freePort } from '@jobmatch/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createMatcherApp } from '../../src/bootstrap';
import { loadAppConfig } from '../../src/config';
import { startMatcher, type MatcherHarness } from '../support/matcher-harness';

jest.setTimeout(60_000);

const expectErrorShape = (body: unknown, statusCode: number, code: string) =>
  expect(body).toMatchObject({ statusCode, code, message: expect.any(String), requestId: expect.any(String) });

/**
 * API keys on the matcher: 401 without or with a bad key, 403 for a missing scope, 429 past a
 * key's rate limit (counted in Redis: two replicas share it), the local-development switch, and
 * what /metrics and /docs show to whom.
 */
describe('access control', () => {
  let h: MatcherHarness;

  beforeAll(async () => {
    // Keys are looked up on every request here, so a revocation shows at once.
    h = await startMatcher({ EMBEDDER_RPC_PORT: String(await freePort()), API_KEY_CACHE_SECONDS: '0' });
  });
  afterAll(() => h?.close());

  it('answers 401 UNAUTHORIZED with a Bearer challenge when no key is sent', async () => {
    const response = await h.anonymous().get('/api/v1/jobs').expect(401);
    expectErrorShape(response.body, 401, 'UNAUTHORIZED');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="jobmatch"');
  });

  it.each([
    ['an unknown key', `Bearer jm_${'A'.repeat(43)}`],
    ['a token that is not one of ours', 'Bearer sk-live-123'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('answers 401 for %s', async (_what, header) => {
    const response = await h.anonymous().get('/api/v1/resumes').set('Authorization', header).expect(401);
    expect(['UNAUTHORIZED', 'INVALID_API_KEY']).toContain(response.body.code);
    expectErrorShape(response.body, 401, response.body.code);
  });

  it('stops accepting a revoked key', async () => {
    const { key, http } = await h.as({ scopes: ['jobs:read'] });
    await http().get('/api/v1/jobs').expect(200);
    const pool = createPgPool({ url: h.db.url, poolSize: 1 });
    try {
      await new ApiKeyRepository(pool).revoke(key.keyId);
    } finally {
      await pool.end();
    }
    const response = await http().get('/api/v1/jobs').expect(401);
    expectErrorShape(response.body, 401, 'INVALID_API_KEY');
  });

  it('answers 403 INSUFFICIENT_SCOPE for what the key may not do, and serves what it may', async () => {
    const { http } = await h.as({ scopes: ['jobs:read'] });
    await http().get('/api/v1/jobs').expect(200);
    const write = await http().post('/api/v1/jobs').send({ title: 'T', company: 'C', description: 'D' }).expect(403);
    expectErrorShape(write.body, 403, 'INSUFFICIENT_SCOPE');
    expect(write.body.details).toEqual({ required: ['jobs:write'], granted: ['jobs:read'] });
    expect((await http().get('/api/v1/resumes').expect(403)).body.code).toBe('INSUFFICIENT_SCOPE');
    // The scope of a search depends on its target.
    expect((await http().post('/api/v1/search').send({ query: 'nurse', target: 'resumes' }).expect(403)).body.details.required).toEqual(['resumes:read']);
    // Recommendations read both.
    expect((await http().get(`/api/v1/jobs/${h.apiKey.keyId}/candidates`).expect(403)).body.details.required).toEqual(['jobs:read', 'resumes:read']);
    expect((await h.http().get('/api/v1/resumes').expect(200)).body).toMatchObject({ items: [] });
  });

  it('keeps health checks and the OpenAPI document open (development), and /metrics open without METRICS_TOKEN outside production', async () => {
    await h.anonymous().get('/health').expect(200);
    await h.anonymous().get('/metrics').expect(200);
    await h.anonymous().get('/docs-json').expect(200);
  });

  describe('rate limits', () => {
    let replica: NestFastifyApplication;

    beforeAll(async () => {
      // A second replica of the same deployment: same database, same Redis and prefix.
      replica = await createMatcherApp(h.config);
      await replica.init();
      await replica.getHttpAdapter().getInstance().ready();
    });
    afterAll(() => replica?.close());

    it('counts a key across replicas and answers 429 with Retry-After past its limit', async () => {
      const { key, http } = await h.as({ scopes: ['jobs:read'], rateLimitPerMinute: 4 });
      const viaReplica = () => authenticatedHttp(replica.getHttpServer(), key.token);
      await http().get('/api/v1/jobs').expect(200);
      await viaReplica().get('/api/v1/jobs').expect(200);
      await http().get('/api/v1/jobs').expect(200);
      await viaReplica().get('/api/v1/jobs').expect(200);
      const limited = await http().get('/api/v1/jobs').expect(429);
      expectErrorShape(limited.body, 429, 'RATE_LIMITED');
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.body.details).toEqual({ limitPerMinute: 4, retryAfterSeconds: retryAfter });
      await viaReplica().get('/api/v1/jobs').expect(429);
      // Another key has its own budget.
      await h.http().get('/api/v1/jobs').expect(200);
    });
  });
});

describe('access control switches', () => {
  const startWith = async (env: Record<string, string>) => startMatcher({ EMBEDDER_RPC_PORT: String(await freePort()), ...env });

  it('AUTH_DISABLED=true (local development) serves without a key as the default tenant, and rate-limits by client address behind a trusted proxy', async () => {
    const h = await startWith({ AUTH_DISABLED: 'true', TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const created = await h.anonymous().post('/api/v1/jobs').send({ title: 'Nurse', company: 'Clinic', description: 'Ward work' }).expect(201);
      // The suite's key is in the default tenant: it sees the row the anonymous caller wrote.
      const from = (address: string) => h.anonymous().get(`/api/v1/jobs/${created.body.id}`).set('X-Forwarded-For', address);
      await from('203.0.113.7').expect(200);
      await from('203.0.113.7').expect(200);
      await from('203.0.113.7').expect(429);
      await from('198.51.100.2').expect(200);
    } finally {
      await h.close();
    }
  });

  it('refuses AUTH_DISABLED in production at start-up, naming the variable', async () => {
    const config = loadAppConfig({ NODE_ENV: 'production', AUTH_DISABLED: 'true', DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/none', LOG_LEVEL: 'silent' });
    const started = createMatcherApp(config);
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(/AUTH_DISABLED/);
  });

  it('puts /metrics behind METRICS_TOKEN and turns /docs off with DOCS_ENABLED=false', async () => {
    const token = 'metrics-token-0123456789';
    const h = await startWith({ METRICS_TOKEN: token, DOCS_ENABLED: 'false' });
    try {
      expectErrorShape((await h.anonymous().get('/metrics').expect(401)).body, 401, 'UNAUTHORIZED');
      // An API key is not the metrics token.
      await h.http().get('/metrics').expect(401);
      expect((await h.anonymous().get('/metrics').set('Authorization', `Bearer ${token}`).expect(200)).text).toContain('process_resident_memory_bytes');
      await h.anonymous().get('/docs').expect(404);
      await h.anonymous().get('/docs-json').expect(404);
    } finally {
      await h.close();
    }
  });

  it('closes /metrics and /docs in production by default', async () => {
    const h = await startWith({ NODE_ENV: 'production' });
    try {
      expect((await request(h.app.getHttpServer()).get('/metrics').expect(403)).body.code).toBe('METRICS_DISABLED');
      await h.anonymous().get('/docs-json').expect(404);
      await h.anonymous().get('/health').expect(200);
    } finally {
      await h.close();
    }
  });
});
