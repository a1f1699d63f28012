import { Inject, Injectable } from '@nestjs/common';
import { JobRepository, ResumeRepository, VectorStore, type Job, type Resume } from '@jobmatch/db';
import { NotFoundApiException } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from '../config';
import { EmbeddingNotReadyException } from '../common/embedding-state';
import { toJobDto } from '../jobs/jobs.service';
import { MatchScorer, type MatchBreakdown } from '../matching/match-scorer';
import { scorableResume } from '../resumes/resume-profile';
import { toResumeDto } from '../resumes/resumes.service';
import type {
  CandidateQueryDto,
  CandidatesDto,
  JobRecommendationQueryDto,
  JobRecommendationsDto,
} from './dto/recommendation.dto';

/** How many nearest neighbours are re-ranked by the match scorer for a page of `limit`. */
export function candidatePoolSize(limit: number): number {
  return Math.min(100, Math.max(20, limit * 3));
}

const roundSimilarity = (value: number) => Math.round(value * 10_000) / 10_000;

function byScore<T extends { similarity: number; match: MatchBreakdown }>(a: T, b: T): number {
  return b.match.score - a.match.score || b.similarity - a.similarity;
}

/**
 * Recommendations from stored vectors only (no model call): nearest neighbours on the HNSW
 * index, then re-ranked by the explained match score.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly vectors: VectorStore,
    private readonly jobs: JobRepository,
    private readonly resumes: ResumeRepository,
    private readonly scorer: MatchScorer,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'MODEL_ID' | 'HNSW_EF_SEARCH'>,
  ) {}

  async jobsForResume(resumeId: string, query: JobRecommendationQueryDto): Promise<JobRecommendationsDto> {
    const resume = await this.resumes.findById(resumeId);
    if (!resume) throw new NotFoundApiException('Resume', resumeId);
    this.assertEmbedded('resume', resume);
    const filters = { location: query.location, company: query.company, seniority: query.seniority, employmentType: query.employmentType };
    const hits = await this.vectors.nearestToStored(
      'job',
      { entity: 'resume', id: resumeId },
      { modelId: this.config.MODEL_ID, limit: candidatePoolSize(query.limit), efSearch: this.config.HNSW_EF_SEARCH, filters },
    );
    if (!hits) throw new EmbeddingNotReadyException('resume', resumeId, resume, this.config.MODEL_ID);
    const rows = new Map((await this.jobs.findByIds(hits.map((hit) => hit.id))).map((job) => [job.id, job]));
    const prepared = this.scorer.prepare(scorableResume(resume));
    const scored = hits.flatMap((hit) => {
      const job = rows.get(hit.id);
      return job ? [{ job, similarity: hit.similarity, match: this.scorer.score(job, prepared, hit.similarity) }] : [];
    });
    const results = scored
      .sort(byScore)
      .slice(0, query.limit)
      .map((entry, index) => ({ rank: index + 1, similarity: roundSimilarity(entry.similarity), job: toJobDto(entry.job), match: entry.match }));
    return { resumeId, modelId: this.config.MODEL_ID, results };
  }

  async candidatesForJob(jobId: string, query: CandidateQueryDto): Promise<CandidatesDto> {
    const job = await this.jobs.findById(jobId);
    if (!job) throw new NotFoundApiException('Job', jobId);
    this.assertEmbedded('job', job);
    const hits = await this.vectors.nearestToStored(
      'resume',
      { entity: 'job', id: jobId },
      {
        modelId: this.config.MODEL_ID,
        limit: candidatePoolSize(query.limit),
        efSearch: this.config.HNSW_EF_SEARCH,
        filters: { skillsAny: query.skills },
      },
    );
    if (!hits) throw new EmbeddingNotReadyException('job', jobId, job, this.config.MODEL_ID);
    const rows = new Map((await this.resumes.findByIds(hits.map((hit) => hit.id))).map((resume) => [resume.id, resume]));
    const scored = hits.flatMap((hit) => {
      const resume = rows.get(hit.id);
      return resume ? [{ resume, similarity: hit.similarity, match: this.scorer.score(job, scorableResume(resume), hit.similarity) }] : [];
    });
    const results = scored
      .sort(byScore)
      .slice(0, query.limit)
      .map((entry, index) => ({ rank: index + 1, similarity: roundSimilarity(entry.similarity), resume: toResumeDto(entry.resume), match: entry.match }));
    return { jobId, modelId: this.config.MODEL_ID, results };
  }

  private assertEmbedded(entity: 'job' | 'resume', row: Job | Resume): void {
    if (row.embeddingStatus !== 'READY' || row.embeddingModel !== this.config.MODEL_ID) {
      throw new EmbeddingNotReadyException(entity, row.id, row, this.config.MODEL_ID);
    }
  }
}
