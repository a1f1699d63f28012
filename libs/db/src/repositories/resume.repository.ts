import type { Pool } from 'pg';
import type { Prisma, Resume } from '../generated/prisma/client';
import { filterConditions, tenantCondition, type Page } from '../filters';
import { insertRow, newId, selectList, updateRow, upsertByExternalId, type ColumnMap, type UpsertOutcome, EMBEDDED_ENTITY_COLUMNS, EMBEDDING_RESET } from './pg-rows';

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
  tenantId: 'uuid',
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

  create(tenantId: string, data: ResumeWrite): Promise<Resume> {
    return insertRow<Resume>(this.pool, 'resumes', RESUME_COLUMNS, { id: newId(), ...withJsonProfile(data), tenantId, embeddingStatus: 'PENDING' });
  }

  /** Creates or replaces resumes by external id in one statement (see JobRepository.upsertByExternalId). */
  upsertByExternalId(tenantId: string, rows: (ResumeWrite & { externalId: string })[]): Promise<{ row: Resume; outcome: UpsertOutcome }[]> {
    return upsertByExternalId<Resume>(
      this.pool,
      'resumes',
      RESUME_COLUMNS,
      RESUME_UPSERT_TYPES,
      rows.map((row) => ({ id: newId(), fileName: null, mimeType: null, occupationCode: null, occupationTitle: null, ...row, tenantId })),
    );
  }

  update(tenantId: string, id: string, data: Partial<ResumeWrite>, contentChanged: boolean): Promise<Resume | null> {
    return updateRow<Resume>(this.pool, 'resumes', RESUME_COLUMNS, { tenantId, id }, withJsonProfile(data), contentChanged ? EMBEDDING_RESET : []);
  }

  async findById(tenantId: string, id: string): Promise<Resume | null> {
    const { rows } = await this.pool.query<Resume>(`SELECT ${SELECT_RESUME} FROM resumes WHERE id = $1 AND tenant_id = $2::uuid`, [id, tenantId]);
    return rows[0] ?? null;
  }

  async list(tenantId: string, page: Page): Promise<{ items: Resume[]; total: number }> {
    const params: unknown[] = [];
    const where = filterConditions('resume', tenantId, {}, params).join(' AND ');
    const [items, count] = await Promise.all([
      this.pool.query<Resume>(
        `SELECT ${SELECT_RESUME} FROM resumes WHERE ${where} ORDER BY created_at DESC, id ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.limit, page.offset],
      ),
      this.pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM resumes WHERE ${where}`, params),
    ]);
    return { items: items.rows, total: count.rows[0]!.total };
  }

  /** Deletes the tenant's row and returns what was deleted (the caller removes its queued job). */
  async delete(tenantId: string, id: string): Promise<Resume | null> {
    const params: unknown[] = [id];
    const { rows } = await this.pool.query<Resume>(
      `DELETE FROM resumes WHERE id = $1 AND ${tenantCondition(tenantId, params)} RETURNING ${SELECT_RESUME}`,
      params,
    );
    return rows[0] ?? null;
  }

  /**
   * Resumes created before `cutoff`, oldest first, in every tenant: the retention sweep's input
   * (RESUME_RETENTION_DAYS), which deletes each through the same path as DELETE /resumes/:id.
   */
  async findCreatedBefore(cutoff: Date, limit: number): Promise<Pick<Resume, 'id' | 'tenantId'>[]> {
    const { rows } = await this.pool.query<Pick<Resume, 'id' | 'tenantId'>>(
      'SELECT id, tenant_id AS "tenantId" FROM resumes WHERE created_at < $1 ORDER BY created_at LIMIT $2',
      [cutoff, limit],
    );
    return rows;
  }
}
