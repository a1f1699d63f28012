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
 * bound. Jobs are open ones unless `includeClosed` (OPEN_JOB_SQL). Company, seniority and employment type match whole values (case-insensitive); location
 * matches a substring ("Berlin" finds "Berlin, Germany"); an occupation is an exact O*NET-SOC code.
 */
export function filterConditions(entity: EmbeddableEntity, filters: JobFilters & ResumeFilters, params: unknown[]): string[] {
  const conditions: string[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (entity === 'job') {
    if (!filters.includeClosed) conditions.push(OPEN_JOB_SQL);
    if (filters.company) conditions.push(`lower(company) = lower(${bind(filters.company)})`);
    if (filters.seniority) conditions.push(`lower(seniority) = lower(${bind(filters.seniority)})`);
    if (filters.employmentType) conditions.push(`lower(employment_type) = lower(${bind(filters.employmentType)})`);
    if (filters.location) conditions.push(`location ILIKE ${bind(`%${escapeLike(filters.location)}%`)}`);
  } else if (filters.skillsAny && filters.skillsAny.length > 0) {
    conditions.push(`skills && ${bind(filters.skillsAny)}::text[]`);
  }
  if (filters.occupation) conditions.push(`occupation_code = ${bind(filters.occupation)}`);
  return conditions;
}
