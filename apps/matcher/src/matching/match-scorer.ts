import { Inject, Injectable } from '@nestjs/common';
import { memoizeByString, type JobSkillSet, type MatchedSkill, type MissingSkill, type OwnedSkills } from '@jobmatch/skills';
import { APP_CONFIG, type AppConfig } from '../config';
import { seniorityRank } from '../common/seniority';
import type { ResumeProfile } from '../resumes/resume-profile';
import { SkillsProvider } from '../skills/skills.provider';
import { blendedScore, factorWeight, matchLabel, type FactorName } from './match-blend';
import { semanticFactorFor } from './semantic-calibration';
import { contentWords, distinctContentWords, mentionsLowerTerm, requirementLines } from './text-overlap';

/** Longest requirement line quoted in an explanation (the rest is cut with "..."). */
const MAX_LINE_CHARS = 200;
/** Requirement lines quoted per explanation, and overlapping terms listed per line. */
const MAX_LINES = 3;
const MAX_TERMS_PER_LINE = 8;

export type { FactorName };

export interface FactorBreakdown {
  /** Share of the overall score this factor was given (configured weights, re-normalized over known factors). */
  weight: number;
  /** 0..1, or null when it cannot be known (the job lists no skills, no location/seniority on either side). */
  score: number | null;
  /** Points this factor added to the 0–100 score. */
  contribution: number;
  detail: string;
}

export interface RequirementLineOverlap {
  text: string;
  matchedSkills: string[];
  matchedTerms: string[];
}

export interface MatchExplanation {
  summary: string;
  matchedSkills: MatchedSkill[];
  missingRequiredSkills: MissingSkill[];
  missingNiceToHaveSkills: MissingSkill[];
  strongestRequirementLines: RequirementLineOverlap[];
}

export interface MatchBreakdown {
  /** 0–100, one decimal. */
  score: number;
  factors: Record<FactorName, FactorBreakdown> & {
    other: FactorBreakdown & { location: number | null; seniority: number | null; occupation: number | null };
  };
  explanation: MatchExplanation;
}

export interface ScorableJob {
  title: string;
  description: string;
  requirements: string;
  location: string | null;
  seniority: string | null;
  skills: string[];
  requiredSkills: string[];
  niceToHaveSkills: string[];
  /** O*NET-SOC occupation (stored column); absent or null when unknown. */
  occupationCode?: string | null;
}

export interface ScorableResume {
  text: string;
  skills: string[];
  profile: ResumeProfile;
  occupationCode?: string | null;
}

/** A resume prepared once when it is scored against many jobs (word set and implied skills are the costly part). */
export interface PreparedResume extends ScorableResume {
  words: Set<string>;
  owned: OwnedSkills;
}

/**
 * A job as the scorer holds it while ranking and explaining. Ranking reads the stored skill
 * columns directly; the deduplicated skill set and the requirement lines are built on first use
 * by an explanation, which only the page shown gets.
 */
export interface PreparedJob {
  job: ScorableJob;
  skillSet?: JobSkillSet;
  /** Requirement lines with their lower-cased text and distinct content words. */
  lines?: { text: string; lower: string; words: string[] }[];
}

/** The numbers of a match, cheap to compute for every candidate; `explain` turns the few shown into a breakdown. */
export interface MatchRanking {
  score: number;
  job: PreparedJob;
  resume: PreparedResume;
  /** Weighted skill coverage (SkillGap.coverage); the matched/missing lists are built by explain. */
  skillCoverage: number | null;
  similarity: number;
  location: number | null;
  seniority: number | null;
  /** Occupation closeness (OCCUPATION_FIT), null when either side's occupation is unknown. */
  occupation: number | null;
}

/** Same O*NET occupation 1, a related one (O*NET Related Occupations) 0.5, another 0. */
export const OCCUPATION_FIT = { same: 1, related: 0.5, unrelated: 0 } as const;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** "Berlin, Germany" → ["berlin", "germany"]; memoized: ranking compares every candidate's location, from a small vocabulary. */
const locationParts = memoizeByString(
  (value) => value.toLowerCase().split(/[,/|;()]+/).map((part) => part.trim()).filter(Boolean),
  5_000,
);

/** 1 when the places agree (or the job is remote), 0.6 on the same region/country, 0 otherwise. */
export function locationFit(jobLocation: string | null, resumeLocation: string | null): number | null {
  if (!jobLocation?.trim()) return null;
  if (/\bremote\b|\banywhere\b/i.test(jobLocation)) return 1;
  if (!resumeLocation?.trim()) return null;
  const job = locationParts(jobLocation);
  const resume = locationParts(resumeLocation);
  if (job[0] !== undefined && resume.includes(job[0])) return 1;
  if (resume[0] !== undefined && job.includes(resume[0])) return 1;
  return job.some((part) => resume.includes(part)) ? 0.6 : 0;
}

