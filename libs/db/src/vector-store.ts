import pgvector from 'pgvector';
import { createHash } from 'node:crypto';
import type { Client, Pool, PoolClient, QueryConfig } from 'pg';
import { filterConditions, type EntityFilters, type JobFilters, type ResumeFilters } from './filters';
import { JOB_COLUMNS, SELECT_JOB } from './repositories/job.repository';
import { RESUME_COLUMNS, SELECT_RESUME } from './repositories/resume.repository';
import { selectList } from './repositories/pg-rows';
import type { Job, Resume } from './generated/prisma/client';
import type { EmbeddableEntity } from '@jobmatch/contracts';

/**
 * All vector SQL of the system. Table and column names come from the fixed maps below, never
 * from callers; every value (vectors included) is a bound parameter, except a registered model's
 * key and dimension, integers read from the registry (embedding_models) and written as literals:
 * each model's HNSW index is a partial expression index,
 * `((embedding::halfvec(<dim>)) halfvec_cosine_ops) WHERE model_key = <key>`, and the planner
 * uses it only for a statement with that very cast and predicate (a bound parameter cannot prove a
 * partial index's predicate in a cached generic plan). Distances use `<=>` (cosine).
 *
 * Layout (migration 20261202010000_embeddings_by_model): vectors live in job_embeddings /
 * resume_embeddings, one row per (entity, model), as halfvec of the model's dimension; the
 * entity rows keep the embedding state for the ACTIVE model (embedding_status, embedding_model…).
 * Searches join the vector rows to the entity table, whose columns the shared filter builder
 * (filters.ts) names unqualified — the vector tables share no column name with jobs/resumes.
 */

const TABLE: Record<EmbeddableEntity, string> = { job: 'jobs', resume: 'resumes' };
/** Each entity's vector table and its key column. */
const VECTORS: Record<EmbeddableEntity, { table: string; key: string }> = {
  job: { table: 'job_embeddings', key: 'job_id' },
  resume: { table: 'resume_embeddings', key: 'resume_id' },
};
const ENTITIES: EmbeddableEntity[] = ['job', 'resume'];

/** HNSW build parameters of every model's index (the same as the first migration's). */
export const HNSW_BUILD = { m: 16, efConstruction: 64 } as const;

/** A registered model as the vector SQL needs it (key and dimension never change once registered). */
export interface ModelRef {
  key: number;
  modelId: string;
  dimension: number;
}

/** The vector column cast to the model's dimension: exactly the expression its HNSW index is built on. */
function vectorExpression(model: ModelRef): string {
  return `embedding::halfvec(${model.dimension})`;
}

/** Name of a model's HNSW index on an entity's vector table (the migration's name for key 1). */
export function modelIndexName(entity: EmbeddableEntity, model: Pick<ModelRef, 'key'>): string {
  return `${VECTORS[entity].table}_m${model.key}_hnsw_idx`;
}

/**
 * CREATE INDEX for a model's HNSW index on an entity's vector table: the one definition the
 * migration, ModelRegistry (CONCURRENTLY, at runtime) and the search benchmark's bulk load use.
 */
export function modelIndexSql(entity: EmbeddableEntity, model: ModelRef, options: { concurrently: boolean }): string {
  return `CREATE INDEX ${options.concurrently ? 'CONCURRENTLY ' : ''}IF NOT EXISTS "${modelIndexName(entity, model)}" ON ${VECTORS[entity].table}
           USING hnsw ((${vectorExpression(model)}) halfvec_cosine_ops) WITH (m = ${HNSW_BUILD.m}, ef_construction = ${HNSW_BUILD.efConstruction})
           WHERE model_key = ${model.key}`;
}

/** Registry values are checked before they are written into SQL as literals. */
function checkedModelRef(row: { model_key: number; model_id: string; dimension: number }): ModelRef {
  const key = Number(row.model_key);
  const dimension = Number(row.dimension);
  if (!Number.isInteger(key) || key < 1 || key > 32767) throw new Error(`Invalid model key ${row.model_key}`);
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 4000) throw new Error(`Invalid dimension ${row.dimension}`);
  return { key, modelId: row.model_id, dimension };
}

