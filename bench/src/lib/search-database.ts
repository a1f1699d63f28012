import { randomUUID } from 'node:crypto';
import { Client, type Pool } from 'pg';
import { DEFAULT_MODEL_ID } from '@jobmatch/contracts';
import { applyMigrations, createPgPool, MIGRATIONS_DIR, modelIndexName, modelIndexSql, VectorStore, type ModelRef } from '@jobmatch/db';
import { describeTopics, jobRow, resumeRow, type JobRow, type ResumeRow } from './search-content';
import { EmbeddingLikeGenerator, Rng, toPgVector, type VectorModelParams } from './search-vectors';

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
}

/** The rows a dataset stores, each with its vector. */
export interface SeedRows {
  jobs: Array<{ row: JobRow; vector: Float32Array }>;
  resumes: Array<{ row: ResumeRow; vector: Float32Array }>;
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
): Promise<SeedReport> {
  const meta = await readMeta(pool);
  if (meta?.fingerprint === datasetFingerprint && (await indexesPresent(pool))) {
    log('dataset already seeded (same fingerprint): reusing it');
    return { reused: true, loadSeconds: meta.loadSeconds, indexBuildSeconds: meta.indexBuildSeconds, indexBuiltAt: meta.indexBuiltAt, ...(await sizes(pool)) };
  }

  const rows = await produceRows();
  log(`seeding ${rows.jobs.length} jobs and ${rows.resumes.length} resumes…`);
  const model = await benchModel(pool);
  for (const entity of ENTITIES) await pool.query(`DROP INDEX IF EXISTS ${modelIndexName(entity, model)}`);
  await pool.query(`TRUNCATE jobs, resumes CASCADE`);
  await pool.query(`DELETE FROM ${META_TABLE}`);

  const loadStart = performance.now();
  await insertJobs(pool, rows.jobs, model, log);
  await insertResumes(pool, rows.resumes, model);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  log(`loaded in ${loadSeconds.toFixed(1)} s; building HNSW indexes (m=16, ef_construction=64)…`);

  const indexBuildSeconds = await buildIndexes(pool, model);
  for (const table of ['jobs', 'resumes', 'job_embeddings', 'resume_embeddings']) await pool.query(`VACUUM ANALYZE ${table}`);
  const indexBuiltAt = new Date().toISOString();
  log(`HNSW indexes built in ${indexBuildSeconds.toFixed(1)} s`);
  const newMeta: SeedMeta = { fingerprint: datasetFingerprint, loadSeconds, indexBuildSeconds, indexBuiltAt };
  await pool.query(`INSERT INTO ${META_TABLE} (key, value) VALUES ('seed', $1)`, [JSON.stringify(newMeta)]);
  return { reused: false, loadSeconds, indexBuildSeconds, indexBuiltAt, ...(await sizes(pool)) };
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

/** The synthetic dataset: generated vectors, and content that follows each vector's topic. */
export function syntheticRows(generator: EmbeddingLikeGenerator, spec: DatasetSpec): SeedRows {
  const jobVectors = jobStream(spec.model.seed);
  const resumeVectors = resumeStream(spec.model.seed);
  const jobSamples: Float32Array[] = [];
  const resumeSamples: Float32Array[] = [];
  const content = generateContent(
    generator,
    spec,
    () => {
      const { vector, topic } = generator.sample(jobVectors);
      jobSamples.push(vector);
      return topic;
    },
    () => {
      const { vector, topic } = generator.sample(resumeVectors);
      resumeSamples.push(vector);
      return topic;
    },
  );
  return {
    jobs: content.jobs.map(({ row }, i) => ({ row, vector: jobSamples[i]! })),
    resumes: content.resumes.map(({ row }, i) => ({ row, vector: resumeSamples[i]! })),
  };
}

const BATCH = 1000;

async function insertJobs(pool: Pool, jobs: SeedRows['jobs'], model: ModelRef, log: (message: string) => void): Promise<void> {
  for (let start = 0; start < jobs.length; start += BATCH) {
    const columns: string[][] = Array.from({ length: 13 }, () => []);
    for (const { row, vector } of jobs.slice(start, start + BATCH)) {
      const values = [
        randomUUID(), row.title, row.company, row.location, row.employmentType, row.seniority, row.description,
        row.requirements, row.skills.join('|'), row.requiredSkills.join('|'), row.niceToHaveSkills.join('|'),
        row.contentHash, toPgVector(vector),
      ];
      values.forEach((value, column) => columns[column]!.push(value));
    }
    // One statement per batch: arrays of column values unnested server-side, all bound parameters.
    // Skill lists travel as '|'-joined text because unnest flattens a text[][] parameter.
    // The row and its vector (the model's halfvec row) in one statement.
    await pool.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                              $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
           AS t(id, title, company, location, employment_type, seniority, description, requirements,
                skills, required, nice, content_hash, embedding)
       ), inserted AS (
         INSERT INTO jobs (id, title, company, location, employment_type, seniority, description, requirements,
                           skills, required_skills, nice_to_have_skills, content_hash,
                           embedding_model, embedding_status, embedded_at, updated_at)
         SELECT id, title, company, location, employment_type, seniority, description, requirements,
                string_to_array(skills, '|'), string_to_array(required, '|'), string_to_array(nice, '|'),
                content_hash, $14, 'READY', now(), now()
           FROM input
         RETURNING id
       )
       INSERT INTO job_embeddings (job_id, model_key, source_hash, embedding, computed_at)
       SELECT i.id, $15, i.content_hash, i.embedding::halfvec(${model.dimension}), now() FROM input i JOIN inserted USING (id)`,
      [...columns, model.modelId, model.key],
    );
    if ((start / BATCH) % 20 === 19) log(`  ${start + BATCH} jobs`);
  }
}

async function insertResumes(pool: Pool, resumes: SeedRows['resumes'], model: ModelRef): Promise<void> {
  for (let start = 0; start < resumes.length; start += BATCH) {
    const columns: string[][] = Array.from({ length: 6 }, () => []);
    for (const { row, vector } of resumes.slice(start, start + BATCH)) {
      const values = [randomUUID(), row.text, row.skills.join('|'), JSON.stringify(row.profile), row.contentHash, toPgVector(vector)];
      values.forEach((value, column) => columns[column]!.push(value));
    }
    await pool.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
           AS t(id, text, skills, profile, content_hash, embedding)
       ), inserted AS (
         INSERT INTO resumes (id, file_name, mime_type, text, skills, profile, content_hash,
                              embedding_model, embedding_status, embedded_at, updated_at)
         SELECT id, NULL, 'text/plain', text, string_to_array(skills, '|'), profile::jsonb, content_hash,
                $7, 'READY', now(), now()
           FROM input
         RETURNING id
       )
       INSERT INTO resume_embeddings (resume_id, model_key, source_hash, embedding, computed_at)
       SELECT i.id, $8, i.content_hash, i.embedding::halfvec(${model.dimension}), now() FROM input i JOIN inserted USING (id)`,
      [...columns, model.modelId, model.key],
    );
  }
}

async function buildIndexes(pool: Pool, model: ModelRef): Promise<number> {
  const client = await pool.connect();
  try {
    // The whole graph must fit in maintenance_work_mem or the build slows down sharply;
    // the parallel workers are the machine's two cores.
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query(`SET max_parallel_maintenance_workers = 2`);
    const start = performance.now();
    for (const entity of ENTITIES) await client.query(modelIndexSql(entity, model, { concurrently: false }));
    return (performance.now() - start) / 1000;
  } finally {
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
