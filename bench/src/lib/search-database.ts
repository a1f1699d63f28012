import { randomUUID } from 'node:crypto';
import { Presets, SingleBar } from 'cli-progress';
import { Client, type Pool } from 'pg';
import { DEFAULT_MODEL_ID } from '@jobmatch/contracts';
import { applyMigrations, createPgPool, MIGRATIONS_DIR, modelIndexName, modelIndexSql, VectorStore, type ModelRef } from '@jobmatch/db';
import { describeTopics, jobRow, resumeRow, type JobRow, type ResumeRow } from './search-content';
import { copyBinary, type CopyValue } from './binary-copy';
import { EmbeddingLikeGenerator, Rng, type VectorModelParams } from './search-vectors';

/**
 * The benchmark's own database: created and migrated with the repository's migration runner,
 * seeded once, and reused by later runs while the fingerprint (generator version, parameters,
 * row counts) is unchanged. `--fresh` drops it first.
 */

/** Bump when the generator or the row content changes, so stale seeded databases are rebuilt. */
export const GENERATOR_VERSION = 1;

export interface DatasetSpec {
  jobs: number;
  resumes: number;
  model: VectorModelParams;
}

export interface SeedReport {
  reused: boolean;
  loadSeconds: number | null;
  indexBuildSeconds: number;
  /** When the index was built (an earlier run if `reused`). */
  indexBuiltAt: string;
  indexSizeMb: number;
  tableSizeMb: number;
  /** Jobs loaded per second (binary COPY), null when reused from a run before it was recorded. */
  loadRowsPerSecond: number | null;
  /** The embedding column's type the rows were loaded into. */
  vectorType: string | null;
  indexBuildSettings: IndexBuildSettings | null;
}

/**
 * The rows a dataset stores, each with its vector: arrays, or generators that produce them one by
 * one (a million rows never sit in memory at once).
 */
export interface SeedRows {
  jobs: Iterable<{ row: JobRow; vector: Float32Array }>;
  jobCount: number;
  resumes: Iterable<{ row: ResumeRow; vector: Float32Array }>;
  resumeCount: number;
}

const META_TABLE = 'bench_meta';
// The vectors are the default model's (registered and active from the migration); its HNSW indexes
// have the production definition (modelIndexSql), so the matcher runs against production-shaped indexes.
const ENTITIES = ['job', 'resume'] as const;

async function benchModel(pool: Pool): Promise<ModelRef> {
  const model = await new VectorStore(pool).findModel(DEFAULT_MODEL_ID);
  if (!model) throw new Error(`${DEFAULT_MODEL_ID} is not registered in embedding_models`);
  return model;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function ensureDatabase(serverUrl: string, database: string, fresh: boolean): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    if (fresh) await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const pool = createPgPool({ url: databaseUrl(serverUrl, database), poolSize: 1 });
  try {
    await applyMigrations(pool, MIGRATIONS_DIR);
  } finally {
    await pool.end();
  }
}

/** The synthetic dataset's fingerprint (unchanged since it was the only dataset, so seeded databases stay valid). */
export function syntheticFingerprint(spec: DatasetSpec): string {
  return JSON.stringify({ version: GENERATOR_VERSION, jobs: spec.jobs, resumes: spec.resumes, model: spec.model });
}

interface SeedMeta {
  fingerprint: string;
  loadSeconds: number;
  indexBuildSeconds: number;
  indexBuiltAt: string;
  loadRowsPerSecond?: number;
  vectorType?: string;
  indexBuildSettings?: IndexBuildSettings;
}

