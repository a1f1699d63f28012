import type { Pool } from 'pg';
import type { Job } from '../generated/prisma/client';
import { filterConditions, type JobFilters, type Page } from '../filters';
import { insertRow, newId, selectList, updateRow, upsertByExternalId, type ColumnMap, type UpsertOutcome, EMBEDDED_ENTITY_COLUMNS } from './pg-rows';

/** A job is open until closed; past its expiresAt it counts as closed (filters.ts). */
export const JOB_STATUSES = ['open', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobWrite {
  /** The posting's id in the caller's system; upsertByExternalId keys on it. */
  externalId?: string | null;
  /** Default 'open'. */
  status?: JobStatus;
  expiresAt?: Date | null;
  title: string;
  company: string;
  location?: string | null;
  employmentType?: string | null;
  seniority?: string | null;
  description: string;
  requirements: string;
  skills: string[];
  requiredSkills: string[];
  niceToHaveSkills: string[];
  /** O*NET-SOC occupation of the title, when O*NET is imported and the title names one. */
  occupationCode?: string | null;
  occupationTitle?: string | null;
  contentHash: string;
}

/** How many stored jobs of one occupation list each skill (the project's own demand data). */
export interface OccupationSkillCounts {
  jobs: number;
  /** Canonical skill → jobs of the occupation listing it (required or nice-to-have). */
  skills: Map<string, number>;
}

export const JOB_COLUMNS: ColumnMap<Job> = {
  id: 'id',
  externalId: 'external_id',
  status: 'status',
  expiresAt: 'expires_at',
  title: 'title',
  company: 'company',
  location: 'location',
  employmentType: 'employment_type',
  seniority: 'seniority',
  description: 'description',
  requirements: 'requirements',
  skills: 'skills',
  requiredSkills: 'required_skills',
  niceToHaveSkills: 'nice_to_have_skills',
  occupationCode: 'occupation_code',
  occupationTitle: 'occupation_title',
  ...EMBEDDED_ENTITY_COLUMNS,
};
/** The select list of a whole job row (camel-case fields); VectorStore reads recommendation sources with it. */
export const SELECT_JOB = selectList(JOB_COLUMNS);

/** The fields an upsert writes, with their Postgres types (everything of JobWrite). */
const JOB_UPSERT_TYPES: Partial<Record<keyof Job, string>> = {
  id: 'uuid',
  externalId: 'text',
  status: 'text',
  expiresAt: 'timestamptz',
  title: 'text',
  company: 'text',
  location: 'text',
  employmentType: 'text',
  seniority: 'text',
  description: 'text',
  requirements: 'text',
  skills: 'text[]',
  requiredSkills: 'text[]',
  niceToHaveSkills: 'text[]',
  occupationCode: 'text',
  occupationTitle: 'text',
  contentHash: 'text',
};

function jobWhere(filters: JobFilters, params: unknown[]): string {
  const conditions = filterConditions('job', filters, params);
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** Job rows (everything but the vector column, which only VectorStore touches). */
export class JobRepository {
  constructor(private readonly pool: Pool) {}

  create(data: JobWrite): Promise<Job> {
    return insertRow<Job>(this.pool, 'jobs', JOB_COLUMNS, { id: newId(), ...data, embeddingStatus: 'PENDING' });
  }

  /**
   * Creates or replaces jobs by external id in one statement (pg-rows upsertByExternalId): the
   * outcome of each input row, in input order. External ids must be unique within one call.
   */
  upsertByExternalId(rows: (JobWrite & { externalId: string })[]): Promise<{ row: Job; outcome: UpsertOutcome }[]> {
    return upsertByExternalId<Job>(
      this.pool,
      'jobs',
      JOB_COLUMNS,
      JOB_UPSERT_TYPES,
      rows.map((row) => ({ id: newId(), status: 'open', location: null, employmentType: null, seniority: null, occupationCode: null, occupationTitle: null, expiresAt: null, ...row })),
    );
  }

  async findByExternalId(externalId: string): Promise<Job | null> {
    const { rows } = await this.pool.query<Job>(`SELECT ${SELECT_JOB} FROM jobs WHERE external_id = $1`, [externalId]);
    return rows[0] ?? null;
  }

  update(id: string, data: Partial<JobWrite>, contentChanged: boolean): Promise<Job | null> {
    const reset = contentChanged ? [`embedding_status = 'PENDING'`, 'embedding_error = NULL'] : [];
    return updateRow<Job>(this.pool, 'jobs', JOB_COLUMNS, id, data, reset);
  }

  async findById(id: string): Promise<Job | null> {
    const { rows } = await this.pool.query<Job>(`SELECT ${SELECT_JOB} FROM jobs WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(filters: JobFilters, page: Page): Promise<{ items: Job[]; total: number }> {
    const params: unknown[] = [];
    const where = jobWhere(filters, params);
    const [items, count] = await Promise.all([
      this.pool.query<Job>(
        `SELECT ${SELECT_JOB} FROM jobs ${where} ORDER BY created_at DESC, id ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.limit, page.offset],
      ),
      this.pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM jobs ${where}`, params),
    ]);
    return { items: items.rows, total: count.rows[0]!.total };
  }

  /** Skill counts over the stored jobs of one occupation (uses jobs_occupation_code_idx). */
  async occupationSkillCounts(occupationCode: string): Promise<OccupationSkillCounts> {
    const [total, counts] = await Promise.all([
      this.pool.query<{ jobs: number }>('SELECT count(*)::int AS jobs FROM jobs WHERE occupation_code = $1', [occupationCode]),
      this.pool.query<{ skill: string; jobs: number }>(
        `SELECT skill, count(DISTINCT id)::int AS jobs
           FROM jobs, unnest(required_skills || nice_to_have_skills) AS skill
          WHERE occupation_code = $1
          GROUP BY skill`,
        [occupationCode],
      ),
    ]);
    return { jobs: total.rows[0]!.jobs, skills: new Map(counts.rows.map((row) => [row.skill, row.jobs])) };
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM jobs WHERE id = $1', [id]);
    return (result.rowCount ?? 0) > 0;
  }
}
