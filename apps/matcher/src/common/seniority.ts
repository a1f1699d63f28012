/** Seniority levels the API accepts for jobs and infers for resumes, in order. */
export const SENIORITY_LEVELS = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal'] as const;
export type Seniority = (typeof SENIORITY_LEVELS)[number];

export const EMPLOYMENT_TYPES = ['full-time', 'part-time', 'contract', 'internship', 'temporary'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export function seniorityRank(value: string | null | undefined): number | null {
  if (!value) return null;
  const index = (SENIORITY_LEVELS as readonly string[]).indexOf(value.toLowerCase());
  return index >= 0 ? index : null;
}
