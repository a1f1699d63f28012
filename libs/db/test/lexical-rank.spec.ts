import { createTestDatabase, type TestDatabase } from '@jobmatch/testing';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createPgPool, LexicalRanker } from '../src';

describe('LexicalRanker (real Postgres full-text search)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let ranker: LexicalRanker;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool({ url: db.url, poolSize: 2 });
    ranker = new LexicalRanker(pool);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function insertJob(title: string, description: string, requirements = ''): Promise<string> {
    const id = randomUUID();
    await pool.query(
      `INSERT INTO jobs (id, title, company, description, requirements, content_hash, updated_at) VALUES ($1, $2, 'Acme', $3, $4, 'hash', now())`,
      [id, title, description, requirements],
    );
    return id;
  }

  async function insertResume(text: string): Promise<string> {
    const id = randomUUID();
    await pool.query(`INSERT INTO resumes (id, text, content_hash, updated_at) VALUES ($1, $2, 'hash', now())`, [id, text]);
    return id;
  }

  it('ranks postings that share the resume’s (stemmed) terms above unrelated ones, within [0, 1) with normalization 32', async () => {
    const nurse = await insertJob('Registered Nurse', 'Care for patients on a medical-surgical unit.', 'RN licence, BLS, IV therapy');
    const electrician = await insertJob('Journeyman Electrician', 'Install conduit and pull wire.', 'NEC, OSHA 10');
    const resume = await insertResume("Registered nurse caring for surgical patients; IV therapy; BLS. O'Brien's unit & the ICU | 100%");
    for (const options of [
      { rank: 'ts_rank_cd', normalization: 33 },
      { rank: 'ts_rank', normalization: 32 },
    ] as const) {
      const ranks = await ranker.rankJobsForResume(resume, [nurse, electrician], options);
      expect(ranks.get(nurse)!).toBeGreaterThan(ranks.get(electrician)!);
      expect(ranks.get(electrician)).toBe(0);
      expect(ranks.get(nurse)!).toBeLessThan(1);
    }
  });

  it('leaves out unknown jobs, and gives 0 for a resume without lexemes', async () => {
    const job = await insertJob('Data Engineer', 'Pipelines in Python and SQL.');
    const empty = await insertResume('the and of');
    const ranks = await ranker.rankJobsForResume(empty, [job, randomUUID()], { rank: 'ts_rank_cd', normalization: 32 });
    expect([...ranks]).toEqual([[job, 0]]);
    expect((await ranker.rankJobsForResume(randomUUID(), [job], { rank: 'ts_rank', normalization: 32 })).size).toBe(0);
  });
});