/** A write for a model the registry does not know: register it first (ModelRegistry.register). */
export class UnregisteredModelError extends Error {
  constructor(readonly modelId: string) {
    super(`Embedding model "${modelId}" is not registered (embedding_models); register it before storing its vectors.`);
  }
}

export interface NearestOptions<E extends EmbeddableEntity> {
  modelId: string;
  limit: number;
  filters?: EntityFilters<E>;
  /** HNSW candidate list size (`hnsw.ef_search`); higher buys recall for latency. */
  efSearch?: number;
  /** Skip the index and compute exact distances (ground truth for recall measurements). */
  exact?: boolean;
  excludeIds?: string[];
}

export interface Neighbour {
  id: string;
  /** Cosine distance in [0, 2]. */
  distance: number;
  /** Cosine similarity clamped to [0, 1], computed by the statement (SIMILARITY_SQL = toSimilarity). */
  similarity: number;
}

/** What a recommendation needs from each candidate job, read by the search statement itself. */
export interface JobCandidateFields {
  title: string;
  company: string;
  location: string | null;
  seniority: string | null;
  employmentType: string | null;
  skills: string[];
  requiredSkills: string[];
  niceToHaveSkills: string[];
  /** The requirements, or the description when the posting has no requirements section. */
  requirementText: string;
  /** O*NET-SOC occupation (null when unknown). */
  occupationCode: string | null;
}

/** What a recommendation needs from each candidate resume, read by the search statement itself. */
export interface ResumeCandidateFields {
  fileName: string | null;
  text: string;
  skills: string[];
  profile: unknown;
  /** O*NET-SOC occupation (null when unknown). */
  occupationCode: string | null;
}

export type CandidateFields<E extends EmbeddableEntity> = E extends 'job' ? JobCandidateFields : ResumeCandidateFields;

/**
 * Fixed select lists for the candidate fields above (never built from caller input). Text arrays
 * travel as JSON: node-pg decodes json with the native JSON.parse, several times cheaper than its
 * array-literal parser for the dozens of skill arrays in every recommendation.
 */
const CANDIDATE_COLUMNS: Record<EmbeddableEntity, string> = {
  job:
    'title, company, location, seniority, employment_type AS "employmentType", to_json(skills) AS skills, ' +
    'to_json(required_skills) AS "requiredSkills", to_json(nice_to_have_skills) AS "niceToHaveSkills", ' +
    `CASE WHEN requirements ~ '[^[:space:]]' THEN requirements ELSE description END AS "requirementText", ` +
    'occupation_code AS "occupationCode"',
  resume: 'file_name AS "fileName", text, to_json(skills) AS skills, profile, occupation_code AS "occupationCode"',
};

/** The whole row of an entity (everything but the vector). */
export type EntityRow<E extends EmbeddableEntity> = E extends 'job' ? Job : Resume;

/**
 * Which columns a nearest-neighbour read returns with each neighbour: the whole row (search
 * results show it), or only the CandidateFields a recommendation scores and shows.
 */
export type NeighbourColumns = 'row' | 'candidate';
export type NeighbourRow<E extends EmbeddableEntity, C extends NeighbourColumns> = Neighbour & (C extends 'row' ? EntityRow<E> : CandidateFields<E>);
export type Candidate<E extends EmbeddableEntity> = NeighbourRow<E, 'candidate'>;

/** What a search from a stored row's vector reads in one round trip. */
export interface SourceWithNeighbours<S extends EmbeddableEntity, E extends EmbeddableEntity, C extends NeighbourColumns = 'candidate'> {
  /** The source row, or null when there is no such row. */
  source: EntityRow<S> | null;
  /** Its neighbours with their columns, or null when the source has no vector for the model. */
  candidates: NeighbourRow<E, C>[] | null;
}

