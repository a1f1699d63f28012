import { Injectable } from '@nestjs/common';
import { JobRepository, ResumeRepository, SearchedModel, VectorStore } from '@jobmatch/db';
import { EmbeddingNotReadyException, NotFoundApiException } from '@jobmatch/nest-common';
import { scorableResume } from '../resumes/resume-profile';
import type { CalculateMatchDto, MatchResultDto } from './dto/matching.dto';
import { MatchScorer } from './match-scorer';

@Injectable()
export class MatchingService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly resumes: ResumeRepository,
    private readonly vectors: VectorStore,
    private readonly scorer: MatchScorer,
    private readonly searchedModel: SearchedModel,
  ) {}

  async calculate({ jobId, resumeId }: CalculateMatchDto): Promise<MatchResultDto> {
    const [job, resume] = await Promise.all([this.jobs.findById(jobId), this.resumes.findById(resumeId)]);
    if (!job) throw new NotFoundApiException('Job', jobId);
    if (!resume) throw new NotFoundApiException('Resume', resumeId);
    const modelId = await this.searchedModel.modelId();
    if (job.embeddingStatus !== 'READY') throw new EmbeddingNotReadyException('job', job, modelId);
    if (resume.embeddingStatus !== 'READY') throw new EmbeddingNotReadyException('resume', resume, modelId);
    // Cosine in SQL, like search and recommendations (the vectors never travel to Node).
    const similarity = await this.vectors.storedSimilarity(jobId, resumeId, modelId);
    if (similarity === null) throw new EmbeddingNotReadyException('resume', resume, modelId);
    const breakdown = this.scorer.score(job, scorableResume(resume), similarity);
    return { jobId, resumeId, modelId, similarity: Math.round(similarity * 10_000) / 10_000, ...breakdown };
  }
}
