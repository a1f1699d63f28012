import type { Pool } from 'pg';

/**
 * Counts vector writes in the database itself, for tests and benches of several embedder workers:
 * a trigger logs every UPDATE that sets a job's or resume's vector, so a duplicate write shows up
 * however the workers report their own work. For test and bench databases only.
 */
export async function installEmbeddingWriteLog(pool: Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS embedding_write_log (entity text NOT NULL, id uuid NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
    CREATE OR REPLACE FUNCTION log_embedding_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO embedding_write_log (entity, id) VALUES (TG_ARGV[0], NEW.id);
        RETURN NEW;
      END $$;
    DROP TRIGGER IF EXISTS jobs_embedding_write_log ON jobs;
    CREATE TRIGGER jobs_embedding_write_log AFTER UPDATE OF embedding ON jobs FOR EACH ROW WHEN (NEW.embedding IS NOT NULL) EXECUTE FUNCTION log_embedding_write('job');
    DROP TRIGGER IF EXISTS resumes_embedding_write_log ON resumes;
    CREATE TRIGGER resumes_embedding_write_log AFTER UPDATE OF embedding ON resumes FOR EACH ROW WHEN (NEW.embedding IS NOT NULL) EXECUTE FUNCTION log_embedding_write('resume');
    TRUNCATE embedding_write_log;
  `);
}

/** Vector writes logged, and how many distinct rows they went to (equal: no duplicate writes). */
export async function countEmbeddingWrites(pool: Pool): Promise<{ writes: number; rows: number }> {
  const { rows } = await pool.query<{ writes: number; rows: number }>(
    'SELECT count(*)::int AS writes, count(DISTINCT (entity, id))::int AS rows FROM embedding_write_log',
  );
  return rows[0]!;
}

/** Sum of `embedder_jobs_total{outcome="written"}` on one embedder's GET /metrics. */
export async function writtenJobsMetric(httpPort: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${httpPort}/metrics`);
  const text = await response.text();
  let total = 0;
  for (const match of text.matchAll(/^embedder_jobs_total\{[^}]*outcome="written"[^}]*\} (\d+(?:\.\d+)?)$/gm)) total += Number(match[1]);
  return total;
}
