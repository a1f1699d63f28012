import type { ExtractedSkill } from './types';

export interface SkillSummary {
  /** Every skill found, canonical names, sorted and de-duplicated. */
  all: string[];
  /** Skills a posting asks for: explicitly required AND unqualified ('unspecified') ones. */
  required: string[];
  /** Skills explicitly marked preferred / nice to have / a plus / bonus. */
  niceToHave: string[];
}

/**
 * Groups extracted skills by requirement. A recruiter reads a skill that a posting names
 * without qualification as required, so 'unspecified' counts as required here; only an
 * explicit "preferred / nice to have / a plus" makes a skill nice-to-have. For a resume,
 * use `all` (resumes do not qualify skills).
 */
export function summarizeSkills(skills: readonly ExtractedSkill[]): SkillSummary {
  const sorted = (names: Iterable<string>) => [...new Set(names)].sort((a, b) => a.localeCompare(b));
  // If a name appears twice (merged lists), the stronger requirement wins.
  const required = new Set(skills.filter((s) => s.requirement !== 'nice-to-have').map((s) => s.name));
  return {
    all: sorted(skills.map((s) => s.name)),
    required: sorted(required),
    niceToHave: sorted(skills.filter((s) => s.requirement === 'nice-to-have' && !required.has(s.name)).map((s) => s.name)),
  };
}
