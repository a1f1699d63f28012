import { Worker } from 'bullmq';
import Redis from 'ioredis';
import { EMBEDDING_QUEUE, embeddingJobId } from '@jobmatch/contracts';
import { PendingEmbeddingsRepository } from '@jobmatch/db';
import { freePort, TEST_REDIS_URL } from '@jobmatch/testing';
import { PendingEmbeddingsSweeper } from '../../src/queue/pending-embeddings.sweeper';
import { insertPendingJobs, jobPayload } from '../support/crash-kit';
import { startMatcher, waitFor, type MatcherHarness } from '../support/matcher-harness';

jest.setTimeout(60_000);

const PAGE = 100;
const HIGH_WATER = 250;
const ROWS = 1_000;

/**
 * The pending sweeper's pace: one pass walks a backlog of any size in keyset pages (it ends even
 * though every row it enqueued is still PENDING: nothing is read twice), adds a page only while
 * fewer than SWEEP_QUEUE_HIGH_WATER jobs wait, and goes on as soon as a consumer drains the queue.
 */
describe('pending sweeper pace', () => {
  let h: MatcherHarness;

  beforeAll(async () => {
    h = await startMatcher({
      EMBEDDER_RPC_PORT: String(await freePort()),
      SWEEP_INTERVAL_MS: '3600000',
      SWEEP_PAGE_SIZE: String(PAGE),
      SWEEP_QUEUE_HIGH_WATER: String(HIGH_WATER),
    });
  });
  afterAll(() => h?.close());

  it('stops at the high-water mark, follows the consumer, and enqueues every row once', async () => {
    const rows = await insertPendingJobs(h, ROWS);
    let settled = false;
    const pass = h.app.get(PendingEmbeddingsSweeper).sweep(0);
    void pass.finally(() => (settled = true));

    // No consumer: the pass fills the queue up to the mark (plus at most the page that crossed it) and waits.
    await waitFor('the queue at its high-water mark', async () => (await h.queue.getWaitingCount()) >= HIGH_WATER);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await h.queue.getWaitingCount()).toBeLessThan(HIGH_WATER + PAGE);
    expect(settled).toBe(false);

    // A consumer that completes jobs without embedding: the rows stay PENDING, the pass still ends.
    let maxWaiting = 0;
    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const worker = new Worker(EMBEDDING_QUEUE, async () => ({ status: 'skipped' }), {
      connection,
      prefix: h.redisPrefix,
      concurrency: 20,
    });
    const watch = setInterval(
      () => void h.queue.getWaitingCount().then((count) => (maxWaiting = Math.max(maxWaiting, count))),
      20,
    );
    try {
      expect(await pass).toBe(ROWS);
      await waitFor('the queue drained', async () => (await h.queue.getCompletedCount()) === ROWS);
    } finally {
      clearInterval(watch);
      await worker.close();
      connection.disconnect();
    }
    expect(maxWaiting).toBeLessThan(HIGH_WATER + PAGE);
    // Every row got its job (deterministic ids: one per row and content).
    const ids = rows.map((row) => embeddingJobId(jobPayload(h, row)));
    const states = await Promise.all(ids.map((id) => h.queue.getJobState(id)));
    expect(states.filter((state) => state !== 'completed')).toEqual([]);
  });

  it('starts a page after the rows of the previous one, in (updated_at, id) order', async () => {
    await h.sql(`UPDATE jobs SET embedding_status = 'READY'`);
    const rows = await insertPendingJobs(h, 5);
    await h.sql(`UPDATE jobs SET updated_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [
      rows.map((row) => row.id),
    ]); // one timestamp: the id breaks ties
    const repository = h.app.get(PendingEmbeddingsRepository);
    const first = await repository.findStalePage('job', new Date(), null, 3);
    const second = await repository.findStalePage('job', new Date(), first.next, 3);
    const third = await repository.findStalePage('job', new Date(), second.next, 3);
    const seen = [...first.rows, ...second.rows].map((row) => row.id);
    expect(first.rows).toHaveLength(3);
    expect(second.rows).toHaveLength(2);
    expect(third).toEqual({ rows: [], next: null });
    expect(seen).toEqual([...rows.map((row) => row.id)].sort());
  });
});