/** 1 at the same level; one level over is a fair fit, one under a weaker one, further apart none. */
export function seniorityFit(jobSeniority: string | null, resumeSeniority: string | null): number | null {
  const job = seniorityRank(jobSeniority);
  const resume = seniorityRank(resumeSeniority);
  if (job === null || resume === null) return null;
  const difference = resume - job;
  if (difference === 0) return 1;
  if (difference === 1) return 0.7;
  if (difference === -1) return 0.5;
  return 0;
}

/**
 * The explained match score (no LLM): semantic similarity of the stored vectors, skill coverage
 * from the skills library, and other factors (location, seniority), with configurable weights.
 */
@Injectable()
export class MatchScorer {
  private readonly weights: Record<FactorName, number>;
  private readonly semanticFactor: (cosine: number) => number;

  constructor(
    private readonly skills: SkillsProvider,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'MODEL_ID' | 'MATCH_WEIGHT_SEMANTIC' | 'MATCH_WEIGHT_SKILLS' | 'MATCH_WEIGHT_OTHER'>,
  ) {
    this.semanticFactor = semanticFactorFor(config.MODEL_ID);
    this.weights = { semantic: config.MATCH_WEIGHT_SEMANTIC, skills: config.MATCH_WEIGHT_SKILLS, other: config.MATCH_WEIGHT_OTHER };
    if (this.weights.semantic + this.weights.skills + this.weights.other <= 0) {
      throw new Error('MATCH_WEIGHT_SEMANTIC + MATCH_WEIGHT_SKILLS + MATCH_WEIGHT_OTHER must be greater than 0');
    }
  }

  prepare(resume: ScorableResume | PreparedResume): PreparedResume {
    if ('words' in resume) return resume;
    // Fields listed, not spread: see explain().
    return {
      text: resume.text,
      skills: resume.skills,
      profile: resume.profile,
      occupationCode: resume.occupationCode,
      words: new Set(contentWords(resume.text)),
      owned: this.skills.ownedSkills(resume.skills),
    };
  }

  prepareJob(job: ScorableJob | PreparedJob): PreparedJob {
    return 'job' in job ? job : { job };
  }

  /** The full breakdown for one pair (match calculation). */
  score(job: ScorableJob | PreparedJob, resume: ScorableResume | PreparedResume, similarity: number): MatchBreakdown {
    return this.explain(this.rank(job, resume, similarity));
  }

  /** The overall score only: what re-ranking a candidate pool needs; explanations are built for the page shown. */
  rank(job: ScorableJob | PreparedJob, resume: ScorableResume | PreparedResume, similarity: number): MatchRanking {
    const preparedJob = this.prepareJob(job);
    const preparedResume = this.prepare(resume);
    const skillCoverage = this.skills.coverage(preparedResume.owned, preparedJob.job);
    const location = locationFit(preparedJob.job.location, preparedResume.profile.location);
    const seniority = seniorityFit(preparedJob.job.seniority, preparedResume.profile.seniority);
    const closeness = this.skills.occupationCloseness(preparedJob.job.occupationCode, preparedResume.occupationCode);
    const occupation = closeness === null ? null : OCCUPATION_FIT[closeness];
    const ranking: MatchRanking = { score: 0, job: preparedJob, resume: preparedResume, skillCoverage, similarity, location, seniority, occupation };
    ranking.score = round(blendedScore(this.factorScores(ranking), this.weights), 1);
    return ranking;
  }

  explain(ranking: MatchRanking): MatchBreakdown {
    const { location, seniority, occupation, score } = ranking;
    ranking.job.skillSet ??= this.skills.jobSkillSet(ranking.job.job);
    const gap = this.skills.gap(ranking.resume.owned, ranking.job.skillSet);
    const { job } = ranking.job;
    const profile = ranking.resume.profile;
    const scores = this.factorScores(ranking);
    const matchedRequired = gap.matched.filter((skill) => skill.requirement === 'required').length;
    const requiredCount = matchedRequired + gap.missingRequired.length;
    const factor = (name: FactorName, detail: string): FactorBreakdown => ({
      weight: round(this.weightOf(scores, name), 3),
      score: scores[name] === null ? null : round(scores[name]!, 3),
      contribution: round(this.contribution(scores, name), 1),
      detail,
    });
    // Built field by field: on Node 20's V8, `{ ...object, newKey }` gives every result a hidden
    // class of its own in the old generation (≈ 250 bytes each), which brought on full GCs under load.
    const other = factor('other', this.otherDetail(job, profile, location, seniority, occupation));

    return {
      score,
      factors: {
        semantic: factor('semantic', this.semanticDetail(ranking.similarity, scores.semantic!)),
        skills: factor(
          'skills',
          gap.coverage === null
            ? 'The job lists no recognised skills; skill coverage not counted'
            : `${matchedRequired} of ${requiredCount} required and ${gap.matched.length - matchedRequired} of ${gap.matched.length - matchedRequired + gap.missingNiceToHave.length} nice-to-have skills`,
        ),
        other: {
          weight: other.weight,
          score: other.score,
          contribution: other.contribution,
          detail: other.detail,
          location: location === null ? null : round(location, 2),
          seniority: seniority === null ? null : round(seniority, 2),
          occupation: occupation === null ? null : round(occupation, 2),
        },
      },
      explanation: {
        summary: this.summary(score, ranking.similarity, matchedRequired, requiredCount, gap.missingRequired.map((skill) => skill.name)),
        matchedSkills: gap.matched,
        missingRequiredSkills: gap.missingRequired,
        missingNiceToHaveSkills: gap.missingNiceToHave,
        strongestRequirementLines: this.strongestLines(ranking.job, ranking.resume, gap.matched),
      },
    };
  }

