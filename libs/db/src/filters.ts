import type { EmbeddableEntity } from '@jobmatch/contracts';
import { escapeLike } from './repositories/pg-rows';

/**
 * Filters and paging shared by the repositories and VectorStore, with the one SQL builder that
 * applies the filters (a page of jobs and a vector search filter the same way).
 */

export interface JobFilters {
  location?: string;
  company?: string;
  seniority?: string;
  employmentType?: string;
  /** O*NET-SOC code (occupation_code), exact. */
  occupation?: string;
  /**
   * Closed and expired jobs too. Without it (the default, and always for recommendations) only
   * open jobs whose expiry has not passed: OPEN_JOB_SQL.
   */
  includeClosed?: boolean;
}

/**
 * An open job: not closed, and not past its expiry. Fixed SQL (now() is read when the statement
 * runs, so a prepared search statement stays correct as time passes).
 */
export const OPEN_JOB_SQL = `status = 'open' AND (expires_at IS NULL OR expires_at > now())`;

export interface ResumeFilters {
  /** Resumes that list at least one of these canonical skills. */
  skillsAny?: string[];
  /** O*NET-SOC code (occupation_code), exact. */
  occupation?: string;
}

export type EntityFilters<E extends EmbeddableEntity> = E extends 'job' ? JobFilters : ResumeFilters;

export interface Page {
  limit: number;
  offset: number;
}

/**
 * The filters as SQL conditions on the entity's table; every value is appended to `params` and
 * bound. Jobs are open ones unless `includeClosed` (OPEN_JOB_SQL). The tenant comes first and is not optional: every list, search and recommendation of a
 * tenant's rows goes through here, so none can forget it (the vector searches included). Company,
 * seniority and employment type match whole values (case-insensitive); location matches a
 * substring ("Berlin" finds "Berlin, Germany"); an occupation is an exact O*NET-SOC code.
 * `column` qualifies the names when the statement joins tables (e.g. `j.` + name).
 */
export function filterConditions(
  entity: EmbeddableEntity,
  tenantId: string,
  filters: JobFilters & ResumeFilters,
  params: unknown[],
  column: (name: string) => string = (name) => name,
): string[] {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [tenantCondition(tenantId, params, column('tenant_id'))];
  if (entity === 'job') {
    if (!filters.includeClosed) conditions.push(OPEN_JOB_SQL);
    if (filters.company) conditions.push(`lower(${column('company')}) = lower(${bind(filters.company)})`);
    if (filters.seniority) conditions.push(`lower(${column('seniority')}) = lower(${bind(filters.seniority)})`);
    if (filters.employmentType) conditions.push(`lower(${column('employment_type')}) = lower(${bind(filters.employmentType)})`);
    if (filters.location) conditions.push(`${column('location')} ILIKE ${bind(`%${escapeLike(filters.location)}%`)}`);
  } else if (filters.skillsAny && filters.skillsAny.length > 0) {
    conditions.push(`${column('skills')} && ${bind(filters.skillsAny)}::text[]`);
  }
  if (filters.occupation) conditions.push(`${column('occupation_code')} = ${bind(filters.occupation)}`);
  return conditions;
}

/**
 * The tenant's rows only: `tenant_id = $n` with the id bound. Used by filterConditions and by
 * every statement that reads or writes one row by id, so another tenant's id finds nothing (404).
 */
export function tenantCondition(tenantId: string, params: unknown[], column = 'tenant_id'): string {
  params.push(tenantId);
  return `${column} = $${params.length}::uuid`;
}
