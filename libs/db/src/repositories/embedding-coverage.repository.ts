import type { Pool } from 'pg';
import type { EmbeddableEntity } from '@jobmatch/contracts';

const TABLE: Record<EmbeddableEntity, 'jobs' | 'resumes'> = { job: 'jobs', resume: 'resumes' };

/**
 * A row's vector is current for a model when it was computed by that model from the row's present
 * text: the vector is written only while the content hash matches, and a text change sets the row
 * back to PENDING, so READY with that model means current. Everything else (no vector, another
 * model's, PENDING after an edit, FAILED) is what a backfill must embed.
 */
const CURRENT_SQL = `embedding IS NOT NULL AND embedding_model = $1 AND embedding_status = 'READY'`;

export interface EmbeddingCoverage {
  total: number;
  /** Rows with a current vector of the model. */
  current: number;
  /** Rows the queue gave up on (FAILED): `queue retry-failed` runs them again. */
  failed: number;
}

export interface RowToEmbed {
  id: string;
  contentHash: string;
}

/** What backfills read: which rows lack a current vector of a model, and how many have one. */
export class EmbeddingCoverageRepository {
  constructor(private readonly pool: Pool) {}

  async coverage(entity: EmbeddableEntity, modelId: string): Promise<EmbeddingCoverage> {
    const { rows } = await this.pool.query<EmbeddingCoverage>(
      `SELECT count(*)::int AS total,
              (count(*) FILTER (WHERE ${CURRENT_SQL}))::int AS current,
              (count(*) FILTER (WHERE embedding_status = 'FAILED'))::int AS failed
         FROM ${TABLE[entity]}`,
      [modelId],
    );
    return rows[0]!;
  }

  /** One page (by id, after `afterId`) of rows without a current vector of the model. */
  async notCurrent(entity: EmbeddableEntity, modelId: string, afterId: string | null, limit: number): Promise<RowToEmbed[]> {
    const { rows } = await this.pool.query<RowToEmbed>(
      `SELECT id, content_hash AS "contentHash" FROM ${TABLE[entity]}
        WHERE NOT COALESCE(${CURRENT_SQL}, false) AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $3`,
      [modelId, afterId, limit],
    );
    return rows;
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