async function readMeta(pool: Pool): Promise<SeedMeta | null> {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (key text PRIMARY KEY, value jsonb NOT NULL)`);
  const { rows } = await pool.query<{ value: SeedMeta }>(`SELECT value FROM ${META_TABLE} WHERE key = 'seed'`);
  return rows[0]?.value ?? null;
}

async function indexesPresent(pool: Pool): Promise<boolean> {
  const model = await benchModel(pool);
  const { rows } = await pool.query<{ count: string }>(
    `SELECT count(*) FROM pg_indexes WHERE indexname = ANY($1::text[])`,
    [ENTITIES.map((entity) => modelIndexName(entity, model))],
  );
  return Number(rows[0]!.count) === ENTITIES.length;
}

/** The job index's size; the table size counts the rows and their vectors (jobs + job_embeddings). */
async function sizes(pool: Pool): Promise<{ indexSizeMb: number; tableSizeMb: number }> {
  const { rows } = await pool.query<{ index_bytes: string; table_bytes: string }>(
    `SELECT pg_relation_size($1::regclass) AS index_bytes,
            pg_total_relation_size('jobs') + pg_table_size('job_embeddings') + pg_indexes_size('job_embeddings') - pg_relation_size($1::regclass) AS table_bytes`,
    [modelIndexName('job', await benchModel(pool))],
  );
  const mb = (bytes: string) => Math.round(Number(bytes) / 1048576);
  return { indexSizeMb: mb(rows[0]!.index_bytes), tableSizeMb: mb(rows[0]!.table_bytes) };
}

/**
 * Seeds jobs and resumes (vectors + content) unless the database already holds the dataset with
 * this fingerprint, then (re)builds the HNSW indexes after the load — building once over all rows is
 * several times faster than maintaining the graph row by row. `produceRows` runs only when seeding.
 */
export async function seedDataset(
  pool: Pool,
  datasetFingerprint: string,
  produceRows: () => Promise<SeedRows>,
  log: (message: string) => void,
  buildSettings: IndexBuildSettings = DEFAULT_BUILD_SETTINGS,
): Promise<SeedReport> {
  const meta = await readMeta(pool);
  if (meta?.fingerprint === datasetFingerprint && (await indexesPresent(pool))) {
    log('dataset already seeded (same fingerprint): reusing it');
    return {
      reused: true,
      loadSeconds: meta.loadSeconds,
      indexBuildSeconds: meta.indexBuildSeconds,
      indexBuiltAt: meta.indexBuiltAt,
      loadRowsPerSecond: meta.loadRowsPerSecond ?? null,
      vectorType: meta.vectorType ?? null,
      indexBuildSettings: meta.indexBuildSettings ?? null,
      ...(await sizes(pool)),
    };
  }

  const rows = await produceRows();
  log(`seeding ${rows.jobCount} jobs and ${rows.resumeCount} resumes…`);
  const model = await benchModel(pool);
  for (const entity of ENTITIES) await pool.query(`DROP INDEX IF EXISTS ${modelIndexName(entity, model)}`);
  await pool.query(`TRUNCATE jobs, resumes CASCADE`);
  await pool.query(`DELETE FROM ${META_TABLE}`);

  const loadStart = performance.now();
  const { jobRowsPerSecond: loadRowsPerSecond, vectorType } = await copyRows(pool, rows, model, log);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  // VACUUM first: the build then reads an all-visible heap with hint bits set.
  for (const table of ['jobs', 'resumes', 'job_embeddings', 'resume_embeddings']) await pool.query(`VACUUM ANALYZE ${table}`);
  log(`loaded in ${loadSeconds.toFixed(1)} s; building HNSW indexes (m=16, ef_construction=64, maintenance_work_mem ${buildSettings.maintenanceWorkMem}, ${buildSettings.maxParallelMaintenanceWorkers} parallel workers)…`);
  const indexBuildSeconds = await buildIndexes(pool, model, buildSettings, log);
  const indexBuiltAt = new Date().toISOString();
  log(`HNSW indexes built in ${indexBuildSeconds.toFixed(1)} s`);
  const newMeta: SeedMeta = { fingerprint: datasetFingerprint, loadSeconds, indexBuildSeconds, indexBuiltAt, loadRowsPerSecond, vectorType, indexBuildSettings: buildSettings };
  await pool.query(`INSERT INTO ${META_TABLE} (key, value) VALUES ('seed', $1)`, [JSON.stringify(newMeta)]);
  return { reused: false, loadSeconds, indexBuildSeconds, indexBuiltAt, loadRowsPerSecond, vectorType, indexBuildSettings: buildSettings, ...(await sizes(pool)) };
}

/** The job vectors use stream seed+1; resumes seed+2; queries use other streams (see the bench). */
export function jobStream(seed: number): Rng {
  return new Rng(seed + 1);
}
export function resumeStream(seed: number): Rng {
  return new Rng(seed + 2);
}

/**
 * Row content for `count` jobs and resumes: topics drawn by `nextTopic` (the synthetic generator's
 * popularity), content from the same seeded streams as always.
 */
export function generateContent(
  generator: EmbeddingLikeGenerator,
  spec: DatasetSpec,
  nextJobTopic: () => number,
  nextResumeTopic: () => number,
): { jobs: Array<{ row: JobRow; topic: number }>; resumes: Array<{ row: ResumeRow; topic: number }> } {
  const topics = contentTopics(generator, spec);
  const jobRng = new Rng(spec.model.seed + 11);
  const resumeRng = new Rng(spec.model.seed + 12);
  const jobs = Array.from({ length: spec.jobs }, () => {
    const topic = nextJobTopic();
    return { row: jobRow(jobRng, topics[topic]!), topic };
  });
  const resumes = Array.from({ length: spec.resumes }, () => {
    const topic = nextResumeTopic();
    return { row: resumeRow(resumeRng, topics[topic]!), topic };
  });
  return { jobs, resumes };
}

/** Role and core skills of every topic (seeded by the topic index). */
export function contentTopics(generator: EmbeddingLikeGenerator, spec: DatasetSpec): ReturnType<typeof describeTopics> {
  return describeTopics(generator.topicCount, spec.model.topicsPerDomain, (topic) => new Rng(spec.model.seed * 31 + topic));
}

/**
 * The synthetic dataset: generated vectors, and content that follows each vector's topic. Rows are
 * generated as the loader consumes them, from the same seeded streams (and in the same order) as
 * generateContent, so a dataset of a given spec is the same rows whichever way it is produced.
 */
export function syntheticRows(generator: EmbeddingLikeGenerator, spec: DatasetSpec): SeedRows {
  const topics = contentTopics(generator, spec);
  function* stream<R>(count: number, vectors: Rng, content: Rng, row: (rng: Rng, topic: (typeof topics)[number]) => R) {
    for (let i = 0; i < count; i++) {
      const { vector, topic } = generator.sample(vectors);
      yield { row: row(content, topics[topic]!), vector };
    }
  }
  return {
    jobs: { [Symbol.iterator]: () => stream(spec.jobs, jobStream(spec.model.seed), new Rng(spec.model.seed + 11), jobRow) },
    jobCount: spec.jobs,
    resumes: { [Symbol.iterator]: () => stream(spec.resumes, resumeStream(spec.model.seed), new Rng(spec.model.seed + 12), resumeRow) },
    resumeCount: spec.resumes,
  };
}

/** Rows per pair of COPYs: the entity rows first, then their vectors (the foreign key needs the rows). */
const COPY_CHUNK = 20_000;

const JOB_COPY_TARGET =
  'jobs (id, title, company, location, employment_type, seniority, description, requirements, skills, required_skills, ' +
  'nice_to_have_skills, content_hash, embedding_model, embedding_status, embedded_at, updated_at)';
const RESUME_COPY_TARGET = 'resumes (id, file_name, mime_type, text, skills, profile, content_hash, embedding_model, embedding_status, embedded_at, updated_at)';
const VECTOR_COPY_TARGET = { job: 'job_embeddings (job_id, model_key, source_hash, embedding, computed_at)', resume: 'resume_embeddings (resume_id, model_key, source_hash, embedding, computed_at)' };

function* chunked<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The columns of one entity's COPY (rows, then their vectors) and how a seeded row fills them. */
interface EntityCopy<R> {
  target: string;
  vectorTarget: string;
  fields(row: R, id: string, model: ModelRef, now: Date): CopyValue[];
}

const JOB_COPY: EntityCopy<JobRow> = {
  target: JOB_COPY_TARGET,
  vectorTarget: VECTOR_COPY_TARGET.job,
  fields: (row, id, model, now) => [
    { type: 'uuid', value: id },
    { type: 'text', value: row.title },
    { type: 'text', value: row.company },
    { type: 'text', value: row.location },
    { type: 'text', value: row.employmentType },
    { type: 'text', value: row.seniority },
    { type: 'text', value: row.description },
    { type: 'text', value: row.requirements },
    { type: 'text[]', value: row.skills },
    { type: 'text[]', value: row.requiredSkills },
    { type: 'text[]', value: row.niceToHaveSkills },
    { type: 'text', value: row.contentHash },
    { type: 'text', value: model.modelId },
    { type: 'text', value: 'READY' },
    { type: 'timestamptz', value: now },
    { type: 'timestamptz', value: now },
  ],
};

const RESUME_COPY: EntityCopy<ResumeRow> = {
  target: RESUME_COPY_TARGET,
  vectorTarget: VECTOR_COPY_TARGET.resume,
  fields: (row, id, model, now) => [
    { type: 'uuid', value: id },
    { type: 'text', value: null },
    { type: 'text', value: 'text/plain' },
    { type: 'text', value: row.text },
    { type: 'text[]', value: row.skills },
    { type: 'jsonb', value: row.profile },
    { type: 'text', value: row.contentHash },
    { type: 'text', value: model.modelId },
    { type: 'text', value: 'READY' },
    { type: 'timestamptz', value: now },
    { type: 'timestamptz', value: now },
  ],
};

/** One entity's rows in chunks: each chunk's rows, then their halfvec vectors (the foreign key needs the rows first). */
async function copyEntity<R extends { contentHash: string }>(
  client: Client,
  copy: EntityCopy<R>,
  rows: Iterable<{ row: R; vector: Float32Array }>,
  model: ModelRef,
  onChunk: (count: number) => void,
): Promise<void> {
  const now = new Date();
  for (const chunk of chunked(rows, COPY_CHUNK)) {
    const ids = chunk.map(() => randomUUID());
    await copyBinary(client, copy.target, chunk.map(({ row }, i) => copy.fields(row, ids[i]!, model, now)), () => undefined);
    const vectors = chunk.map(({ row, vector }, i): CopyValue[] => [
      { type: 'uuid', value: ids[i]! },
      { type: 'int2', value: model.key },
      { type: 'text', value: row.contentHash },
      { type: 'halfvec', value: vector },
      { type: 'timestamptz', value: now },
    ]);
    await copyBinary(client, copy.vectorTarget, vectors, () => undefined);
    onChunk(chunk.length);
  }
}

/**
 * Both entities through binary COPY (binary-copy.ts) with a progress bar of rows and rows/s. Rows
 * are generated as the chunks are consumed, so a million of them never sit in memory.
 */
async function copyRows(pool: Pool, rows: SeedRows, model: ModelRef, log: (message: string) => void): Promise<LoadReport> {
  // A connection of its own: the pool's clients pipeline, and pg-copy-streams needs a plain one.
  const client = new Client({ connectionString: pool.options.connectionString });
  await client.connect();
  try {
    const bar = new SingleBar(
      { format: '  COPY jobs {bar} {percentage}% | {value}/{total} rows | {rate} rows/s | {duration_formatted}', hideCursor: true, etaBuffer: 50, noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 10_000 },
      Presets.shades_classic,
    );
    const started = performance.now();
    bar.start(rows.jobCount, 0, { rate: 0 });
    let loaded = 0;
    await copyEntity(client, JOB_COPY, rows.jobs, model, (count) => {
      loaded += count;
      const rate = Math.round(loaded / ((performance.now() - started) / 1000));
      bar.update(loaded, { rate });
      // Without a terminal (CI, logs) the bar redraws seldom: a line every 10 chunks.
      if (!process.stdout.isTTY && (loaded / COPY_CHUNK) % 10 === 0) log(`  ${loaded} jobs, ${rate} rows/s`);
    });
    bar.stop();
    const jobSeconds = (performance.now() - started) / 1000;
    await copyEntity(client, RESUME_COPY, rows.resumes, model, () => undefined);
    const report = { jobRowsPerSecond: Math.round(rows.jobCount / jobSeconds), vectorType: `halfvec(${model.dimension})` };
    log(`  ${rows.jobCount} jobs in ${jobSeconds.toFixed(1)} s (${report.jobRowsPerSecond} rows/s, binary COPY of rows + halfvec vectors); ${rows.resumeCount} resumes`);
    return report;
  } finally {
    await client.end();
  }
}

interface LoadReport {
  jobRowsPerSecond: number;
  vectorType: string;
}

/** Session settings of the index build, reported with its time (bench/results). */
export interface IndexBuildSettings {
  maintenanceWorkMem: string;
  maxParallelMaintenanceWorkers: number;
}

/** The 100 000-row builds' settings; the 1M bench raises maintenance_work_mem so its graph fits. */
export const DEFAULT_BUILD_SETTINGS: IndexBuildSettings = { maintenanceWorkMem: '1GB', maxParallelMaintenanceWorkers: 2 };

async function buildIndexes(pool: Pool, model: ModelRef, settings: IndexBuildSettings, log: (message: string) => void): Promise<number> {
  const client = await pool.connect();
  // pgvector reports "graph no longer fits into maintenance_work_mem" as a notice.
  const onNotice = (notice: { message?: string }) => log(`  postgres: ${notice.message}`);
  client.on('notice', onNotice);
  try {
    // The whole graph must fit in maintenance_work_mem or the build slows down sharply;
    // the parallel workers are the machine's two cores. Both are per-session settings.
    if (!/^\d+(MB|GB)$/.test(settings.maintenanceWorkMem)) throw new Error(`maintenance_work_mem: expected e.g. 2GB, got ${settings.maintenanceWorkMem}`);
    await client.query(`SET maintenance_work_mem = '${settings.maintenanceWorkMem}'`);
    await client.query(`SET max_parallel_maintenance_workers = ${Math.floor(settings.maxParallelMaintenanceWorkers)}`);
    const start = performance.now();
    for (const entity of ENTITIES) {
      await client.query(modelIndexSql(entity, model, { concurrently: false }));
      log(`  ${modelIndexName(entity, model)} built after ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    return (performance.now() - start) / 1000;
  } finally {
    client.off('notice', onNotice);
    client.release();
  }
}

export interface StoredIds {
  resumeIds: string[];
  jobCount: number;
}

export async function storedIds(pool: Pool): Promise<StoredIds> {
  const { key } = await benchModel(pool);
  const { rows } = await pool.query<{ id: string }>(`SELECT resume_id AS id FROM resume_embeddings WHERE model_key = $1 ORDER BY resume_id`, [key]);
  const { rows: count } = await pool.query<{ count: string }>(`SELECT count(*) FROM job_embeddings WHERE model_key = $1`, [key]);
  return { resumeIds: rows.map((row) => row.id), jobCount: Number(count[0]!.count) };
}
