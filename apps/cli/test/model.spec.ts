import { createTestDatabase, type TestDatabase } from '@jobmatch/testing';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createPgPool, VectorStore } from '@jobmatch/db';
import { runCli } from './run-cli';

/** `model status | register | activate | drop` against a real database (the built program). */
describe('cli model', () => {
  let db: TestDatabase;
  let pool: Pool;
  let env: Record<string, string>;
  const DEFAULT = 'sentence-transformers/all-MiniLM-L6-v2';
  const NEXT = 'cli/next-768';

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool({ url: db.url, poolSize: 2 });
    env = { DATABASE_URL: db.url };
    const store = new VectorStore(pool);
    for (let i = 0; i < 2; i++) {
      const id = randomUUID();
      await pool.query(`INSERT INTO jobs (id, title, company, description, content_hash, updated_at) VALUES ($1, 'T', 'C', 'D', $2, now())`, [id, `h${i}`]);
      await store.writeEmbedding('job', id, Float32Array.from({ length: 384 }, (_, d) => (d === i ? 1 : 0)), DEFAULT, `h${i}`);
    }
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('registers a model, shows its coverage, refuses an incomplete switch, forces it, and drops the old vectors', async () => {
    const registered = await runCli(['model', 'register', NEXT, '--dimension', '768'], { env });
    expect(registered).toMatchObject({ status: 0, stdout: `${NEXT} (768-d) is building\n` });

    const status = await runCli(['model', 'status'], { env });
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`${DEFAULT}\\s+384\\s+active\\s+jobs 2/2 \\(100\\.0 %\\); resumes 0/0 — complete`));
    expect(status.stdout).toMatch(new RegExp(`${NEXT}\\s+768\\s+building\\s+jobs 0/2 \\(0\\.0 %\\); resumes 0/0\\n`));
    const json = JSON.parse((await runCli(['model', 'status', '--json'], { env })).stdout) as Array<{ modelId: string; complete: boolean }>;
    expect(json.map(({ modelId, complete }) => ({ modelId, complete }))).toEqual([
      { modelId: DEFAULT, complete: true },
      { modelId: NEXT, complete: false },
    ]);

    const refused = await runCli(['model', 'activate', NEXT], { env });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('covers jobs 0/2, resumes 0/0; wait for the build or force the switch');

    const forced = await runCli(['model', 'activate', NEXT, '--force'], { env });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain(`${NEXT} is the active model (was ${DEFAULT}, now retired; its vectors stay until \`model drop ${DEFAULT}\`)`);
    const { rows } = await pool.query(`SELECT DISTINCT embedding_status FROM jobs`);
    expect(rows).toEqual([{ embedding_status: 'PENDING' }]);

    const unconfirmed = await runCli(['model', 'drop', DEFAULT], { env });
    expect(unconfirmed.status).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    const activeDrop = await runCli(['model', 'drop', NEXT, '--yes'], { env });
    expect(activeDrop).toMatchObject({ status: 1, stderr: expect.stringContaining('is active') });
    const dropped = await runCli(['model', 'drop', DEFAULT, '--yes'], { env });
    expect(dropped).toMatchObject({ status: 0, stdout: `Dropped ${DEFAULT}: 2 job and 0 resume vectors deleted, indexes removed.\n` });
    expect((await runCli(['model', 'status'], { env })).stdout).toMatch(new RegExp(`${DEFAULT}\\s+384\\s+retired \\(dropped\\)`));
  }, 120_000);

  it('names the variable when DATABASE_URL is invalid', async () => {
    const result = await runCli(['model', 'status'], { env: { DATABASE_URL: 'mysql://nope' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
  }, 30_000);
});
