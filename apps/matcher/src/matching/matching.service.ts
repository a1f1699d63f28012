import { Inject, Injectable } from '@nestjs/common';
import { JobRepository, ResumeRepository, toSimilarity, VectorStore } from '@jobmatch/db';
import { EmbeddingNotReadyException, NotFoundApiException } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from '../config';
import { scorableResume } from '../resumes/resume-profile';
import type { CalculateMatchDto, MatchResultDto } from './dto/matching.dto';
import { MatchScorer } from './match-scorer';

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

@Injectable()
export class MatchingService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly resumes: ResumeRepository,
    private readonly vectors: VectorStore,
    private readonly scorer: MatchScorer,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'MODEL_ID'>,
  ) {}

  async calculate({ jobId, resumeId }: CalculateMatchDto): Promise<MatchResultDto> {
    const [job, resume] = await Promise.all([this.jobs.findById(jobId), this.resumes.findById(resumeId)]);
    if (!job) throw new NotFoundApiException('Job', jobId);
    if (!resume) throw new NotFoundApiException('Resume', resumeId);
    const [jobVector, resumeVector] = await Promise.all([this.vectors.readEmbedding('job', jobId), this.vectors.readEmbedding('resume', resumeId)]);
    const modelId = this.config.MODEL_ID;
    if (job.embeddingStatus !== 'READY' || jobVector?.modelId !== modelId) throw new EmbeddingNotReadyException('job', job, modelId);
    if (resume.embeddingStatus !== 'READY' || resumeVector?.modelId !== modelId) {
      throw new EmbeddingNotReadyException('resume', resume, modelId);
    }
    const similarity = toSimilarity(1 - cosine(jobVector.vector, resumeVector.vector));
    const breakdown = this.scorer.score(job, scorableResume(resume), similarity);
    return { jobId, resumeId, modelId, similarity: Math.round(similarity * 10_000) / 10_000, ...breakdown };
  }
}
