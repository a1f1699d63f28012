import type { Pool } from 'pg';
import type { Prisma, Resume } from '../generated/prisma/client';
import type { Page } from '../filters';
import { insertRow, newId, selectList, updateRow, upsertByExternalId, type ColumnMap, type UpsertOutcome, EMBEDDED_ENTITY_COLUMNS } from './pg-rows';

export interface ResumeWrite {
  /** The resume's id in the caller's system; upsertByExternalId keys on it. */
  externalId?: string | null;
  fileName?: string | null;
  mimeType?: string | null;
  text: string;
  skills: string[];
  profile: Prisma.InputJsonValue;
  /** O*NET-SOC occupation of the resume's headline, when O*NET is imported and the headline names one. */
  occupationCode?: string | null;
  occupationTitle?: string | null;
  contentHash: string;
}

export const RESUME_COLUMNS: ColumnMap<Resume> = {
  id: 'id',
  externalId: 'external_id',
  fileName: 'file_name',
  mimeType: 'mime_type',
  text: 'text',
  skills: 'skills',
  profile: 'profile',
  occupationCode: 'occupation_code',
  occupationTitle: 'occupation_title',
  ...EMBEDDED_ENTITY_COLUMNS,
};
/** The select list of a whole resume row (camel-case fields); VectorStore reads recommendation sources with it. */
export const SELECT_RESUME = selectList(RESUME_COLUMNS);

const RESUME_UPSERT_TYPES: Partial<Record<keyof Resume, string>> = {
  id: 'uuid',
  externalId: 'text',
  fileName: 'text',
  mimeType: 'text',
  text: 'text',
  skills: 'text[]',
  profile: 'jsonb',
  occupationCode: 'text',
  occupationTitle: 'text',
  contentHash: 'text',
};

/** JSON columns are bound as JSON text (pg would send a JS array as a Postgres array). */
function withJsonProfile<T extends { profile?: unknown }>(data: T): T {
  return data.profile === undefined ? data : { ...data, profile: JSON.stringify(data.profile) };
}

/** Resume rows (everything but the vector column, which only VectorStore touches). */
export class ResumeRepository {
  constructor(private readonly pool: Pool) {}

  create(data: ResumeWrite): Promise<Resume> {
    return insertRow<Resume>(this.pool, 'resumes', RESUME_COLUMNS, { id: newId(), ...withJsonProfile(data), embeddingStatus: 'PENDING' });
  }

  /** Creates or replaces resumes by external id in one statement (see JobRepository.upsertByExternalId). */
  upsertByExternalId(rows: (ResumeWrite & { externalId: string })[]): Promise<{ row: Resume; outcome: UpsertOutcome }[]> {
    return upsertByExternalId<Resume>(
      this.pool,
      'resumes',
      RESUME_COLUMNS,
      RESUME_UPSERT_TYPES,
      rows.map((row) => ({ id: newId(), fileName: null, mimeType: null, occupationCode: null, occupationTitle: null, ...row })),
    );
  }

  update(id: string, data: Partial<ResumeWrite>, contentChanged: boolean): Promise<Resume | null> {
    const reset = contentChanged ? [`embedding_status = 'PENDING'`, 'embedding_error = NULL'] : [];
    return updateRow<Resume>(this.pool, 'resumes', RESUME_COLUMNS, id, withJsonProfile(data), reset);
  }

  async findById(id: string): Promise<Resume | null> {
    const { rows } = await this.pool.query<Resume>(`SELECT ${SELECT_RESUME} FROM resumes WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(page: Page): Promise<{ items: Resume[]; total: number }> {
    const [items, count] = await Promise.all([
      this.pool.query<Resume>(`SELECT ${SELECT_RESUME} FROM resumes ORDER BY created_at DESC, id ASC LIMIT $1 OFFSET $2`, [page.limit, page.offset]),
      this.pool.query<{ total: number }>('SELECT count(*)::int AS total FROM resumes'),
    ]);
    return { items: items.rows, total: count.rows[0]!.total };
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM resumes WHERE id = $1', [id]);
    return (result.rowCount ?? 0) > 0;
  }
}
