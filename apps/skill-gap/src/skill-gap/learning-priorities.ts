import { computeSkillGap, type JobSkillSet, type SkillGap, type SkillGraph } from '@jobmatch/skills';
import type { LearningPriorityDto, RecommendedJobGapDto } from './dto/skill-gap-response.dto';

/** A nice-to-have skill adds half the demand of a required one (see PRIORITY_METHOD). */
export const DEMAND_WEIGHTS = { required: 1, 'nice-to-have': 0.5 } as const;
const MAX_JOB_IDS_PER_SKILL = 5;

export interface ScoredJob {
  id: string;
  title: string;
  company: string;
  /** Cosine similarity of the stored vectors, 0..1. */
  matchScore: number;
  skills: JobSkillSet;
}

export interface AggregatedGap {
  jobs: RecommendedJobGapDto[];
  learningPriorities: LearningPriorityDto[];
  averageCoveragePercent: number | null;
}

export const toPercent = (fraction: number | null): number | null => (fraction === null ? null : Math.round(fraction * 1000) / 10);
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

interface Demand {
  skill: string;
  demand: number;
  requiredBy: number;
  preferredBy: number;
  relatedOwned: string[];
  jobIds: string[];
  /** Share of the total demand; set once every job is counted. */
  priority: number;
}

/**
 * Gap of one person against several jobs, aggregated into a learning priority list: a skill
 * missing from many well-matching jobs, and required rather than preferred, comes first.
 * `jobs` must be ordered best match first.
 */
export function aggregateSkillGaps(resumeSkills: readonly string[], jobs: readonly ScoredJob[], graph?: SkillGraph): AggregatedGap {
  const demands = new Map<string, Demand>();
  const perJob: RecommendedJobGapDto[] = [];
  let totalWeight = 0;
  const coverages: number[] = [];

  for (const job of jobs) {
    const gap: SkillGap = computeSkillGap(resumeSkills, job.skills, { graph });
    perJob.push({
      id: job.id,
      title: job.title,
      company: job.company,
      matchScore: round4(job.matchScore),
      coveragePercent: toPercent(gap.coverage),
      missingRequired: gap.missingRequired.map((skill) => skill.name),
      missingNiceToHave: gap.missingNiceToHave.map((skill) => skill.name),
    });
    // A job listing no skills says nothing about what to learn; it neither adds demand nor dilutes it.
    if (gap.coverage === null) continue;
    coverages.push(gap.coverage);
    totalWeight += job.matchScore;
    for (const missing of [...gap.missingRequired, ...gap.missingNiceToHave]) {
      const k = missing.name.toLowerCase();
      let entry = demands.get(k);
      if (!entry) {
        entry = { skill: missing.name, demand: 0, requiredBy: 0, preferredBy: 0, relatedOwned: missing.relatedOwned, jobIds: [], priority: 0 };
        demands.set(k, entry);
      }
      entry.demand += job.matchScore * DEMAND_WEIGHTS[missing.requirement];
      if (missing.requirement === 'required') entry.requiredBy += 1;
      else entry.preferredBy += 1;
      if (entry.jobIds.length < MAX_JOB_IDS_PER_SKILL) entry.jobIds.push(job.id);
    }
  }

  // Set in place, not copied with `{ ...entry, priority }`: on Node 20's V8 a spread that adds a key
  // gives each copy a hidden class of its own in the old generation.
  for (const entry of demands.values()) entry.priority = totalWeight > 0 ? entry.demand / totalWeight : 0;
  const learningPriorities = [...demands.values()]
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        b.requiredBy - a.requiredBy ||
        b.preferredBy - a.preferredBy ||
        Number(b.relatedOwned.length > 0) - Number(a.relatedOwned.length > 0) ||
        (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0),
    )
    .map((entry, index) => ({
      rank: index + 1,
      skill: entry.skill,
      priority: round4(entry.priority),
      demand: round4(entry.demand),
      requiredBy: entry.requiredBy,
      preferredBy: entry.preferredBy,
      relatedOwned: entry.relatedOwned,
      jobIds: entry.jobIds,
    }));

  const averageCoverage = coverages.length > 0 ? coverages.reduce((sum, value) => sum + value, 0) / coverages.length : null;
  return { jobs: perJob, learningPriorities, averageCoveragePercent: toPercent(averageCoverage) };
}
