import type { Pool } from 'pg';
import type { EmbeddableEntity } from '@jobmatch/contracts';

export interface PendingEmbedding {
  entity: EmbeddableEntity;
  id: string;
  contentHash: string;
}

/** A position in the (updated_at, id) order of one table's PENDING rows: where the next page starts. */
export interface PendingCursor {
  updatedAt: Date;
  id: string;
}

export interface PendingPage {
  rows: PendingEmbedding[];
  /** After the last row of this page; null when the page is empty. */
  next: PendingCursor | null;
}

/** Rows per embedding status of each entity (a metric: work waiting, work given up on). */
export type EmbeddingStatusCounts = Record<EmbeddableEntity, Record<'PENDING' | 'READY' | 'FAILED', number>>;

const TABLE: Record<EmbeddableEntity, 'jobs' | 'resumes'> = { job: 'jobs', resume: 'resumes' };

/** Rows still waiting for an embedding: the input of the re-enqueue sweep, and their counts. */
export class PendingEmbeddingsRepository {
  constructor(private readonly pool: Pool) {}

  /**
   * One page of `entity`'s PENDING rows last written before `olderThan`, in (updated_at, id)
   * order after `after` (keyset: a sweep walks a backlog of any size once, never re-reading the
   * rows it already enqueued but that are not embedded yet).
   */
  async findStalePage(entity: EmbeddableEntity, olderThan: Date, after: PendingCursor | null, limit: number): Promise<PendingPage> {
    const { rows } = await this.pool.query<{ id: string; contentHash: string; updatedAt: Date }>(
      `SELECT id, content_hash AS "contentHash", updated_at AS "updatedAt" FROM ${TABLE[entity]}
        WHERE embedding_status = 'PENDING' AND updated_at < $1
          AND ($2::timestamptz IS NULL OR (updated_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY updated_at, id LIMIT $4`,
      [olderThan, after?.updatedAt ?? null, after?.id ?? null, limit],
    );
    const last = rows.at(-1);
    return {
      rows: rows.map(({ id, contentHash }) => ({ entity, id, contentHash })),
      next: last ? { updatedAt: last.updatedAt, id: last.id } : null,
    };
  }

  /** One statement over both tables (the status columns are small; counted at scrape time). */
  async countByStatus(): Promise<EmbeddingStatusCounts> {
    const { rows } = await this.pool.query<{ entity: EmbeddableEntity; status: 'PENDING' | 'READY' | 'FAILED'; count: number }>(
      `SELECT 'job' AS entity, embedding_status AS status, count(*)::int AS count FROM jobs GROUP BY embedding_status
       UNION ALL
       SELECT 'resume', embedding_status, count(*)::int FROM resumes GROUP BY embedding_status`,
    );
    const counts: EmbeddingStatusCounts = { job: { PENDING: 0, READY: 0, FAILED: 0 }, resume: { PENDING: 0, READY: 0, FAILED: 0 } };
    for (const row of rows) counts[row.entity][row.status] = row.count;
    return counts;
  }
}
