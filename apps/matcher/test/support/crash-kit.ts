import { randomUUID } from 'node:crypto';
import { jobEmbeddingText, sha256Hex, type EmbedEntityPayload } from '@jobmatch/contracts';
import { VectorStore } from '@jobmatch/db';
import { prepareTestModelDir, type TestModelDir } from '@jobmatch/onnx-testkit';
import { startEmbedderProcess, type EmbedderProcess } from '@jobmatch/testing';
import { EmbedderRpcClient } from '../../src/embedder/embedder-rpc.client';
import { EmbeddingQueueProducer } from '../../src/queue/embedding-queue.producer';
import { waitFor, type MatcherHarness } from './matcher-harness';

/**
 * Shared pieces of the crash-safety suites (test/crash-safety): the built embedder as a child
 * process with a generated model (mechanics, not meaning), rows written the way the product
 * stores them, and the check every suite ends with — each row holds exactly the vector of its
 * final content.
 */

export interface JobText {
  id: string;
  title: string;
  description: string;
  requirements: string;
}

export const jobText = (index: number, version = 0): Omit<JobText, 'id'> => ({
  title: `Engineer ${index} v${version}`,
  description: `Build and run service ${index} (revision ${version}) in Go, Kotlin and PostgreSQL; review code; carry the pager.`,
  requirements: `Required: skill-${index % 97} and tool-${(index * 7 + version) % 89}`,
});

/** The queue payload of a job row's (current or older) text, as the product builds it. */
export const jobPayload = (h: MatcherHarness, row: Omit<JobText, 'id'> & { id: string }): EmbedEntityPayload => ({
  entity: 'job',
  id: row.id,
  contentHash: sha256Hex(jobEmbeddingText(row)),
  modelId: h.config.MODEL_ID,
});

/** Enqueues the rows' jobs through the product's producer (one addBulk). */
export const enqueueJobs = (h: MatcherHarness, rows: Array<Omit<JobText, 'id'> & { id: string }>) =>
  h.app.get(EmbeddingQueueProducer).enqueue(rows.map((row) => jobPayload(h, row)));

/** PENDING job rows, one multi-row INSERT (as a bulk import leaves them), last written a minute ago. */
export async function insertPendingJobs(h: MatcherHarness, count: number, firstIndex = 0): Promise<JobText[]> {
  const rows = Array.from({ length: count }, (_, index) => ({ id: randomUUID(), ...jobText(firstIndex + index) }));
  await h.sql(
    `INSERT INTO jobs (id, title, company, description, requirements, content_hash, updated_at)
     SELECT id, title, 'Acme', description, requirements, hash, now() - interval '1 minute'
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, title, description, requirements, hash)`,
    [
      rows.map((row) => row.id),
      rows.map((row) => row.title),
      rows.map((row) => row.description),
      rows.map((row) => row.requirements),
      rows.map((row) => sha256Hex(jobEmbeddingText(row))),
    ],
  );
  return rows;
}

export async function countJobs(h: MatcherHarness, status: 'PENDING' | 'READY' | 'FAILED'): Promise<number> {
  const [row] = await h.sql<{ count: number }>(`SELECT count(*)::int AS count FROM jobs WHERE embedding_status = $1`, [
    status,
  ]);
  return row!.count;
}

export const waitUntilAllJobsReady = (h: MatcherHarness, total: number, timeoutMs: number) =>
  waitFor(`all ${total} jobs READY`, async () => (await countJobs(h, 'READY')) === total, timeoutMs, 250);

let model: Promise<TestModelDir> | undefined;
export const testModel = () => (model ??= prepareTestModelDir({ preset: 'mini384' }));

/** The built embedder (dist/main.js) on the harness's database and queue, with the generated model. */
export async function startEmbedder(
  h: MatcherHarness,
  options: { rpcPort: number; databaseUrl?: string; redisUrl?: string; env?: Record<string, string> },
): Promise<EmbedderProcess> {
  const { modelRoot, spec } = await testModel();
  return startEmbedderProcess({
    databaseUrl: options.databaseUrl ?? h.db.url,
    redisUrl: options.redisUrl ?? h.config.REDIS_URL,
    redisKeyPrefix: h.redisPrefix,
    modelDir: modelRoot,
    modelSpec: spec,
    rpcPort: options.rpcPort,
    env: { QUEUE_CONCURRENCY: '4', LOG_LEVEL: 'warn', ...options.env },
  });
}

const HALF_PRECISION = 5e-4;

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

/**
 * Every row is READY with one vector of the harness's model; the vectors of `rows` are the
 * embeddings of their final content (through the running embedder's RPC, same model): not of an
 * older text. `stale` maps ids to older texts they had; each such vector must also be far from
 * the old text's embedding, so a stale overwrite cannot pass as float noise.
 */
export async function expectVectorsOfFinalContent(
  h: MatcherHarness,
  rows: JobText[],
  stale: Map<string, Omit<JobText, 'id'>> = new Map(),
): Promise<void> {
  // Exactly one vector of the model per row (the table's key allows no second), and it is current:
  // computed from the row's content hash of now, and the row READY for that model.
  const [state] = await h.sql<{ total: number; current: number }>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (
              WHERE j.embedding_status = 'READY' AND j.embedding_model = $1
                AND (SELECT count(*) FROM job_embeddings e JOIN embedding_models m ON m.model_key = e.model_key
                      WHERE e.job_id = j.id AND m.model_id = $1 AND e.source_hash = j.content_hash) = 1
            )::int AS current
       FROM jobs j`,
    [h.config.MODEL_ID],
  );
  expect(state!.current).toBe(state!.total);
  const vectors = h.app.get(VectorStore);
  const rpc = h.app.get(EmbedderRpcClient);
  const embed = async (texts: string[]) => {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += 64)
      out.push(...(await rpc.embed({ texts: texts.slice(i, i + 64), kind: 'passage' })).vectors);
    return out;
  };
  const expected = await embed(rows.map((row) => jobEmbeddingText(row)));
  const staleIds = [...stale.keys()];
  const staleVectors = new Map(
    (await embed(staleIds.map((id) => jobEmbeddingText(stale.get(id)!)))).map((vector, i) => [staleIds[i]!, vector]),
  );
  const stored = await Promise.all(rows.map((row) => vectors.readEmbedding('job', row.id)));
  const problems: string[] = [];
  for (const [index, row] of rows.entries()) {
    const vector = stored[index];
    if (!vector) {
      problems.push(`${row.id}: no vector`);
      continue;
    }
    if (vector.modelId !== h.config.MODEL_ID) problems.push(`${row.id}: vector of model ${vector.modelId}`);
    // Stored as halfvec (10-bit mantissa): components differ from float32 by up to ~1e-4 here.
    const error = maxAbsDifference(vector.vector, expected[index]!);
    if (error > HALF_PRECISION)
      problems.push(`${row.id}: not the vector of its final content (max |Δ| ${error.toFixed(5)})`);
    // The old text's vector must be far from the new one, or a stale write could pass as rounding.
    const old = staleVectors.get(row.id);
    if (old && maxAbsDifference(old, expected[index]!) < 10 * HALF_PRECISION)
      problems.push(`${row.id}: its old and new texts embed too alike to tell a stale vector apart`);
  }
  expect(problems.slice(0, 10)).toEqual([]);
}
