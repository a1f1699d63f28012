import { Inject, Injectable } from '@nestjs/common';
import type { MatchedSkill, MissingSkill } from '@jobmatch/skills';
import { APP_CONFIG, type AppConfig } from '../config';
import { seniorityRank } from '../common/seniority';
import type { ResumeProfile } from '../resumes/resume-profile';
import { SkillsProvider } from '../skills/skills.provider';
import { contentWords, mentionsSkill, requirementLines } from './text-overlap';

export type FactorName = 'semantic' | 'skills' | 'other';

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
    other: FactorBreakdown & { location: number | null; seniority: number | null };
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
}

export interface ScorableResume {
  text: string;
  skills: string[];
  profile: ResumeProfile;
}

/** A resume prepared once when it is scored against many jobs (its word set is the costly part). */
export interface PreparedResume extends ScorableResume {
  words: Set<string>;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** 1 when the places agree (or the job is remote), 0.6 on the same region/country, 0 otherwise. */
export function locationFit(jobLocation: string | null, resumeLocation: string | null): number | null {
  if (!jobLocation?.trim()) return null;
  if (/\bremote\b|\banywhere\b/i.test(jobLocation)) return 1;
  if (!resumeLocation?.trim()) return null;
  const parts = (value: string) => value.toLowerCase().split(/[,/|;()]+/).map((part) => part.trim()).filter(Boolean);
  const job = parts(jobLocation);
  const resume = parts(resumeLocation);
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

  constructor(
    private readonly skills: SkillsProvider,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'MATCH_WEIGHT_SEMANTIC' | 'MATCH_WEIGHT_SKILLS' | 'MATCH_WEIGHT_OTHER'>,
  ) {
    this.weights = { semantic: config.MATCH_WEIGHT_SEMANTIC, skills: config.MATCH_WEIGHT_SKILLS, other: config.MATCH_WEIGHT_OTHER };
    if (this.weights.semantic + this.weights.skills + this.weights.other <= 0) {
      throw new Error('MATCH_WEIGHT_SEMANTIC + MATCH_WEIGHT_SKILLS + MATCH_WEIGHT_OTHER must be greater than 0');
    }
  }

  prepare(resume: ScorableResume): PreparedResume {
    return { ...resume, words: new Set(contentWords(resume.text)) };
  }

  score(job: ScorableJob, resume: PreparedResume | ScorableResume, similarity: number): MatchBreakdown {
    const prepared = 'words' in resume ? resume : this.prepare(resume);
    const gap = this.skills.gap(prepared.skills, this.skills.jobSkillSet(job));
    const location = locationFit(job.location, prepared.profile.location);
    const seniority = seniorityFit(job.seniority, prepared.profile.seniority);
    const known = [location, seniority].filter((value): value is number => value !== null);
    const scores: Record<FactorName, number | null> = {
      semantic: Math.min(1, Math.max(0, similarity)),
      skills: gap.coverage,
      other: known.length > 0 ? known.reduce((sum, value) => sum + value, 0) / known.length : null,
    };

    // Unknown factors hand their weight to the known ones, so missing data neither helps nor hurts.
    const knownWeight = (Object.keys(scores) as FactorName[]).reduce((sum, name) => sum + (scores[name] === null ? 0 : this.weights[name]), 0);
    const weightOf = (name: FactorName) => (scores[name] === null || knownWeight === 0 ? 0 : this.weights[name] / knownWeight);
    const contributionOf = (name: FactorName) => 100 * weightOf(name) * (scores[name] ?? 0);
    const total = contributionOf('semantic') + contributionOf('skills') + contributionOf('other');

    const requiredCount = gap.matched.filter((skill) => skill.requirement === 'required').length + gap.missingRequired.length;
    const matchedRequired = gap.matched.filter((skill) => skill.requirement === 'required').length;
    const factor = (name: FactorName, detail: string): FactorBreakdown => ({
      weight: round(weightOf(name), 3),
      score: scores[name] === null ? null : round(scores[name]!, 3),
      contribution: round(contributionOf(name), 1),
      detail,
    });

    const score = round(Math.min(100, Math.max(0, total)), 1);
    return {
      score,
      factors: {
        semantic: factor('semantic', `Cosine similarity of the stored embeddings: ${scores.semantic!.toFixed(2)}`),
        skills: factor(
          'skills',
          gap.coverage === null
            ? 'The job lists no recognised skills; skill coverage not counted'
            : `${matchedRequired} of ${requiredCount} required and ${gap.matched.length - matchedRequired} of ${gap.matched.length - matchedRequired + gap.missingNiceToHave.length} nice-to-have skills`,
        ),
        other: {
          ...factor('other', this.otherDetail(job, prepared.profile, location, seniority)),
          location: location === null ? null : round(location, 2),
          seniority: seniority === null ? null : round(seniority, 2),
        },
      },
      explanation: {
        summary: this.summary(score, scores.semantic!, matchedRequired, requiredCount, gap.missingRequired.map((skill) => skill.name)),
        matchedSkills: gap.matched,
        missingRequiredSkills: gap.missingRequired,
        missingNiceToHaveSkills: gap.missingNiceToHave,
        strongestRequirementLines: this.strongestLines(job, prepared, gap.matched),
      },
    };
  }

  /** The job's requirement lines that overlap the resume most (skills count more than plain words). */
  private strongestLines(job: ScorableJob, resume: PreparedResume, matched: MatchedSkill[], limit = 3): RequirementLineOverlap[] {
    const source = job.requirements.trim() ? job.requirements : job.description;
    const candidates: (RequirementLineOverlap & { weight: number })[] = [];
    for (const line of requirementLines(source)) {
      const lower = line.toLowerCase();
      const matchedSkills = matched.filter((skill) => mentionsSkill(lower, skill.name)).map((skill) => skill.name);
      const words = [...new Set(contentWords(line))];
      const matchedTerms = words.filter((word) => resume.words.has(word));
      if (matchedSkills.length === 0 && matchedTerms.length === 0) continue;
      const weight = 2 * matchedSkills.length + matchedTerms.length / Math.max(1, words.length);
      candidates.push({ text: line.length > 240 ? `${line.slice(0, 237)}...` : line, matchedSkills, matchedTerms: matchedTerms.slice(0, 10), weight });
    }
    return candidates
      .sort((a, b) => b.weight - a.weight)
      .slice(0, limit)
      .map(({ weight: _weight, ...line }) => line);
  }

  private otherDetail(job: ScorableJob, profile: ResumeProfile, location: number | null, seniority: number | null): string {
    const parts = [
      location === null
        ? 'location unknown on one side'
        : `location ${location === 1 ? 'fits' : location > 0 ? 'partly fits' : 'differs'} (${job.location} / ${profile.location ?? 'any'})`,
      seniority === null
        ? 'seniority unknown on one side'
        : `seniority ${seniority === 1 ? 'fits' : seniority > 0 ? 'is one level apart' : 'differs'} (${job.seniority} / ${profile.seniority})`,
    ];
    return parts.join('; ');
  }

  private summary(score: number, similarity: number, matchedRequired: number, requiredCount: number, missing: string[]): string {
    const level = score >= 75 ? 'Strong match' : score >= 55 ? 'Good match' : score >= 35 ? 'Partial match' : 'Weak match';
    const skills = requiredCount > 0 ? `${matchedRequired} of ${requiredCount} required skills` : 'no listed required skills';
    const gaps = missing.length > 0 ? `; missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}` : '';
    return `${level} (${score}/100): ${skills}, semantic similarity ${similarity.toFixed(2)}${gaps}.`;
  }
}
