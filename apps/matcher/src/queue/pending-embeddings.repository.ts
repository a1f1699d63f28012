import { Inject, Injectable } from '@nestjs/common';
import type { EmbeddableEntity } from '@jobmatch/contracts';
import { PG_POOL } from '@jobmatch/nest-common';
import type { Pool } from 'pg';

export interface PendingEmbedding {
  entity: EmbeddableEntity;
  id: string;
  contentHash: string;
}

/** Rows still waiting for an embedding: the input of the re-enqueue sweep. */
@Injectable()
export class PendingEmbeddingsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

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
}