/** The whole source row, and whether it has a vector for the model (key $2); fixed SQL per entity. */
const sourceRowSql = (entity: EmbeddableEntity, columns: string) =>
  `SELECT ${columns}, EXISTS (SELECT 1 FROM ${VECTORS[entity].table} WHERE ${VECTORS[entity].key} = $1 AND model_key = $2) AS "hasVector" FROM ${TABLE[entity]} WHERE id = $1`;
/** Whole rows beside the search's own id column. */
const ROW_COLUMNS: Record<EmbeddableEntity, string> = { job: selectList(JOB_COLUMNS, ['id']), resume: selectList(RESUME_COLUMNS, ['id']) };
const SOURCE_ROW_SQL: Record<EmbeddableEntity, string> = { job: sourceRowSql('job', SELECT_JOB), resume: sourceRowSql('resume', SELECT_RESUME) };
const NEIGHBOUR_COLUMNS: Record<NeighbourColumns, Record<EmbeddableEntity, string>> = { row: ROW_COLUMNS, candidate: CANDIDATE_COLUMNS };

export interface StoredEmbedding {
  vector: Float32Array;
  modelId: string;
}

/**
 * Cosine similarity of unit vectors lies in [-1, 1]; clients expect a score in [0, 1].
 * Negative similarity (opposed meaning) is clamped to 0 rather than rescaled, so that
 * 0.8 keeps meaning "cosine 0.8" in every response.
 */
export function toSimilarity(distance: number): number {
  return Math.min(1, Math.max(0, 1 - distance));
}

/**
 * toSimilarity in SQL (float8, the same operations, so the same value), for search rows: a
 * property added to node-postgres's row objects after parsing cost ≈ 190 bytes of old-generation
 * memory per row, the largest share of what brought on V8's full GCs under load (BENCHMARKS.md).
 */
const SIMILARITY_SQL = 'LEAST(1, GREATEST(0, 1 - distance))';

/** A vector of the model's dimension with a direction (finite, not zero). */
export function assertStorableVector(vector: ArrayLike<number>, dimension: number): void {
  if (vector.length !== dimension) {
    throw new Error(`Expected a ${dimension}-dimensional vector, got ${vector.length}`);
  }
  let norm = 0;
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i]!;
    if (!Number.isFinite(value)) throw new Error('Vector contains a non-finite value');
    norm += value * value;
  }
  // A zero vector has no direction: cosine distance to it is undefined, and it would match nothing.
  if (norm === 0) throw new Error('Refusing to store a zero vector');
}

/** A row whose vector for a model is missing or was computed from other content (backfill input). */
export interface RowWithoutCurrentVector {
  id: string;
  contentHash: string;
}

/** How many rows of an entity have a vector of the model computed from their current content. */
export interface VectorCoverage {
  rows: number;
  current: number;
  /** Vectors of older content (still searched until replaced). */
  stale: number;
}

export class VectorStore {
  /** Registered models by id; key and dimension never change, so entries never go stale. */
  private readonly models = new Map<string, ModelRef>();

  constructor(private readonly pool: Pool) {}

  /** The registered model's key and dimension, or null when it is not registered. */
  async findModel(modelId: string): Promise<ModelRef | null> {
    const cached = this.models.get(modelId);
    if (cached) return cached;
    const { rows } = await this.pool.query<{ model_key: number; model_id: string; dimension: number }>({
      name: 'jobmatch_model_ref',
      text: 'SELECT model_key, model_id, dimension FROM embedding_models WHERE model_id = $1',
      values: [modelId],
    });
    if (!rows[0]) return null;
    const model = checkedModelRef(rows[0]);
    this.models.set(modelId, model);
    return model;
  }

  private async registeredModel(modelId: string): Promise<ModelRef> {
    const model = await this.findModel(modelId);
    if (!model) throw new UnregisteredModelError(modelId);
    return model;
  }

