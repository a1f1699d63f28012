import { JobRepository, ResumeRepository, VectorStore } from '@jobmatch/db';
import { authenticatedHttp, createTestApiKey } from '@jobmatch/testing';
import request from 'supertest';
import { MODEL_ID, startTestApp, vectorWithSimilarity, type TestApp } from './test-app';

/**
 * The skill-gap API's keys and tenants: 401 without a key, the scopes of each route, and a
 * stored resume or job of another tenant answering 404 (its nearest jobs never cross tenants).
 */
jest.setTimeout(60_000);

describe('skill-gap access control and tenants', () => {
  let testApp: TestApp;
  const rows: Record<'a' | 'b', { resume: string; job: string; token: string }> = {} as never;

  beforeAll(async () => {
    testApp = await startTestApp();
    const jobs = testApp.app.get(JobRepository);
    const resumes = testApp.app.get(ResumeRepository);
    const vectors = testApp.app.get(VectorStore);
    for (const name of ['a', 'b'] as const) {
      const key = await createTestApiKey(testApp.db.url, { tenant: `tenant-${name}`, scopes: ['skills:read', 'resumes:read', 'jobs:read'] });
      const job = await jobs.create(key.tenantId, {
        title: `Backend Engineer ${name}`,
        company: 'Acme',
        description: 'APIs',
        requirements: '',
        skills: ['Python', 'Kubernetes'],
        requiredSkills: ['Python', 'Kubernetes'],
        niceToHaveSkills: [],
        contentHash: `job-${name}`,
      });
      const resume = await resumes.create(key.tenantId, { text: 'Python developer', skills: ['Python'], profile: {}, contentHash: `resume-${name}` });
      // Identical vectors in both tenants: a search that ignored the tenant would return both jobs.
      expect(await vectors.writeEmbedding('job', job.id, vectorWithSimilarity(0.9, 1), MODEL_ID, `job-${name}`)).toBe(true);
      expect(await vectors.writeEmbedding('resume', resume.id, vectorWithSimilarity(1, 1), MODEL_ID, `resume-${name}`)).toBe(true);
      rows[name] = { resume: resume.id, job: job.id, token: key.token };
    }
  });
  afterAll(() => testApp?.close());

  const as = (name: 'a' | 'b') => authenticatedHttp(testApp.app.getHttpServer(), rows[name].token);

  it('answers 401 without a key on every API route, and keeps /health open', async () => {
    const server = testApp.app.getHttpServer();
    for (const send of [
      () => request(server).get('/api/v1/skills?q=python'),
      () => request(server).post('/api/v1/skills/extract').send({ text: 'Python' }),
      () => request(server).post('/api/v1/skill-gap').send({ resume: { text: 'Python' }, job: { text: 'Go' } }),
      () => request(server).get(`/api/v1/resumes/${rows.a.resume}/skill-gap`),
    ]) {
      const response = await send().expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    }
    await request(server).get('/health').expect(200);
  });

  it('needs resumes:read and jobs:read besides skills:read to read stored rows', async () => {
    const key = await createTestApiKey(testApp.db.url, { tenant: 'tenant-a', scopes: ['skills:read'] });
    const http = () => authenticatedHttp(testApp.app.getHttpServer(), key.token);
    await http().post('/api/v1/skill-gap').send({ resume: { text: 'Python' }, job: { text: 'Must have Golang and Docker.' } }).expect(200);
    const byId = await http().post('/api/v1/skill-gap').send({ resume: { id: rows.a.resume }, job: { text: 'Must have Golang and Docker.' } }).expect(403);
    expect(byId.body).toMatchObject({ code: 'INSUFFICIENT_SCOPE', details: { required: ['resumes:read'] } });
    await http().get(`/api/v1/resumes/${rows.a.resume}/skill-gap`).expect(403);
  });

  it("answers 404 for the other tenant's resume or job, and ranks only the caller's jobs", async () => {
    const foreign = await as('b').post('/api/v1/skill-gap').send({ resume: { id: rows.a.resume }, job: { id: rows.b.job } }).expect(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    await as('b').post('/api/v1/skill-gap').send({ resume: { id: rows.b.resume }, job: { id: rows.a.job } }).expect(404);
    await as('b').get(`/api/v1/resumes/${rows.a.resume}/skill-gap`).expect(404);

    await as('b').post('/api/v1/skill-gap').send({ resume: { id: rows.b.resume }, job: { id: rows.b.job } }).expect(200);
    const own = await as('b').get(`/api/v1/resumes/${rows.b.resume}/skill-gap?jobs=10`).expect(200);
    expect(own.body.jobs.map((job: { id: string }) => job.id)).toEqual([rows.b.job]);
  });
});
