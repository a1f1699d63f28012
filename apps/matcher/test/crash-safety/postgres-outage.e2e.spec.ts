import { freePort, TcpProxy, type EmbedderProcess, type TestDatabase } from '@jobmatch/testing';
import { startMatcher, waitFor, type MatcherHarness } from '../support/matcher-harness';
import {
  enqueueJobs,
  expectVectorsOfFinalContent,
  insertPendingJobs,
  startEmbedder,
  waitUntilAllJobsReady,
} from '../support/crash-kit';

jest.setTimeout(120_000);

const ROWS = 300;
const OUTAGE_PHASE_MS = 3_000;

/**
 * Crash safety 3: Postgres becomes unreachable for the worker and the API (both reach it through
 * a TCP proxy this test controls; the shared server itself is never touched) — first refusing
 * connections (a server that went away), then swallowing them (a host that stopped answering).
 * Meanwhile embedding jobs fail and retry with backoff, none is given up; the API answers 503 with
 * Retry-After, promptly, in both kinds of outage; once Postgres is back every job completes.
 */
describe('crash safety: Postgres unavailable for a while', () => {
  const proxy = new TcpProxy('127.0.0.1', 5432);
  let h: MatcherHarness;
  let embedder: EmbedderProcess | undefined;
  const viaProxy = (db: TestDatabase) => {
    const url = new URL(db.url);
    url.host = `127.0.0.1:${proxy.port}`;
    return url.toString();
  };

  beforeAll(async () => {
    await proxy.start(await freePort());
    const rpcPort = await freePort();
    h = await startMatcher(
      { EMBEDDER_RPC_PORT: String(rpcPort), SWEEP_INTERVAL_MS: '3600000' },
      { databaseUrl: viaProxy },
    );
    embedder = await startEmbedder(h, { rpcPort, databaseUrl: viaProxy(h.db) });
  });
  afterAll(async () => {
    proxy.restore();
    await embedder?.stop(10_000);
    await h?.close();
    await proxy.close();
  });

  const expect503 = async (
    what: string,
    send: () => PromiseLike<{ status: number; headers: Record<string, string>; body: unknown }>,
  ) => {
    const started = Date.now();
    const response = await send();
    const ms = Date.now() - started;
    expect({ what, status: response.status, retryAfter: Number(response.headers['retry-after']) >= 1 }).toEqual({
      what,
      status: 503,
      retryAfter: true,
    });
    expect(response.body).toMatchObject({
      statusCode: 503,
      code: 'DEPENDENCY_UNAVAILABLE',
      details: { dependency: 'postgres' },
    });
    return ms;
  };

  it('retries the jobs with backoff while it is down, answers 503 meanwhile, and completes everything after', async () => {
    const rows = await insertPendingJobs(h, ROWS);
    const someJob = rows[0]!;
    expect((await h.http().get(`/api/v1/jobs/${someJob.id}`)).status).toBe(200); // the pool is warm

    proxy.cut('refuse');
    const cutAt = Date.now();
    await enqueueJobs(h, rows);
    const apiLatencies: number[] = [];
    const probeApi = async () => {
      apiLatencies.push(await expect503('GET /jobs/:id', () => h.http().get(`/api/v1/jobs/${someJob.id}`)));
      apiLatencies.push(await expect503('GET /jobs', () => h.http().get('/api/v1/jobs')));
      apiLatencies.push(
        await expect503('POST /jobs', () =>
          h.http().post('/api/v1/jobs').send({ title: 'Welder', company: 'Acme', description: 'MIG and TIG welding.' }),
        ),
      );
    };
    await probeApi();
    // The worker fails its attempts and schedules retries (delayed), it does not drop them.
    await waitFor('retries scheduled with backoff', async () => (await h.queue.getDelayedCount()) > 0, 20_000, 100);
    const ready = await fetch(`http://127.0.0.1:${embedder!.httpPort}/health/ready`);
    expect(ready.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_PHASE_MS - (Date.now() - cutAt))));

    proxy.cut('blackhole');
    await probeApi();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_PHASE_MS));
    expect(await h.queue.getJobCounts('failed', 'completed')).toEqual({ failed: 0, completed: 0 });

    proxy.restore();
    const restoredAt = Date.now();
    await waitUntilAllJobsReady(h, ROWS, 60_000);
    const completeAfterMs = Date.now() - restoredAt;
    expect(await h.queue.getJobCounts('failed', 'waiting', 'active', 'delayed')).toEqual({
      failed: 0,
      waiting: 0,
      active: 0,
      delayed: 0,
    });
    const jobs = await h.queue.getCompleted(0, ROWS);
    // attemptsMade counts the successful attempt too: > 1 means it failed at least once first. The
    // worker takes a job every few ms while connections are refused but only one per connect
    // timeout and slot while they hang, so how many were tried during the outage varies.
    const retried = jobs.filter((job) => job.attemptsMade > 1).length;
    expect(retried).toBeGreaterThanOrEqual(4);
    expect(Math.max(...jobs.map((job) => job.attemptsMade))).toBeLessThan(8); // never near giving up
    expect((await h.http().get(`/api/v1/jobs/${someJob.id}`)).status).toBe(200);
    await expectVectorsOfFinalContent(h, rows);
    console.log(
      `outage ${restoredAt - cutAt} ms; all ${ROWS} embedded ${completeAfterMs} ms after Postgres returned; slowest 503 ${Math.max(...apiLatencies)} ms; ${retried} jobs retried, most attempts ${Math.max(...jobs.map((job) => job.attemptsMade))}`,
    );
  });
});