  /**
   * Stores a vector only while the row still holds the content it was computed from (the row is
   * locked FOR SHARE, so a concurrent content update waits or wins). For the active model the
   * row's embedding state becomes READY; a vector of a model being built leaves it alone.
   * Returns false when the row is gone or its content hash changed (a stale embedding job).
   */
  async writeEmbedding(
    entity: EmbeddableEntity,
    id: string,
    vector: ArrayLike<number>,
    modelId: string,
    expectedContentHash: string,
  ): Promise<boolean> {
    const model = await this.registeredModel(modelId);
    assertStorableVector(vector, model.dimension);
    const { table, key } = VECTORS[entity];
    const { rows } = await this.pool.query<{ written: number }>(
      `WITH source AS (
         SELECT id FROM ${TABLE[entity]} WHERE id = $3::uuid AND content_hash = $4::text FOR SHARE
       ), stored AS (
         INSERT INTO ${table} (${key}, model_key, source_hash, embedding, computed_at)
         SELECT id, $2::smallint, $4::text, $1::halfvec(${model.dimension}), now() FROM source
         ON CONFLICT (${key}, model_key) DO UPDATE
           SET source_hash = EXCLUDED.source_hash, embedding = EXCLUDED.embedding, computed_at = EXCLUDED.computed_at
         RETURNING ${key}
       ), state AS (
         UPDATE ${TABLE[entity]}
            SET embedding_model = $5::text, embedding_status = 'READY', embedding_error = NULL, embedded_at = now()
          WHERE id IN (SELECT ${key} FROM stored)
            AND EXISTS (SELECT 1 FROM embedding_models WHERE model_key = $2 AND state = 'active')
       )
       SELECT count(*)::int AS written FROM stored`,
      [pgvector.toSql(Array.from(vector)), model.key, id, expectedContentHash, model.modelId],
    );
    return rows[0]!.written > 0;
  }

