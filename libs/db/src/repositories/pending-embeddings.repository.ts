import type { Pool } from 'pg';
import type { EmbeddableEntity } from '@jobmatch/contracts';

export interface PendingEmbedding {
  entity: EmbeddableEntity;
  id: string;
  contentHash: string;
}

/** Rows per embedding status of each entity (a metric: work waiting, work given up on). */
export type EmbeddingStatusCounts = Record<EmbeddableEntity, Record<'PENDING' | 'READY' | 'FAILED', number>>;

/** Rows still waiting for an embedding: the input of the re-enqueue sweep, and their counts. */
export class PendingEmbeddingsRepository {
  constructor(private readonly pool: Pool) {}

  async findStale(olderThan: Date, limit: number): Promise<PendingEmbedding[]> {
    const query = (table: 'jobs' | 'resumes') =>
      this.pool.query<{ id: string; contentHash: string }>(
        `SELECT id, content_hash AS "contentHash" FROM ${table}
          WHERE embedding_status = 'PENDING' AND updated_at < $1 ORDER BY updated_at LIMIT $2`,
        [olderThan, limit],
      );
    const [jobs, resumes] = await Promise.all([query('jobs'), query('resumes')]);
    return [
      ...jobs.rows.map((row) => ({ entity: 'job' as const, ...row })),
      ...resumes.rows.map((row) => ({ entity: 'resume' as const, ...row })),
    ];
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
