import type { Pool } from 'pg';
import type { EmbeddableEntity } from '@jobmatch/contracts';

const TABLE: Record<EmbeddableEntity, 'jobs' | 'resumes'> = { job: 'jobs', resume: 'resumes' };

export interface RowToEmbed {
  id: string;
  contentHash: string;
}

/**
 * The row-level embedding state the operator commands read and reset: rows the queue gave up on
 * (FAILED, for the active model) and putting them back to PENDING when their job runs again.
 * Vector coverage itself is VectorStore's (coverage, rowsWithoutCurrentVector).
 */
export class EmbeddingCoverageRepository {
  constructor(private readonly pool: Pool) {}

  async failedCount(entity: EmbeddableEntity): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABLE[entity]} WHERE embedding_status = 'FAILED'`);
    return rows[0]!.n;
  }

  /** FAILED rows (a page by id), for re-running them. */
  async failed(entity: EmbeddableEntity, afterId: string | null, limit: number): Promise<RowToEmbed[]> {
    const { rows } = await this.pool.query<RowToEmbed>(
      `SELECT id, content_hash AS "contentHash" FROM ${TABLE[entity]}
        WHERE embedding_status = 'FAILED' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows;
  }

  /** The row's current content hash, or null when it is gone. */
  async contentHash(entity: EmbeddableEntity, id: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ contentHash: string }>(`SELECT content_hash AS "contentHash" FROM ${TABLE[entity]} WHERE id = $1`, [id]);
    return rows[0]?.contentHash ?? null;
  }

  /** FAILED rows whose text is still the one that failed go back to PENDING (their job runs again). */
  async markPendingAgain(entity: EmbeddableEntity, rows: RowToEmbed[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.pool.query(
      `UPDATE ${TABLE[entity]} t SET embedding_status = 'PENDING', embedding_error = NULL
         FROM unnest($1::uuid[], $2::text[]) AS r(id, content_hash)
        WHERE t.id = r.id AND t.content_hash = r.content_hash AND t.embedding_status = 'FAILED'`,
      [rows.map((row) => row.id), rows.map((row) => row.contentHash)],
    );
    return result.rowCount ?? 0;
  }
}