  /**
   * Marks an embedding as permanently failed (after the queue gave up), if the content is unchanged
   * and the model is the active one (the row's state is the active model's; a model being built
   * shows its gaps in its coverage instead).
   */
  async markEmbeddingFailed(entity: EmbeddableEntity, id: string, expectedContentHash: string, reason: string, modelId: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${TABLE[entity]} SET embedding_status = 'FAILED', embedding_error = $1
        WHERE id = $2 AND content_hash = $3 AND embedding_status <> 'READY'
          AND EXISTS (SELECT 1 FROM embedding_models WHERE model_id = $4 AND state = 'active')`,
      [reason.slice(0, 1000), id, expectedContentHash, modelId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** The row's stored vector of `modelId`, or of the active model when none is named. */
  async readEmbedding(entity: EmbeddableEntity, id: string, modelId?: string): Promise<StoredEmbedding | null> {
    const { table, key } = VECTORS[entity];
    const { rows } = await this.pool.query<{ embedding: string; model_id: string }>(
      `SELECT e.embedding::text AS embedding, m.model_id
         FROM ${table} e JOIN embedding_models m ON m.model_key = e.model_key
        WHERE e.${key} = $1 AND (m.model_id = $2 OR ($2::text IS NULL AND m.state = 'active'))`,
      [id, modelId ?? null],
    );
    const row = rows[0];
    if (!row) return null;
    return { vector: Float32Array.from(pgvector.fromSql(row.embedding) as number[]), modelId: row.model_id };
  }

  /** Ids and distances of the nearest rows of `entity` to a query vector (recall measurements use this). */
  async nearest<E extends EmbeddableEntity>(entity: E, vector: ArrayLike<number>, options: NearestOptions<E>): Promise<Neighbour[]> {
    const model = await this.findModel(options.modelId);
    if (!model) return [];
    assertStorableVector(vector, model.dimension);
    const { rows } = await this.runSearch(searchStatement(entity, model, `$1::halfvec(${model.dimension})`, [pgvector.toSql(Array.from(vector))], options, null));
    return rows;
  }

  /**
   * The nearest rows of `entity` with their columns (NeighbourColumns), in one round trip: the
   * read behind search (from a query vector), recommendations and skill gaps (from the stored
   * vector of a source row, which never leaves the database). From a stored vector, the source row
   * is read in the same transaction on the same connection, pipelined, and says whether it has a
   * vector for the model: `candidates` is null then, and [] when only the filters matched nothing.
   * A query vector must have the model's dimension: vectors of two models never meet in a search.
   */
  async nearestWithRows<E extends EmbeddableEntity, C extends NeighbourColumns>(
    entity: E,
    from: { vector: ArrayLike<number> },
    columns: C,
    options: NearestOptions<E>,
  ): Promise<NeighbourRow<E, C>[]>;
  async nearestWithRows<E extends EmbeddableEntity, C extends NeighbourColumns, S extends EmbeddableEntity>(
    entity: E,
    from: { entity: S; id: string },
    columns: C,
    options: NearestOptions<E>,
  ): Promise<SourceWithNeighbours<S, E, C>>;
  async nearestWithRows<E extends EmbeddableEntity, C extends NeighbourColumns, S extends EmbeddableEntity>(
    entity: E,
    from: { vector: ArrayLike<number> } | { entity: S; id: string },
    columns: C,
    options: NearestOptions<E>,
  ): Promise<NeighbourRow<E, C>[] | SourceWithNeighbours<S, E, C>> {
    const fields = NEIGHBOUR_COLUMNS[columns][entity];
    const model = await this.findModel(options.modelId);
    if ('vector' in from) {
      if (!model) return [];
      assertStorableVector(from.vector, model.dimension);
      const { rows } = await this.runSearch(searchStatement(entity, model, `$1::halfvec(${model.dimension})`, [pgvector.toSql(Array.from(from.vector))], options, fields));
      return rows as NeighbourRow<E, C>[];
    }
    // An unregistered model has no vectors: the source row is still read (404 vs 409 for callers).
    const sourceRow: QueryConfig = { name: `jobmatch_source_${from.entity}`, text: SOURCE_ROW_SQL[from.entity], values: [from.id, model?.key ?? 0] };
    let found: { hasVector: boolean; [field: string]: unknown } | undefined;
    let rows: Neighbour[] = [];
    if (model) {
      const result = await this.runSearch(this.storedSourceSearch(entity, model, from, options, fields), sourceRow);
      found = result.companionRows[0] as typeof found;
      rows = result.rows;
    } else {
      found = (await this.pool.query(sourceRow)).rows[0] as typeof found;
    }
    if (!found) return { source: null, candidates: null };
    const { hasVector, ...row } = found;
    return { source: row as unknown as EntityRow<S>, candidates: hasVector ? (rows as NeighbourRow<E, C>[]) : null };
  }

  /**
   * Cosine similarity (clamped like toSimilarity) between the stored vectors of a job and a
   * resume, computed by Postgres like every other similarity; null when either has no vector
   * for the model.
   */
  async storedSimilarity(jobId: string, resumeId: string, modelId: string): Promise<number | null> {
    const { rows } = await this.pool.query<{ similarity: number }>({
      name: 'jobmatch_stored_similarity',
      text: `SELECT ${SIMILARITY_SQL} AS similarity FROM (
               SELECT j.embedding <=> r.embedding AS distance
                 FROM job_embeddings j
                 JOIN resume_embeddings r ON r.model_key = j.model_key
                 JOIN embedding_models m ON m.model_key = j.model_key
                WHERE j.job_id = $1 AND r.resume_id = $2 AND m.model_id = $3
             ) AS pair`,
      values: [jobId, resumeId, modelId],
    });
    return rows[0]?.similarity ?? null;
  }

  /**
   * Rows of `entity` without a vector of the model computed from their current content (missing,
   * stale, or only another model's), in id order after `afterId` (keyset paging): what a backfill
   * or a model build enqueues.
   */
  async rowsWithoutCurrentVector(entity: EmbeddableEntity, modelId: string, limit: number, afterId?: string): Promise<RowWithoutCurrentVector[]> {
    const model = await this.registeredModel(modelId);
    const { table, key } = VECTORS[entity];
    const { rows } = await this.pool.query<RowWithoutCurrentVector>(
      `SELECT t.id, t.content_hash AS "contentHash" FROM ${TABLE[entity]} t
        WHERE ($3::uuid IS NULL OR t.id > $3)
          AND NOT EXISTS (SELECT 1 FROM ${table} e WHERE e.${key} = t.id AND e.model_key = $1 AND e.source_hash = t.content_hash)
        ORDER BY t.id LIMIT $2`,
      [model.key, Math.max(1, Math.floor(limit)), afterId ?? null],
    );
    return rows;
  }

  /** Rows of each entity with a current / stale vector of the model (a model switch waits for full coverage). */
  async coverage(modelId: string): Promise<Record<EmbeddableEntity, VectorCoverage>> {
    const model = await this.registeredModel(modelId);
    const counts = await Promise.all(
      ENTITIES.map(async (entity) => {
        const { table, key } = VECTORS[entity];
        const { rows } = await this.pool.query<VectorCoverage>(
          `SELECT (SELECT count(*)::int FROM ${TABLE[entity]}) AS rows,
                  count(*) FILTER (WHERE e.source_hash = t.content_hash)::int AS current,
                  count(*) FILTER (WHERE e.source_hash <> t.content_hash)::int AS stale
             FROM ${table} e JOIN ${TABLE[entity]} t ON t.id = e.${key}
            WHERE e.model_key = $1`,
          [model.key],
        );
        return [entity, rows[0]!] as const;
      }),
    );
    return Object.fromEntries(counts) as Record<EmbeddableEntity, VectorCoverage>;
  }

  /**
   * Builds the model's HNSW indexes (both entities) with CREATE INDEX CONCURRENTLY, so writes keep
   * flowing: on a connection of its own, outside any transaction. An index a failed build left
   * INVALID is dropped and rebuilt; a valid one is kept. The definition is the migration's.
   */
  async createModelIndexes(modelId: string): Promise<void> {
    const model = await this.registeredModel(modelId);
    for (const entity of ENTITIES) {
      const name = modelIndexName(entity, model);
      const { rows } = await this.pool.query<{ valid: boolean }>(
        `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1`,
        [name],
      );
      if (rows[0]?.valid) continue;
      try {
        if (rows[0]) await this.pool.query(`DROP INDEX CONCURRENTLY IF EXISTS "${name}"`);
        await this.pool.query(modelIndexSql(entity, model, { concurrently: true }));
      } catch (error) {
        // Another process (a second embedder) may have built it at the same moment.
        const again = await this.pool.query<{ valid: boolean }>(
          `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1`,
          [name],
        );
        if (!again.rows[0]?.valid) throw error;
      }
    }
  }

  /**
   * Inside the activation's transaction: every row's embedding state for the newly active model —
   * READY where its vector matches the current content, PENDING otherwise (the pending sweeper then
   * embeds it); embedding_model names the model of the row's vector (null without one). Updates
   * only rows whose state changes.
   */
  async recomputeRowStates(client: PoolClient, modelId: string): Promise<void> {
    const model = await this.registeredModel(modelId);
    for (const entity of ENTITIES) {
      const { table, key } = VECTORS[entity];
      await client.query(
        `UPDATE ${TABLE[entity]} t
            SET embedding_status = s.status, embedding_model = s.model, embedded_at = s.computed_at,
                embedding_error = NULL
           FROM (SELECT r.id,
                        (CASE WHEN e.source_hash = r.content_hash THEN 'READY' ELSE 'PENDING' END)::embedding_status AS status,
                        CASE WHEN e.${key} IS NULL THEN NULL ELSE $2 END AS model, e.computed_at
                   FROM ${TABLE[entity]} r LEFT JOIN ${table} e ON e.${key} = r.id AND e.model_key = $1) s
          WHERE s.id = t.id
            AND (t.embedding_status IS DISTINCT FROM s.status OR t.embedding_model IS DISTINCT FROM s.model
                 OR t.embedded_at IS DISTINCT FROM s.computed_at OR t.embedding_error IS NOT NULL)`,
        [model.key, model.modelId],
      );
    }
  }

  /** Drops the model's HNSW indexes (CONCURRENTLY) and deletes its vectors. */
  async dropModelVectors(modelId: string): Promise<Record<EmbeddableEntity, number>> {
    const model = await this.registeredModel(modelId);
    const deleted = { job: 0, resume: 0 };
    for (const entity of ENTITIES) {
      await this.pool.query(`DROP INDEX CONCURRENTLY IF EXISTS "${modelIndexName(entity, model)}"`);
      const result = await this.pool.query(`DELETE FROM ${VECTORS[entity].table} WHERE model_key = $1`, [model.key]);
      deleted[entity] = result.rowCount ?? 0;
    }
    return deleted;
  }

  /**
   * A search from the stored vector of another row. The vector is read inside the statement (an
   * InitPlan evaluated once, feeding the HNSW scan), so it never travels to Node and back: one
   * round trip fewer and no 384-number text to print, parse and bind. The planner cannot cost the
   * HNSW scan against a sub-select and would prefer a sequential scan on small and mid-sized
   * tables; searchSettings turns seqscan off. Without a source vector the gate (a one-time filter)
   * returns no rows.
   */
  private storedSourceSearch<E extends EmbeddableEntity>(
    entity: E,
    model: ModelRef,
    source: { entity: EmbeddableEntity; id: string },
    options: NearestOptions<E>,
    fields: string | null,
  ): SearchStatement {
    const { table, key } = VECTORS[source.entity];
    const sourceVector = `(SELECT ${vectorExpression(model)} FROM ${table} WHERE ${key} = $1 AND model_key = ${model.key})`;
    const excludeIds = source.entity === entity ? [...(options.excludeIds ?? []), source.id] : options.excludeIds;
    // Object.assign onto a fresh object rather than `{ ...options, excludeIds }`: on Node 20's V8 a
    // spread that adds a key gives each result its own hidden class in the old generation.
    const searchOptions: NearestOptions<E> = Object.assign({}, options, { excludeIds });
    return searchStatement(entity, model, sourceVector, [source.id], searchOptions, fields, `${sourceVector} IS NOT NULL`);
  }

  /**
   * Runs a search in its own transaction with its settings as SET LOCAL, so they never leak to
   * the pooled connection. The pool's clients pipeline: BEGIN + SET LOCAL (one simple query), an
   * optional companion read, the search and COMMIT are written together and answered in one round
   * trip. When a statement fails the server has aborted the transaction and answers the COMMIT
   * with a rollback, so the connection goes back to the pool clean either way.
   */
  private async runSearch(
    statement: SearchStatement,
    companion?: QueryConfig,
  ): Promise<{ rows: Neighbour[]; companionRows: unknown[] }> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      // node-postgres writes every protocol message (Bind, Describe, Execute, Sync…) with its own
      // socket write: five or more system calls for this batch (strace), each a wake-up for Postgres.
      // Corked, the batch leaves in one writev. The queries are submitted synchronously, so
      // uncorking right after them flushes exactly this batch.
      const socket = (client as unknown as Client).connection?.stream;
      socket?.cork();
      let batch;
      try {
        batch = Promise.all([
          client.query(`BEGIN; ${statement.settings}`),
          companion ? client.query(companion) : null,
          client.query<Neighbour>(statement.query),
          client.query('COMMIT'),
        ]);
      } finally {
        socket?.uncork();
      }
      const [, companionResult, result] = await batch;
      return { rows: result.rows, companionRows: companionResult?.rows ?? [] };
    } catch (error) {
      // Wait for every pipelined statement to settle before the client can be reused.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** A search statement (fixed SQL, bound values) and the SET LOCAL settings it runs under. */
interface SearchStatement {
  settings: string;
  query: QueryConfig;
}

/**
 * The model's vector rows joined to the entity's rows, ordered by the HNSW index's own expression
 * under its own predicate (so the partial index serves it), filtered on the entity's columns.
 */
function searchStatement<E extends EmbeddableEntity>(
  entity: E,
  model: ModelRef,
  /** SQL for the query vector: a bound parameter, or the sub-select of a stored vector (fixed SQL). */
  queryVector: string,
  /** Parameters already bound by queryVector ($1). */
  params: unknown[],
  options: NearestOptions<E>,
  /** Extra select list from NEIGHBOUR_COLUMNS (fixed SQL), or null for ids and distances only. */
  fields: string | null,
  gate?: string,
): SearchStatement {
  const limit = Math.max(1, Math.min(1000, Math.floor(options.limit)));
  const { table, key } = VECTORS[entity];
  let where = `model_key = ${model.key}`;
  if (gate) where += ` AND ${gate}`;
  for (const condition of filterConditions(entity, (options.filters ?? {}) as JobFilters & ResumeFilters, params)) where += ` AND ${condition}`;
  if (options.excludeIds && options.excludeIds.length > 0) {
    params.push(options.excludeIds);
    where += ` AND id <> ALL($${params.length}::uuid[])`;
  }
  params.push(limit);
  const distance = `${vectorExpression(model)} <=> ${queryVector}`;
  // With iterative scans the index may return rows slightly out of order (relaxed_order),
  // so the outer query sorts the final page exactly.
  const sql = `
      SELECT *, ${SIMILARITY_SQL} AS similarity FROM (
        SELECT id, ${distance} AS distance${fields ? `, ${fields}` : ''}
          FROM ${table} JOIN ${TABLE[entity]} ON id = ${key}
         WHERE ${where}
         ORDER BY ${distance}
         LIMIT $${params.length}
      ) AS candidates
      ORDER BY distance, id`;
  return { settings: searchSettings(options), query: { name: searchStatementName(options.exact === true, sql), text: sql, values: params } };
}

/**
 * Search statements are prepared once per connection (named): no parse and plan on every call. A
 * cached plan keeps the planner settings it was made under, so exact (index scans off) and HNSW
 * searches of the same SQL get different names. The SQL comes only from the fixed fragments above
 * (and each registered model's key and dimension), so the number of distinct statements is small
 * and bounded.
 */
const statementNames = new Map<string, string>();
function searchStatementName(exact: boolean, sql: string): string {
  const key = `${exact ? 'exact' : 'hnsw'}:${sql}`;
  let name = statementNames.get(key);
  if (!name) {
    name = `jobmatch_search_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
    statementNames.set(key, name);
  }
  return name;
}

/**
 * SET LOCAL statements for one search. Exact search turns the index off (ground truth for recall
 * measurements); otherwise the HNSW candidate list size, and iterative scans (pgvector 0.8) that
 * keep walking the graph when filters discard candidates, so a filtered query still returns
 * `limit` rows. The only value written into this SQL is an integer clamped in code.
 */
function searchSettings(options: NearestOptions<EmbeddableEntity>): string {
  if (options.exact) return 'SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off;';
  // enable_seqscan off: pgvector's cost model favours a sequential scan on tables of a few
  // thousand rows once ef_search is raised, which measured 7x slower (17 ms vs 2.5 ms at 5 000
  // jobs). Selective B-tree filters can still win over the HNSW scan.
  return `SET LOCAL hnsw.ef_search = ${efSearchOf(options)}; SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL enable_seqscan = off;`;
}

/** hnsw.ef_search for a search: the requested value clamped to pgvector's range (default 100). */
function efSearchOf(options: NearestOptions<EmbeddableEntity>): number {
  const requested = Math.floor(Number(options.efSearch ?? 100));
  return Number.isFinite(requested) ? Math.max(1, Math.min(1000, requested)) : 100;
}
