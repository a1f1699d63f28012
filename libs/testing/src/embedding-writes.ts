import type { Pool } from 'pg';

/**
 * Counts vector writes in the database itself, for tests and benches of several embedder workers:
 * a trigger logs every insert or update of a vector row (job_embeddings, resume_embeddings: one per
 * entity row and model), so a duplicate write shows up
 * however the workers report their own work. For test and bench databases only.
 */
export async function installEmbeddingWriteLog(pool: Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS embedding_write_log (entity text NOT NULL, id uuid NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
    CREATE OR REPLACE FUNCTION log_embedding_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO embedding_write_log (entity, id) VALUES (TG_ARGV[0], (to_jsonb(NEW) ->> TG_ARGV[1])::uuid);
        RETURN NEW;
      END $$;
    DROP TRIGGER IF EXISTS job_embeddings_write_log ON job_embeddings;
    CREATE TRIGGER job_embeddings_write_log AFTER INSERT OR UPDATE OF embedding ON job_embeddings FOR EACH ROW EXECUTE FUNCTION log_embedding_write('job', 'job_id');
    DROP TRIGGER IF EXISTS resume_embeddings_write_log ON resume_embeddings;
    CREATE TRIGGER resume_embeddings_write_log AFTER INSERT OR UPDATE OF embedding ON resume_embeddings FOR EACH ROW EXECUTE FUNCTION log_embedding_write('resume', 'resume_id');
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
