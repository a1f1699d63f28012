import type { Pool } from 'pg';
import type { EmbeddingStatus } from '../generated/prisma/client';

/**
 * Read-only access to the skill columns of jobs and resumes over the plain `pg` pool.
 *
 * Why not JobRepository / ResumeRepository: the first Prisma query instantiates the query
 * compiler (WebAssembly), which costs a process ~50–70 MB of RSS for good. The skill-gap API
 * only reads a few columns and must stay within 128 MB, so it reads them here instead.
 * Column names are fixed; every value is a bound parameter.
 */

export interface ResumeSkillProfile {
  id: string;
  skills: string[];
  embeddingStatus: EmbeddingStatus;
  embeddingError: string | null;
  embeddingModel: string | null;
}

export interface JobSkillProfile {
  id: string;
  title: string;
  company: string;
  skills: string[];
  requiredSkills: string[];
  niceToHaveSkills: string[];
}

const RESUME_COLUMNS = `id, skills, embedding_status AS "embeddingStatus", embedding_error AS "embeddingError", embedding_model AS "embeddingModel"`;
const JOB_COLUMNS = `id, title, company, skills, required_skills AS "requiredSkills", nice_to_have_skills AS "niceToHaveSkills"`;

export class SkillProfileRepository {
  constructor(private readonly pool: Pool) {}

  async findResume(id: string): Promise<ResumeSkillProfile | null> {
    const { rows } = await this.pool.query<ResumeSkillProfile>(`SELECT ${RESUME_COLUMNS} FROM resumes WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findJob(id: string): Promise<JobSkillProfile | null> {
    const { rows } = await this.pool.query<JobSkillProfile>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Rows for the given ids, in the order of `ids` (missing ids are skipped). */
  async findJobs(ids: string[]): Promise<JobSkillProfile[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<JobSkillProfile>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ANY($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
