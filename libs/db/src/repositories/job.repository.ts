import type { Pool } from 'pg';
import type { Job } from '../generated/prisma/client';
import { filterConditions, tenantCondition, type JobFilters, type Page } from '../filters';
import { insertRow, newId, selectList, updateRow, upsertByExternalId, type ColumnMap, type UpsertOutcome, EMBEDDED_ENTITY_COLUMNS, EMBEDDING_RESET } from './pg-rows';

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
  tenantId: 'uuid',
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

/**
 * Job rows (everything but the vector column, which only VectorStore touches). Every method takes
 * the tenant first and filters by it in SQL: another tenant's id reads, updates and deletes nothing.
 */
export class JobRepository {
  constructor(private readonly pool: Pool) {}

  create(tenantId: string, data: JobWrite): Promise<Job> {
    return insertRow<Job>(this.pool, 'jobs', JOB_COLUMNS, { id: newId(), ...data, tenantId, embeddingStatus: 'PENDING' });
  }

  /**
   * Creates or replaces jobs by external id in one statement (pg-rows upsertByExternalId): the
   * outcome of each input row, in input order. External ids must be unique within one call.
   */
  upsertByExternalId(tenantId: string, rows: (JobWrite & { externalId: string })[]): Promise<{ row: Job; outcome: UpsertOutcome }[]> {
    return upsertByExternalId<Job>(
      this.pool,
      'jobs',
      JOB_COLUMNS,
      JOB_UPSERT_TYPES,
      rows.map((row) => ({ id: newId(), status: 'open', location: null, employmentType: null, seniority: null, occupationCode: null, occupationTitle: null, expiresAt: null, ...row, tenantId })),
    );
  }

  async findByExternalId(tenantId: string, externalId: string): Promise<Job | null> {
    const { rows } = await this.pool.query<Job>(`SELECT ${SELECT_JOB} FROM jobs WHERE external_id = $1 AND tenant_id = $2::uuid`, [externalId, tenantId]);
    return rows[0] ?? null;
  }

  update(tenantId: string, id: string, data: Partial<JobWrite>, contentChanged: boolean): Promise<Job | null> {
    return updateRow<Job>(this.pool, 'jobs', JOB_COLUMNS, { tenantId, id }, data, contentChanged ? EMBEDDING_RESET : []);
  }

  async findById(tenantId: string, id: string): Promise<Job | null> {
    const { rows } = await this.pool.query<Job>(`SELECT ${SELECT_JOB} FROM jobs WHERE id = $1 AND tenant_id = $2::uuid`, [id, tenantId]);
    return rows[0] ?? null;
  }

  async list(tenantId: string, filters: JobFilters, page: Page): Promise<{ items: Job[]; total: number }> {
    const params: unknown[] = [];
    const where = `WHERE ${filterConditions('job', tenantId, filters, params).join(' AND ')}`;
    const [items, count] = await Promise.all([
      this.pool.query<Job>(
        `SELECT ${SELECT_JOB} FROM jobs ${where} ORDER BY created_at DESC, id ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.limit, page.offset],
      ),
      this.pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM jobs ${where}`, params),
    ]);
    return { items: items.rows, total: count.rows[0]!.total };
  }

  /** Skill counts over the tenant's stored jobs of one occupation (uses jobs_occupation_code_idx). */
  async occupationSkillCounts(tenantId: string, occupationCode: string): Promise<OccupationSkillCounts> {
    return (await this.occupationsSkillCounts(tenantId, [occupationCode])).get(occupationCode)!;
  }

  /** occupationSkillCounts for several occupations in one round trip (a recommendation's jobs). */
  async occupationsSkillCounts(tenantId: string, occupationCodes: readonly string[]): Promise<Map<string, OccupationSkillCounts>> {
    const codes = [...new Set(occupationCodes)];
    const result = new Map<string, OccupationSkillCounts>(codes.map((code) => [code, { jobs: 0, skills: new Map<string, number>() }]));
    if (codes.length === 0) return result;
    const params: unknown[] = [codes];
    const where = ['occupation_code = ANY($1::text[])', tenantCondition(tenantId, params)].join(' AND ');
    const [totals, counts] = await Promise.all([
      this.pool.query<{ code: string; jobs: number }>(
        `SELECT occupation_code AS code, count(*)::int AS jobs FROM jobs WHERE ${where} GROUP BY occupation_code`,
        params,
      ),
      this.pool.query<{ code: string; skill: string; jobs: number }>(
        `SELECT occupation_code AS code, skill, count(DISTINCT id)::int AS jobs
           FROM jobs, unnest(required_skills || nice_to_have_skills) AS skill
          WHERE ${where}
          GROUP BY occupation_code, skill`,
        params,
      ),
    ]);
    for (const row of totals.rows) result.get(row.code)!.jobs = row.jobs;
    for (const row of counts.rows) result.get(row.code)!.skills.set(row.skill, row.jobs);
    return result;
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const params: unknown[] = [id];
    const result = await this.pool.query(`DELETE FROM jobs WHERE id = $1 AND ${tenantCondition(tenantId, params)}`, params);
    return (result.rowCount ?? 0) > 0;
  }
}
