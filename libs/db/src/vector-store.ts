import pgvector from 'pgvector';
import type { Pool, PoolClient } from 'pg';
import { STORED_VECTOR_DIMENSION, type EmbeddableEntity } from '@jobmatch/contracts';

/**
 * All vector SQL of the system. Table and column names come from the fixed maps below, never
 * from callers; every value (vectors included) is a bound parameter. Distances use `<=>`
 * (cosine) so the HNSW `vector_cosine_ops` indexes serve them.
 */

const TABLE: Record<EmbeddableEntity, string> = { job: 'jobs', resume: 'resumes' };

export interface JobFilters {
  location?: string;
  company?: string;
  seniority?: string;
  employmentType?: string;
}

export interface ResumeFilters {
  /** Resumes that list at least one of these canonical skills. */
  skillsAny?: string[];
}

export type VectorFilters<E extends EmbeddableEntity> = E extends 'job' ? JobFilters : ResumeFilters;

export interface NearestOptions<E extends EmbeddableEntity> {
  modelId: string;
  limit: number;
  filters?: VectorFilters<E>;
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
  /** Cosine similarity mapped to [0, 1]: (1 - distance/2)… see toSimilarity. */
  similarity: number;
}

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

export function assertStorableVector(vector: ArrayLike<number>): void {
  if (vector.length !== STORED_VECTOR_DIMENSION) {
    throw new Error(`Expected a ${STORED_VECTOR_DIMENSION}-dimensional vector, got ${vector.length}`);
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

function filterClause(entity: EmbeddableEntity, filters: JobFilters & ResumeFilters, params: unknown[]): string {
  const conditions: string[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (entity === 'job') {
    // Case-insensitive, whole-value match for categorical fields; location matches a substring
    // ("Berlin" finds "Berlin, Germany").
    if (filters.company) conditions.push(`lower(company) = lower(${bind(filters.company)})`);
    if (filters.seniority) conditions.push(`lower(seniority) = lower(${bind(filters.seniority)})`);
    if (filters.employmentType) conditions.push(`lower(employment_type) = lower(${bind(filters.employmentType)})`);
    if (filters.location) conditions.push(`location ILIKE ${bind(`%${escapeLike(filters.location)}%`)}`);
  } else if (filters.skillsAny && filters.skillsAny.length > 0) {
    conditions.push(`skills && ${bind(filters.skillsAny)}::text[]`);
  }
  return conditions.map((condition) => ` AND ${condition}`).join('');
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export class VectorStore {
  constructor(private readonly pool: Pool) {}

  /**
   * Stores a vector only while the row still holds the content it was computed from.
   * Returns false when the row is gone or its content hash changed (a stale embedding job).
   */
  async writeEmbedding(
    entity: EmbeddableEntity,
    id: string,
    vector: ArrayLike<number>,
    modelId: string,
    expectedContentHash: string,
  ): Promise<boolean> {
    assertStorableVector(vector);
    const result = await this.pool.query(
      `UPDATE ${TABLE[entity]}
          SET embedding = $1::vector, embedding_model = $2, embedding_status = 'READY',
              embedding_error = NULL, embedded_at = now()
        WHERE id = $3 AND content_hash = $4`,
      [pgvector.toSql(Array.from(vector)), modelId, id, expectedContentHash],
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** Marks an embedding as permanently failed (after the queue gave up), if the content is unchanged. */
  async markEmbeddingFailed(entity: EmbeddableEntity, id: string, expectedContentHash: string, reason: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${TABLE[entity]} SET embedding_status = 'FAILED', embedding_error = $1
        WHERE id = $2 AND content_hash = $3 AND embedding_status <> 'READY'`,
      [reason.slice(0, 1000), id, expectedContentHash],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async readEmbedding(entity: EmbeddableEntity, id: string): Promise<StoredEmbedding | null> {
    const { rows } = await this.pool.query<{ embedding: string | null; embedding_model: string | null }>(
      `SELECT embedding::text AS embedding, embedding_model FROM ${TABLE[entity]} WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row?.embedding || !row.embedding_model) return null;
    return { vector: Float32Array.from(pgvector.fromSql(row.embedding) as number[]), modelId: row.embedding_model };
  }

  /** Nearest rows of `entity` to a query vector. */
  async nearest<E extends EmbeddableEntity>(
    entity: E,
    vector: ArrayLike<number>,
    options: NearestOptions<E>,
  ): Promise<Neighbour[]> {
    assertStorableVector(vector);
    return this.search(entity, { kind: 'vector', value: pgvector.toSql(Array.from(vector)) }, options);
  }

  /**
   * Nearest rows of `entity` to the stored vector of another row (recommendations): the vector
   * never leaves the database. Returns null when the source row has no vector for `modelId`.
   */
  async nearestToStored<E extends EmbeddableEntity>(
    entity: E,
    source: { entity: EmbeddableEntity; id: string },
    options: NearestOptions<E>,
  ): Promise<Neighbour[] | null> {
    const { rows } = await this.pool.query<{ embedding: string }>(
      `SELECT embedding::text AS embedding FROM ${TABLE[source.entity]}
        WHERE id = $1 AND embedding IS NOT NULL AND embedding_model = $2`,
      [source.id, options.modelId],
    );
    if (!rows[0]) return null;
    const excludeIds = source.entity === entity ? [...(options.excludeIds ?? []), source.id] : options.excludeIds;
    return this.search(entity, { kind: 'vector', value: rows[0].embedding }, { ...options, excludeIds });
  }

  private async search<E extends EmbeddableEntity>(
    entity: E,
    query: { kind: 'vector'; value: string },
    options: NearestOptions<E>,
  ): Promise<Neighbour[]> {
    const limit = Math.max(1, Math.min(1000, Math.floor(options.limit)));
    const params: unknown[] = [query.value, options.modelId];
    let where = `embedding IS NOT NULL AND embedding_model = $2`;
    where += filterClause(entity, (options.filters ?? {}) as JobFilters & ResumeFilters, params);
    if (options.excludeIds && options.excludeIds.length > 0) {
      params.push(options.excludeIds);
      where += ` AND id <> ALL($${params.length}::uuid[])`;
    }
    params.push(limit);
    // With iterative scans the index may return rows slightly out of order (relaxed_order),
    // so the outer query sorts the final page exactly.
    const sql = `
      SELECT id, distance FROM (
        SELECT id, embedding <=> $1::vector AS distance
          FROM ${TABLE[entity]}
         WHERE ${where}
         ORDER BY embedding <=> $1::vector
         LIMIT $${params.length}
      ) AS candidates
      ORDER BY distance, id`;

    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await this.applySearchSettings(client, options);
      const { rows } = await client.query<{ id: string; distance: number }>(sql, params);
      await client.query('COMMIT');
      return rows.map((row) => ({ id: row.id, distance: row.distance, similarity: toSimilarity(row.distance) }));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** `SET LOCAL` equivalents (set_config with is_local = true) scoped to the search transaction. */
  private async applySearchSettings(client: PoolClient, options: NearestOptions<EmbeddableEntity>): Promise<void> {
    if (options.exact) {
      await client.query(`SELECT set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`);
      return;
    }
    const efSearch = String(Math.max(1, Math.min(1000, Math.floor(options.efSearch ?? 100))));
    // Iterative scans (pgvector 0.8) keep walking the graph when filters discard candidates,
    // so a filtered query still returns `limit` rows.
    await client.query(
      `SELECT set_config('hnsw.ef_search', $1, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
      [efSearch],
    );
  }
}
