import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JobRepository, ResumeRepository, SearchedModel, VectorStore } from '@jobmatch/db';
import { ApiException, EmbeddingNotReadyException, NotFoundApiException } from '@jobmatch/nest-common';
import { blendedDemand, computeSkillGap, jobSkillsFromExtraction, jobSkillsFromStored, type JobSkillSet, type MissingSkill } from '@jobmatch/skills';
import { APP_CONFIG, type AppConfig } from '../config';
import { SkillsEngine } from '../skills/skills-engine';
import type { JobRefDto, ResumeRefDto } from './dto/skill-gap-request.dto';
import {
  COVERAGE_METHOD,
  OCCUPATION_DEMAND_METHOD,
  PRIORITY_METHOD,
  type MissingSkillDto,
  type ResumeSkillGapResponseDto,
  type SkillGapResponseDto,
} from './dto/skill-gap-response.dto';
import { aggregateSkillGaps, toPercent, type ScoredJob } from './learning-priorities';

export const DEFAULT_RECOMMENDED_JOBS = 20;

interface ResolvedResume {
  source: 'id' | 'text';
  id: string | null;
  skills: string[];
}

interface ResolvedJob {
  source: 'id' | 'text';
  id: string | null;
  title: string | null;
  skills: JobSkillSet;
  occupation: { code: string; title: string } | null;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

@Injectable()
export class SkillGapService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly resumes: ResumeRepository,
    private readonly vectors: VectorStore,
    private readonly skills: SkillsEngine,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'HNSW_EF_SEARCH'>,
    private readonly searchedModel: SearchedModel,
  ) {}

  async compare(resumeRef: ResumeRefDto, jobRef: JobRefDto): Promise<SkillGapResponseDto> {
    const [resume, job] = await Promise.all([this.resolveResume(resumeRef), this.resolveJob(jobRef)]);
    const total = job.skills.required.length + job.skills.niceToHave.length;
    if (total === 0) {
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'NO_JOB_SKILLS',
        job.source === 'id' ? `Job ${job.id} lists no skills; a skill gap cannot be computed` : 'No known skills were found in the job text; a skill gap cannot be computed',
        { source: job.source, id: job.id },
      );
    }
    const gap = computeSkillGap(resume.skills, job.skills, { graph: this.skills.graph });
    const demand = job.occupation ? await this.occupationDemand(job.occupation.code) : null;
    const matchedRequired = gap.matched.filter((skill) => skill.requirement === 'required').length;
    const requiredTotal = matchedRequired + gap.missingRequired.length;
    const niceTotal = gap.matched.length - matchedRequired + gap.missingNiceToHave.length;
    return {
      resume,
      job: {
        source: job.source,
        id: job.id,
        title: job.title,
        requiredSkills: [...job.skills.required],
        niceToHaveSkills: [...job.skills.niceToHave],
        // Only when known: the response without O*NET keeps its shape.
        ...(job.occupation ? { occupation: job.occupation } : {}),
      },
      matched: gap.matched,
      missingRequired: demand ? rankByDemand(gap.missingRequired, demand) : gap.missingRequired,
      missingNiceToHave: demand ? rankByDemand(gap.missingNiceToHave, demand) : gap.missingNiceToHave,
      ...(demand ? { occupationDemandMethod: OCCUPATION_DEMAND_METHOD } : {}),
      coverage: {
        percent: toPercent(gap.coverage),
        required: { matched: matchedRequired, total: requiredTotal, percent: toPercent(gap.requiredCoverage) },
        niceToHave: { matched: gap.matched.length - matchedRequired, total: niceTotal, percent: toPercent(gap.niceToHaveCoverage) },
        method: COVERAGE_METHOD,
      },
    };
  }

  /** Gap against the jobs recommended for a stored resume (nearest by stored vectors, no model call). */
  async forRecommendedJobs(resumeId: string, jobCount = DEFAULT_RECOMMENDED_JOBS): Promise<ResumeSkillGapResponseDto> {
    const modelId = await this.searchedModel.modelId();
    // The resume row and the jobs nearest to its stored vector, with their skills: one round trip.
    const { source: resume, candidates } = await this.vectors.nearestWithRows(
      'job',
      { entity: 'resume', id: resumeId },
      'candidate',
      { modelId, limit: jobCount, efSearch: this.config.HNSW_EF_SEARCH },
    );
    if (!resume) throw new NotFoundApiException('Resume', resumeId);
    if (resume.embeddingStatus !== 'READY' || candidates === null) throw new EmbeddingNotReadyException('resume', resume, modelId);

    // Best first.
    const scored: ScoredJob[] = candidates.map((job) => ({ id: job.id, title: job.title, company: job.company, matchScore: job.similarity, skills: jobSkillsFromStored(job) }));
    const aggregated = aggregateSkillGaps(resume.skills, scored, this.skills.graph);
    return {
      resumeId,
      modelId,
      resumeSkills: [...resume.skills],
      jobsConsidered: scored.length,
      averageCoveragePercent: aggregated.averageCoveragePercent,
      jobs: aggregated.jobs,
      learningPriorities: aggregated.learningPriorities,
      priorityMethod: PRIORITY_METHOD,
    };
  }

  /** Demand per skill in the occupation's postings: the project's stored jobs, O*NET's flags as the prior. */
  private async occupationDemand(code: string): Promise<((skill: string) => number) | null> {
    const occupations = this.skills.occupations;
    if (!occupations) return null;
    return blendedDemand(occupations.demandOf(code), await this.jobs.occupationSkillCounts(code));
  }

  private async resolveResume(ref: ResumeRefDto): Promise<ResolvedResume> {
    if (ref.id !== undefined) {
      const resume = await this.resumes.findById(ref.id);
      if (!resume) throw new NotFoundApiException('Resume', ref.id);
      return { source: 'id', id: resume.id, skills: [...resume.skills] };
    }
    return { source: 'text', id: null, skills: this.skills.extract(ref.text ?? '').map((skill) => skill.name) };
  }

  private async resolveJob(ref: JobRefDto): Promise<ResolvedJob> {
    if (ref.id !== undefined) {
      const job = await this.jobs.findById(ref.id);
      if (!job) throw new NotFoundApiException('Job', ref.id);
      const occupation = job.occupationCode && job.occupationTitle ? { code: job.occupationCode, title: job.occupationTitle } : null;
      return { source: 'id', id: job.id, title: job.title, skills: jobSkillsFromStored(job), occupation };
    }
    const extracted = this.skills.extract(ref.text ?? '');
    const match = ref.title && this.skills.occupations ? this.skills.occupations.normalize(ref.title, extracted.map((skill) => skill.name)) : null;
    return {
      source: 'text',
      id: null,
      title: ref.title ?? null,
      skills: jobSkillsFromExtraction(extracted),
      occupation: match ? { code: match.code, title: match.title } : null,
    };
  }
}

/** Missing skills, most asked-for in the occupation first (stable: equal demand keeps the job's order). */
function rankByDemand(missing: MissingSkill[], demand: (skill: string) => number): MissingSkillDto[] {
  return missing
    .map((skill, index) => ({ name: skill.name, requirement: skill.requirement, relatedOwned: skill.relatedOwned, occupationDemand: round3(demand(skill.name)), index }))
    .sort((a, b) => b.occupationDemand - a.occupationDemand || a.index - b.index)
    .map(({ name, requirement, relatedOwned, occupationDemand }) => ({ name, requirement, relatedOwned, occupationDemand }));
}
