import { DEFAULT_TENANT_ID } from '@jobmatch/contracts';
import { DEFAULT_MODEL_ID } from '@jobmatch/contracts';
import { startReplicaPair, unitVector, type ReplicaPair } from '@jobmatch/testing';
import { Client, type Pool } from 'pg';
import { applyMigrations, createPgPool, JobRepository, MIGRATIONS_DIR, ReadPools, ResumeRepository, VectorStore } from '../src';

/**
 * Reads on a real streaming replica: a primary and a replica of it (pg_basebackup -R), both
 * clusters started by the test on ports of 5433–5439 and removed afterwards. Shows that searches
 * are served by the replica, that under replica lag (replay paused) a just-written job is found
 * through the primary, never lost, and that a stopped replica sends its reads to the primary.
 */

// The model the migrations register as active: its vectors set the rows' embedding state.
const MODEL = DEFAULT_MODEL_ID;
const MAX_LAG_MS = 300;

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reads on a streaming replica (DATABASE_READ_URL; own primary + replica clusters)', () => {
  let pair: ReplicaPair;
  let primary: Pool;
  let replicaAdmin: Client;
  let reads: ReadPools;
  let store: VectorStore;
  let jobs: JobRepository;
  let resumes: ResumeRepository;

  beforeAll(async () => {
    pair = await startReplicaPair();
    const server = new Client({ connectionString: pair.primaryUrl() });
    await server.connect();
    await server.query('CREATE DATABASE jobmatch');
    await server.end();
    primary = createPgPool({ url: pair.primaryUrl('jobmatch'), poolSize: 4 });
    await applyMigrations(primary, MIGRATIONS_DIR);
    // The lag probe is driven by the test (probeLag) so each step sees a known verdict.
    reads = ReadPools.fromUrls(primary, [pair.replicaUrl('jobmatch')], 4, { maxLagMs: MAX_LAG_MS, probeMs: 100, cooldownMs: 60_000 });
    store = new VectorStore(primary, reads);
    jobs = new JobRepository(primary);
    resumes = new ResumeRepository(primary);
    // The replica replays CREATE DATABASE and the migrations a moment after the primary ran them.
    await waitFor('the replica to replay the migrations', async () => {
      const client = new Client({ connectionString: pair.replicaUrl('jobmatch') });
      try {
        await client.connect();
        const { rowCount } = await client.query(`SELECT 1 FROM pg_tables WHERE tablename = 'jobs'`);
        if (rowCount === 1) replicaAdmin = client;
        return rowCount === 1;
      } catch {
        return false;
      } finally {
        if (replicaAdmin !== client) await client.end().catch(() => undefined);
      }
    });
  }, 45_000);

  afterAll(async () => {
    await replicaAdmin?.end().catch(() => undefined);
    await reads?.end();
    await primary?.end();
    await pair?.stop();
  }, 20_000);

  async function embeddedJob(title: string, vector: Float32Array): Promise<string> {
    const job = await jobs.create(DEFAULT_TENANT_ID, { title, company: 'Acme', location: 'Berlin', description: `${title} builds things`, requirements: '', skills: [], requiredSkills: [], niceToHaveSkills: [], contentHash: `hash-${title}` });
    expect(await store.writeEmbedding('job', job.id, vector, MODEL, `hash-${title}`)).toBe(true);
    return job.id;
  }

  async function embeddedResume(text: string, vector: Float32Array): Promise<string> {
    const resume = await resumes.create(DEFAULT_TENANT_ID, { fileName: null, mimeType: 'text/plain', text, skills: [], profile: {}, contentHash: `hash-${text}` });
    expect(await store.writeEmbedding('resume', resume.id, vector, MODEL, `hash-${text}`)).toBe(true);
    return resume.id;
  }

  const replayedOnReplica = async (id: string) => (await replicaAdmin.query(`SELECT 1 FROM job_embeddings WHERE job_id = $1`, [id])).rowCount === 1;
  const searchIds = async () => (await store.nearest('job', unitVector(0), { tenantId: DEFAULT_TENANT_ID, modelId: MODEL, limit: 10 })).map((row) => row.id);

  it('serves searches from the replica while it keeps up', async () => {
    const first = await embeddedJob('Backend Engineer', unitVector(0, 0.1));
    await waitFor('the job on the replica', () => replayedOnReplica(first));
    await reads.probeLag();
    expect(reads.replicaStatus()).toEqual([{ lagMs: expect.any(Number), inRotation: true }]);

    const before = { ...reads.counts };
    expect(await searchIds()).toContain(first);
    expect(reads.counts.replica).toBe(before.replica + 1);
    expect(reads.counts.primary).toBe(before.primary);
  });

  it('under replica lag, a just-written job is found through the primary, not lost', async () => {
    await replicaAdmin.query('SELECT pg_wal_replay_pause()');
    await waitFor('replay to pause', async () => (await replicaAdmin.query(`SELECT pg_get_wal_replay_pause_state() AS state`)).rows[0].state === 'paused');
    await reads.probeLag(); // a primary position the replica has replayed, taken before the write
    const fresh = await embeddedJob('Platform Engineer', unitVector(0, 0.05));
    const freshResume = await embeddedResume('Platform engineer, Kubernetes', unitVector(0, 0.02));

    // Within the lag bound the replica still serves searches: the new job is not there yet,
    // which also shows the search ran on the replica and not on the primary.
    await reads.probeLag();
    expect(reads.replicaStatus()[0]!.inRotation).toBe(true);
    expect(await searchIds()).not.toContain(fresh);
    expect(await replayedOnReplica(fresh)).toBe(false);

    // Read after write: recommendations for the resume written a moment ago (missing on the
    // replica) and reading the job back both go to the primary.
    const staleRetries = reads.counts.staleRetries;
    const recommended = await store.nearestWithRows('job', { entity: 'resume', id: freshResume }, 'candidate', { tenantId: DEFAULT_TENANT_ID, modelId: MODEL, limit: 10 });
    expect(recommended.source?.id).toBe(freshResume);
    expect(recommended.candidates?.map((row) => row.id)).toContain(fresh);
    expect(reads.counts.staleRetries).toBe(staleRetries + 1);
    expect(await jobs.findById(DEFAULT_TENANT_ID, fresh)).toMatchObject({ id: fresh, embeddingStatus: 'READY' });
    expect(await store.storedSimilarity(fresh, freshResume, MODEL, DEFAULT_TENANT_ID)).toBeGreaterThan(0.99);

    // Past the lag bound the replica leaves the rotation and searches find the new job on the primary.
    await sleep(MAX_LAG_MS + 100);
    await reads.probeLag();
    expect(reads.replicaStatus()[0]).toEqual({ lagMs: expect.any(Number), inRotation: false });
    expect(reads.replicaStatus()[0]!.lagMs).toBeGreaterThan(MAX_LAG_MS);
    const primaryReads = reads.counts.primary;
    expect(await searchIds()).toContain(fresh);
    expect(reads.counts.primary).toBe(primaryReads + 1);

    // Replay resumed: the replica catches up and serves searches again, the new job included.
    await replicaAdmin.query('SELECT pg_wal_replay_resume()');
    await waitFor('the replica to catch up', () => replayedOnReplica(fresh));
    await reads.probeLag();
    expect(reads.replicaStatus()[0]!.inRotation).toBe(true);
    const replicaReads = reads.counts.replica;
    expect(await searchIds()).toContain(fresh);
    expect(reads.counts.replica).toBe(replicaReads + 1);
  });

  it('a stopped replica sends its reads to the primary (no error reaches the caller)', async () => {
    await reads.probeLag();
    expect(reads.replicaStatus()[0]!.inRotation).toBe(true);
    await replicaAdmin.end();
    await pair.stopReplica();
    const failures = reads.counts.replicaFailures;
    const ids = await searchIds();
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(reads.counts.replicaFailures).toBe(failures + 1);
    // Set aside for the cooldown: the next read goes straight to the primary.
    expect(reads.replicaStatus()[0]!.inRotation).toBe(false);
    await expect(searchIds()).resolves.toEqual(ids);
    expect(reads.counts.replicaFailures).toBe(failures + 1);
  });
});
