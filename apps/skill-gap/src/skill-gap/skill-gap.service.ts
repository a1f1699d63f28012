import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JobRepository, ResumeRepository, VectorStore } from '@jobmatch/db';
import { ApiException, EmbeddingNotReadyException, NotFoundApiException } from '@jobmatch/nest-common';
import { computeSkillGap, jobSkillsFromExtraction, jobSkillsFromStored, type JobSkillSet } from '@jobmatch/skills';
import { APP_CONFIG, type AppConfig } from '../config';
import { SkillsEngine } from '../skills/skills-engine';
import type { JobRefDto, ResumeRefDto } from './dto/skill-gap-request.dto';
import { COVERAGE_METHOD, PRIORITY_METHOD, type ResumeSkillGapResponseDto, type SkillGapResponseDto } from './dto/skill-gap-response.dto';
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
}

@Injectable()
export class SkillGapService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly resumes: ResumeRepository,
    private readonly vectors: VectorStore,
    private readonly skills: SkillsEngine,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'MODEL_ID' | 'HNSW_EF_SEARCH'>,
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
    const matchedRequired = gap.matched.filter((skill) => skill.requirement === 'required').length;
    const requiredTotal = matchedRequired + gap.missingRequired.length;
    const niceTotal = gap.matched.length - matchedRequired + gap.missingNiceToHave.length;
    return {
      resume,
      job: { source: job.source, id: job.id, title: job.title, requiredSkills: [...job.skills.required], niceToHaveSkills: [...job.skills.niceToHave] },
      matched: gap.matched,
      missingRequired: gap.missingRequired,
      missingNiceToHave: gap.missingNiceToHave,
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
    const modelId = this.config.MODEL_ID;
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
      return { source: 'id', id: job.id, title: job.title, skills: jobSkillsFromStored(job) };
    }
    return { source: 'text', id: null, title: null, skills: jobSkillsFromExtraction(this.skills.extract(ref.text ?? '')) };
  }
}
