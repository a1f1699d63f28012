import fc from 'fast-check';
import { expectSafeAnswer, hostileBody, hostileJson, hostileString, propertyTest } from '@jobmatch/testing';
import { startTestApp, type TestApp } from './test-app';

/**
 * Property-based: every JSON endpoint of the skill-gap API under arbitrary bodies and parameters
 * (wrong types, huge and empty strings, odd unicode, `__proto__`/`constructor` keys, SQL-looking
 * strings, unknown fields): never a 5xx, never a stack trace, the error shape for every 4xx. The
 * service stores nothing, so there is nothing a rejected request could leave behind.
 */
describe('skill-gap JSON endpoints under hostile input (property-based)', () => {
  let testApp: TestApp;
  const http = () => testApp.http();

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp?.close());

  const send = async (method: 'get' | 'post', path: string, body?: unknown) => {
    let call = http()[method](path).set('content-type', 'application/json');
    if (body !== undefined) call = call.send(JSON.stringify(body) ?? 'null');
    const response = await call;
    expectSafeAnswer(response.status, response.body);
  };

  const property = <T>(name: string, arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<unknown>) =>
    it(name, propertyTest(arbitrary, run), 120_000);

  property('POST /skills/extract', hostileBody(['text', 'title']), (body) =>
    send('post', '/api/v1/skills/extract', body),
  );
  property('POST /skill-gap', hostileBody(['resume', 'job', 'jobs']), (body) =>
    send('post', '/api/v1/skill-gap', body),
  );
  property('GET /skills?q=…', fc.tuple(hostileString(), hostileJson()), ([q, limit]) =>
    send(
      'get',
      `/api/v1/skills?${new URLSearchParams({ q: (q as string).slice(0, 2000), limit: String(JSON.stringify(limit)).slice(0, 100) })}`,
    ),
  );
  property('GET /resumes/:id/skill-gap', fc.tuple(hostileString(), hostileJson()), ([id, jobs]) =>
    send(
      'get',
      `/api/v1/resumes/${encodeURIComponent(id as string).slice(0, 2000) || '%20'}/skill-gap?jobs=${encodeURIComponent(String(JSON.stringify(jobs)).slice(0, 100))}`,
    ),
  );
});
