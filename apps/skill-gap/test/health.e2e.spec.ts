import request from 'supertest';
import { createSkillGapApp } from '../src/app.factory';
import { loadAppConfig } from '../src/config';
import { startTestApp, type TestApp } from './test-app';

describe('health endpoints', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('GET /health answers liveness without touching dependencies', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready reports Postgres up', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' } } });
  });

  it('exposes per-route HTTP latency and status counts on /metrics', async () => {
    const server = testApp.app.getHttpServer();
    await request(server).get('/health').expect(200);
    await request(server).get('/api/v1/no-such-route').expect(404);
    const metrics = (await request(server).get('/metrics').expect(200)).text;
    const value = (series: string) => Number(metrics.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1]);
    expect(value('http_requests_total{method="GET",route="/health",status_code="200"}')).toBeGreaterThanOrEqual(2);
    expect(value('http_requests_total{method="GET",route="unmatched",status_code="404"}')).toBeGreaterThanOrEqual(1);
    expect(value('http_request_duration_seconds_count{method="GET",route="/health"}')).toBeGreaterThanOrEqual(2);
    expect(metrics).not.toContain('no-such-route');
  });

  it('answers 503 (readiness) and 503 + Retry-After (API) while Postgres is unreachable; liveness stays 200', async () => {
    // Port 1 refuses connections at once: the app must still start and report not-ready.
    const config = loadAppConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none', LOG_LEVEL: 'silent' });
    const app = await createSkillGapApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const ready = await request(app.getHttpServer()).get('/health/ready').expect(503);
      // The readiness error shape of every service (NOT_READY, a report per dependency, Retry-After).
      expect(ready.body).toMatchObject({ statusCode: 503, code: 'NOT_READY', message: 'Not ready: postgres unavailable', details: { postgres: { status: 'down' } } });
      expect(ready.headers['retry-after']).toBe('5');
      await request(app.getHttpServer()).get('/health').expect(200);
      // A well-formed key: looking it up needs the database, which is down.
      const api = await request(app.getHttpServer())
        .get('/api/v1/resumes/11111111-1111-4111-8111-111111111111/skill-gap')
        .set('Authorization', `Bearer jm_${'x'.repeat(43)}`)
        .expect(503);
      expect(api.headers['retry-after']).toBe('5');
      expect(api.body).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE', details: { dependency: 'postgres' } });
    } finally {
      await app.close();
    }
  });

  it('serves the OpenAPI document with every endpoint', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/skill-gap', '/api/v1/resumes/{id}/skill-gap', '/api/v1/skills', '/api/v1/skills/extract', '/health', '/health/ready']),
    );
  });
});
