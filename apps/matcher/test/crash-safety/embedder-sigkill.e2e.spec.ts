import { embeddingJobId } from '@jobmatch/contracts';
import { freePort, type EmbedderProcess } from '@jobmatch/testing';
import { PendingEmbeddingsSweeper } from '../../src/queue/pending-embeddings.sweeper';
import { startMatcher, waitFor, type MatcherHarness } from '../support/matcher-harness';
import {
  countJobs,
  expectVectorsOfFinalContent,
  insertPendingJobs,
  jobPayload,
  jobText,
  startEmbedder,
  waitUntilAllJobsReady,
  type JobText,
} from '../support/crash-kit';

jest.setTimeout(120_000);

const ROWS = 2_000;
// The embedder's defaults (libs/config): a crashed worker's jobs are back within lock + interval.
const LOCK_DURATION_MS = 10_000;
const STALLED_INTERVAL_MS = 2_000;

/**
 * Crash safety 1: the embedder is SIGKILLed in the middle of a 2 000-row backfill (PENDING rows
 * enqueued by the product's sweep, in bulk) and started again. Every row ends with exactly the
 * vector of its final content: none lost, none written twice into a stale state, none overwritten
 * by work that was queued for an older text; the jobs the dead process held come back within
 * seconds (its lock expiry + one stalled check), not BullMQ's default minute.
 */
describe('crash safety: SIGKILL of the embedder mid-backfill', () => {
  let h: MatcherHarness;
  let rpcPort: number;
  const embedders: EmbedderProcess[] = [];

  beforeAll(async () => {
    rpcPort = await freePort();
    h = await startMatcher({
      EMBEDDER_RPC_PORT: String(rpcPort),
      SWEEP_INTERVAL_MS: '3600000',
      SWEEP_PAGE_SIZE: '500',
      SWEEP_QUEUE_HIGH_WATER: '5000',
    });
  });
  afterAll(async () => {
    await Promise.all(embedders.map((embedder) => embedder.stop(10_000)));
    await h?.close();
  });

  it('loses nothing, writes only current vectors, and recovers stalled jobs within seconds', async () => {
    const t0 = Date.now();
    const mark = (what: string) => console.log(`${what}: ${Date.now() - t0} ms`);
    const rows = await insertPendingJobs(h, ROWS);
    embedders.push(await startEmbedder(h, { rpcPort, env: { QUEUE_CONCURRENCY: '16' } }));

    // The backfill: the product's sweep enqueues every PENDING row, page by page, with addBulk.
    expect(await h.app.get(PendingEmbeddingsSweeper).sweep(0)).toBe(ROWS);

    // Kill it once a good part, but not all, is embedded, while jobs are active.
    await waitFor('a quarter of the rows embedded', async () => (await countJobs(h, 'READY')) >= ROWS / 4, 60_000, 20);
    mark('kill');
    const killedAt = Date.now();
    process.kill(embedders[0]!.pid, 'SIGKILL');
    expect(await embedders[0]!.exited).toMatchObject({ signal: 'SIGKILL' });
    const orphaned = (await h.queue.getActive()).map((job) => job.id!);
    const readyAtKill = await countJobs(h, 'READY');
    expect(orphaned.length).toBeGreaterThan(0);
    expect(readyAtKill).toBeLessThan(ROWS);

    // While it is down, some texts change: rows already embedded, orphaned (active) and waiting.
    // Their old jobs are stale now; the API enqueues new ones.
    const byId = new Map(rows.map((row) => [row.id, row]));
    const embedded = await h.sql<{ id: string }>(`SELECT id FROM jobs WHERE embedding_status = 'READY' LIMIT 20`);
    const waiting = (await h.queue.getWaiting(0, 19)).map((job) => (job.data as { id: string }).id);
    const orphanedRows = (await Promise.all(orphaned.map((id) => h.queue.getJob(id)))).map(
      (job) => (job!.data as { id: string }).id,
    );
    const changed = [...new Set([...embedded.map((row) => row.id), ...waiting, ...orphanedRows])];
    const stale = new Map<string, Omit<JobText, 'id'>>();
    for (const id of changed) {
      const row = byId.get(id)!;
      const index = rows.indexOf(row);
      stale.set(id, { title: row.title, description: row.description, requirements: row.requirements });
      Object.assign(row, jobText(index, 1));
      const response = await h
        .http()
        .patch(`/api/v1/jobs/${id}`)
        .send({ title: row.title, description: row.description, requirements: row.requirements });
      expect(response.status).toBe(200);
      expect(response.body.embedding.status).toBe('PENDING');
    }

    embedders.push(await startEmbedder(h, { rpcPort, env: { QUEUE_CONCURRENCY: '16' } }));
    const restartedAt = Date.now();
    // The jobs the dead process held go through BullMQ's stalled check (stalledCounter counts it)
    // within lock expiry + one check interval, measured from the kill.
    await waitFor(
      'the orphaned jobs to be recovered from the dead worker',
      async () =>
        (await Promise.all(orphaned.map((id) => h.queue.getJob(id)))).every((job) => (job?.stalledCounter ?? 0) >= 1),
      30_000,
      100,
    );
    const recoveredAt = Date.now();
    const recoveredAfterMs = recoveredAt - killedAt;
    mark(
      `recovered ${recoveredAfterMs} ms after the kill, ${recoveredAt - restartedAt} ms after the restart was ready`,
    );
    // Recovery needs a live worker (the restarted one) and the dead one's locks expired: then the
    // next stalled check, a few seconds of slack for a loaded host.
    expect(recoveredAt).toBeLessThan(Math.max(killedAt + LOCK_DURATION_MS, restartedAt) + STALLED_INTERVAL_MS + 3_000);

    await waitUntilAllJobsReady(h, ROWS, 90_000);
    mark('all ready');
    // A row is READY once its vector is written; the worker marks the job completed in Redis just
    // after, so the last few jobs may still count as active for a moment: wait for the queue to drain.
    const counts = await waitFor('the queue to drain', async () => {
      const now = await h.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
      return now.waiting + now.active + now.delayed === 0 ? now : null;
    }, 15_000);
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    // The jobs of the texts that changed before they ran completed without writing.
    for (const id of [...waiting, ...orphanedRows]) {
      const job = await h.queue.getJob(embeddingJobId(jobPayload(h, { id, ...stale.get(id)! })));
      expect(job?.returnvalue).toEqual({ status: 'skipped', reason: 'stale-content' });
    }
    // Rows whose text changed: exactly the final text's vector. The others only ever had one text;
    // for them READY with a vector of this model is the whole check (plus a sample compared).
    const sample = rows.filter((row) => !stale.has(row.id)).filter((_, i) => i % 20 === 0);
    await expectVectorsOfFinalContent(h, [...rows.filter((row) => stale.has(row.id)), ...sample], stale);
    mark('checked');
    console.log(
      `SIGKILL at ${readyAtKill}/${ROWS} embedded, ${orphaned.length} active jobs orphaned, back after ${recoveredAfterMs} ms; ${changed.length} texts changed while down`,
    );
  });
});