  private factorScores({ similarity, skillCoverage, location, seniority, occupation }: MatchRanking): Record<FactorName, number | null> {
    const known = (location === null ? 0 : 1) + (seniority === null ? 0 : 1) + (occupation === null ? 0 : 1);
    return {
      semantic: this.semanticFactor(similarity),
      skills: skillCoverage,
      other: known > 0 ? ((location ?? 0) + (seniority ?? 0) + (occupation ?? 0)) / known : null,
    };
  }

  /** Unknown factors hand their weight to the known ones, so missing data neither helps nor hurts. */
  private weightOf(scores: Record<FactorName, number | null>, name: FactorName): number {
    return factorWeight(scores, this.weights, name);
  }

  private contribution(scores: Record<FactorName, number | null>, name: FactorName): number {
    return 100 * this.weightOf(scores, name) * (scores[name] ?? 0);
  }

  /**
   * The job's requirement lines that overlap the resume most (skills count more than plain words),
   * bounded in size. Lines are weighed first and only the few quoted get their lists built.
   */
  private strongestLines(job: PreparedJob, resume: PreparedResume, matched: MatchedSkill[]): RequirementLineOverlap[] {
    job.lines ??= requirementLines(job.job.requirements.trim() ? job.job.requirements : job.job.description).map((text) => {
      const lower = text.toLowerCase();
      return { text, lower, words: distinctContentWords(lower) };
    });
    const skillNeedles = matched.map((skill) => ({ name: skill.name, lower: skill.name.toLowerCase() }));
    const weighed: { line: NonNullable<PreparedJob['lines']>[number]; matchedSkills: string[]; weight: number }[] = [];
    for (const line of job.lines) {
      let matchedSkills: string[] | undefined;
      for (const skill of skillNeedles) if (mentionsLowerTerm(line.lower, skill.lower)) (matchedSkills ??= []).push(skill.name);
      let matchedTermCount = 0;
      for (const word of line.words) if (resume.words.has(word)) matchedTermCount++;
      if (matchedSkills === undefined && matchedTermCount === 0) continue;
      const weight = 2 * (matchedSkills?.length ?? 0) + matchedTermCount / Math.max(1, line.words.length);
      weighed.push({ line, matchedSkills: matchedSkills ?? [], weight });
    }
    return weighed
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_LINES)
      .map(({ line, matchedSkills }) => ({
        text: line.text.length > MAX_LINE_CHARS ? `${line.text.slice(0, MAX_LINE_CHARS - 3)}...` : line.text,
        matchedSkills,
        matchedTerms: line.words.filter((word) => resume.words.has(word)).slice(0, MAX_TERMS_PER_LINE),
      }));
  }

  private semanticDetail(similarity: number, factor: number): string {
    const cosine = `Cosine similarity of the stored embeddings: ${Math.min(1, Math.max(0, similarity)).toFixed(2)}`;
    return Math.abs(factor - similarity) < 0.005 ? cosine : `${cosine} (calibrated to ${factor.toFixed(2)})`;
  }

  private otherDetail(job: ScorableJob, profile: ResumeProfile, location: number | null, seniority: number | null, occupation: number | null): string {
    const parts = [
      location === null
        ? 'location unknown on one side'
        : `location ${location === 1 ? 'fits' : location > 0 ? 'partly fits' : 'differs'} (${job.location} / ${profile.location ?? 'any'})`,
      seniority === null
        ? 'seniority unknown on one side'
        : `seniority ${seniority === 1 ? 'fits' : seniority > 0 ? 'is one level apart' : 'differs'} (${job.seniority} / ${profile.seniority})`,
    ];
    // Only when both occupations are known (O*NET imported): existing explanations stay as they were otherwise.
    if (occupation !== null) parts.push(`occupation ${occupation === 1 ? 'is the same' : occupation > 0 ? 'is related' : 'differs'}`);
    return parts.join('; ');
  }

  private summary(score: number, similarity: number, matchedRequired: number, requiredCount: number, missing: string[]): string {
    const level = matchLabel(score);
    const skills = requiredCount > 0 ? `${matchedRequired} of ${requiredCount} required skills` : 'no listed required skills';
    const gaps = missing.length > 0 ? `; missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}` : '';
    return `${level} (${score}/100): ${skills}, semantic similarity ${similarity.toFixed(2)}${gaps}.`;
  }
}
