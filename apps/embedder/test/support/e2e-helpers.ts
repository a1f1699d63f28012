import { randomUUID } from 'node:crypto';
import type { Job, Queue } from 'bullmq';
import { jobEmbeddingText, sha256Hex } from '@jobmatch/contracts';
import type { Pool } from 'pg';

export interface SeededJob {
  id: string;
  text: string;
  contentHash: string;
}

export async function insertJobPosting(
  pool: Pool,
  posting: { title: string; description: string; requirements?: string },
): Promise<SeededJob> {
  const id = randomUUID();
  const text = jobEmbeddingText(posting);
  const contentHash = sha256Hex(text);
  await pool.query(
    `INSERT INTO jobs (id, title, company, description, requirements, content_hash, updated_at)
     VALUES ($1, $2, 'Acme', $3, $4, $5, now())`,
    [id, posting.title, posting.description, posting.requirements ?? '', contentHash],
  );
  return { id, text, contentHash };
}

export async function insertResume(pool: Pool, text: string): Promise<SeededJob> {
  const id = randomUUID();
  const contentHash = sha256Hex(text);
  await pool.query(`INSERT INTO resumes (id, text, content_hash, updated_at) VALUES ($1, $2, $3, now())`, [
    id,
    text,
    contentHash,
  ]);
  return { id, text, contentHash };
}

export async function embeddingRow(pool: Pool, table: 'jobs' | 'resumes', id: string) {
  const { rows } = await pool.query<{
    has_vector: boolean;
    embedding_model: string | null;
    embedding_status: string;
    embedding_error: string | null;
  }>(
    // has_vector: a vector of the active model (the row's state is the active model's).
    `SELECT EXISTS (SELECT 1 FROM ${table === 'jobs' ? 'job_embeddings' : 'resume_embeddings'} e
                      JOIN embedding_models m ON m.model_key = e.model_key AND m.state = 'active'
                     WHERE e.${table === 'jobs' ? 'job_id' : 'resume_id'} = t.id) AS has_vector,
            embedding_model, embedding_status::text AS embedding_status, embedding_error
       FROM ${table} t WHERE id = $1`,
    [id],
  );
  return rows[0]!;
}

/** Polls until the job is completed or failed (BullMQ keeps both here: removeOnFail is false). */
export async function waitForFinalState(
  queue: Queue,
  jobId: string,
  timeoutMs = 30_000,
): Promise<{ state: string; job: Job }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // State first, then the job: read the other way round, a job could be read mid-retry
    // (attemptsMade still 1) and its state a moment later as failed. Final states do not change.
    const state = await queue.getJobState(jobId);
    const job = state === 'completed' || state === 'failed' ? await queue.getJob(jobId) : undefined;
    if (job) return { state, job };
    if (Date.now() > deadline) throw new Error(`Job ${jobId} still ${state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function norm(vector: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  return Math.sqrt(sum);
}

export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}
