import { computeSkillGap, type JobSkillSet, type MissingSkill, type SkillGap, type SkillGraph } from '@jobmatch/skills';
import type { LearningPriorityDto, MissingSkillDto, RecommendedJobGapDto } from './dto/skill-gap-response.dto';

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
  /** O*NET occupation stored with the job; null when unknown. */
  occupation: { code: string; title: string } | null;
}

/** How often an occupation's postings ask for a skill, 0..1 (see blendedDemand); null when not known. */
export type OccupationDemandOf = (occupationCode: string) => ((skill: string) => number) | null;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Missing skills, most asked-for in the occupation first (stable: equal demand keeps the job's order). */
export function rankByDemand(missing: MissingSkill[], demand: (skill: string) => number): MissingSkillDto[] {
  return missing
    .map((skill, index) => ({ name: skill.name, requirement: skill.requirement, relatedOwned: skill.relatedOwned, occupationDemand: round3(demand(skill.name)), index }))
    .sort((a, b) => b.occupationDemand - a.occupationDemand || a.index - b.index)
    .map(({ name, requirement, relatedOwned, occupationDemand }) => ({ name, requirement, relatedOwned, occupationDemand }));
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
  /** Σ occupation demand over the jobs with a known occupation that miss it, and how many those are. */
  occupationDemandSum: number;
  occupationJobs: number;
}

/**
 * Gap of one person against several jobs, aggregated into a learning priority list: a skill
 * missing from many well-matching jobs, and required rather than preferred, comes first.
 * `jobs` must be ordered best match first. With `demandOf` (O*NET imported), each job's missing
 * skills are ordered by how often its occupation asks for them (as POST /skill-gap orders them),
 * and priorities that tie are ordered by the mean occupation demand of the jobs that miss them.
 */
export function aggregateSkillGaps(resumeSkills: readonly string[], jobs: readonly ScoredJob[], graph?: SkillGraph, demandOf?: OccupationDemandOf): AggregatedGap {
  const demands = new Map<string, Demand>();
  const perJob: RecommendedJobGapDto[] = [];
  let totalWeight = 0;
  const coverages: number[] = [];

  for (const job of jobs) {
    const gap: SkillGap = computeSkillGap(resumeSkills, job.skills, { graph });
    const demand = job.occupation && demandOf ? demandOf(job.occupation.code) : null;
    const missingRequired = demand ? rankByDemand(gap.missingRequired, demand) : gap.missingRequired;
    const missingNiceToHave = demand ? rankByDemand(gap.missingNiceToHave, demand) : gap.missingNiceToHave;
    perJob.push({
      id: job.id,
      title: job.title,
      company: job.company,
      // Only when known: the response without O*NET keeps its shape.
      ...(job.occupation ? { occupation: job.occupation } : {}),
      matchScore: round4(job.matchScore),
      coveragePercent: toPercent(gap.coverage),
      missingRequired: missingRequired.map((skill) => skill.name),
      missingNiceToHave: missingNiceToHave.map((skill) => skill.name),
    });
    // A job listing no skills says nothing about what to learn; it neither adds demand nor dilutes it.
    if (gap.coverage === null) continue;
    coverages.push(gap.coverage);
    totalWeight += job.matchScore;
    for (const missing of [...gap.missingRequired, ...gap.missingNiceToHave]) {
      const k = missing.name.toLowerCase();
      let entry = demands.get(k);
      if (!entry) {
        entry = { skill: missing.name, demand: 0, requiredBy: 0, preferredBy: 0, relatedOwned: missing.relatedOwned, jobIds: [], priority: 0, occupationDemandSum: 0, occupationJobs: 0 };
        demands.set(k, entry);
      }
      if (demand) {
        entry.occupationDemandSum += demand(missing.name);
        entry.occupationJobs += 1;
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
  const meanOccupationDemand = (entry: Demand) => (entry.occupationJobs > 0 ? entry.occupationDemandSum / entry.occupationJobs : null);
  const learningPriorities = [...demands.values()]
    .sort(
      (a, b) =>
        round4(b.priority) - round4(a.priority) ||
        (meanOccupationDemand(b) ?? 0) - (meanOccupationDemand(a) ?? 0) ||
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
      ...(entry.occupationJobs > 0 ? { occupationDemand: round3(meanOccupationDemand(entry)!) } : {}),
    }));

  const averageCoverage = coverages.length > 0 ? coverages.reduce((sum, value) => sum + value, 0) / coverages.length : null;
  return { jobs: perJob, learningPriorities, averageCoveragePercent: toPercent(averageCoverage) };
}
