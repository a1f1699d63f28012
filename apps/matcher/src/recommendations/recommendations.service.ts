import { Inject, Injectable } from '@nestjs/common';
import { SearchedModel, VectorStore, type Candidate, type Job, type Resume } from '@jobmatch/db';
import { EmbeddingNotReadyException, NotFoundApiException } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from '../config';
import { MatchScorer, type MatchRanking, type ScorableJob } from '../matching/match-scorer';
import { scorableResume } from '../resumes/resume-profile';
import {
  toJobSummary,
  toResumeSummary,
  type CandidateQueryDto,
  type CandidatesDto,
  type JobRecommendationQueryDto,
  type JobRecommendationsDto,
} from './dto/recommendation.dto';

/** How many nearest neighbours are re-ranked by the match scorer for a page of `limit`. */
export function candidatePoolSize(limit: number): number {
  return Math.min(100, Math.max(20, limit * 3));
}

const roundSimilarity = (value: number) => Math.round(value * 10_000) / 10_000;

/** Best match first; equal scores keep the closer vector first. */
function topRanked<T extends { ranking: MatchRanking }>(scored: T[], limit: number): T[] {
  return scored.sort((a, b) => b.ranking.score - a.ranking.score || b.ranking.similarity - a.ranking.similarity).slice(0, limit);
}

/** A candidate job row as the scorer reads it (requirementText is the requirements, or the description when there are none). */
function scorableJob(row: Candidate<'job'>): ScorableJob {
  return {
    title: row.title,
    description: '',
    requirements: row.requirementText,
    location: row.location,
    seniority: row.seniority,
    skills: row.skills,
    requiredSkills: row.requiredSkills,
    niceToHaveSkills: row.niceToHaveSkills,
    occupationCode: row.occupationCode,
  };
}

/**
 * Recommendations from stored vectors only (no model call): nearest neighbours on the HNSW
 * index, then re-ranked by the explained match score.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly vectors: VectorStore,
    private readonly scorer: MatchScorer,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'HNSW_EF_SEARCH'>,
    private readonly searchedModel: SearchedModel,
  ) {}

  async jobsForResume(resumeId: string, query: JobRecommendationQueryDto): Promise<JobRecommendationsDto> {
    const filters = { location: query.location, company: query.company, seniority: query.seniority, employmentType: query.employmentType, occupation: query.occupation };
    const modelId = await this.searchedModel.modelId();
    const options = { modelId, limit: candidatePoolSize(query.limit), efSearch: this.config.HNSW_EF_SEARCH, filters };
    // The resume row and the search from its stored vector: one round trip.
    const { source: resume, candidates } = await this.vectors.nearestWithRows('job', { entity: 'resume', id: resumeId }, 'candidate', options);
    if (!resume) throw new NotFoundApiException('Resume', resumeId);
    assertEmbedded('resume', resume, candidates, modelId);
    const prepared = this.scorer.prepare(scorableResume(resume));
    const scored = candidates.map((row) => ({ row, ranking: this.scorer.rank(scorableJob(row), prepared, row.similarity) }));
    // Only the page shown gets an explanation (requirement-line overlap is the costly part).
    const results = topRanked(scored, query.limit).map(({ row, ranking }, index) => ({
      rank: index + 1,
      similarity: roundSimilarity(row.similarity),
      job: toJobSummary(row),
      match: this.scorer.explain(ranking),
    }));
    return { resumeId, modelId, results };
  }

  async candidatesForJob(jobId: string, query: CandidateQueryDto): Promise<CandidatesDto> {
    const modelId = await this.searchedModel.modelId();
    const options = { modelId, limit: candidatePoolSize(query.limit), efSearch: this.config.HNSW_EF_SEARCH, filters: { skillsAny: query.skills } };
    const { source: job, candidates } = await this.vectors.nearestWithRows('resume', { entity: 'job', id: jobId }, 'candidate', options);
    if (!job) throw new NotFoundApiException('Job', jobId);
    assertEmbedded('job', job, candidates, modelId);
    const prepared = this.scorer.prepareJob(job);
    const scored = candidates.map((row) => ({ row, ranking: this.scorer.rank(prepared, scorableResume(row), row.similarity) }));
    const results = topRanked(scored, query.limit).map(({ row, ranking }, index) => ({
      rank: index + 1,
      similarity: roundSimilarity(row.similarity),
      resume: toResumeSummary(row),
      match: this.scorer.explain(ranking),
    }));
    return { jobId, modelId, results };
  }
}

/**
 * The source row is embedded for its current content (READY: the active model's state) and has
 * a vector of the searched model (candidates not null). The model is not compared with the row's
 * embedding_model: right after a switch the rows already name the new model while this replica
 * may search the previous one for a few seconds (ACTIVE_MODEL_REFRESH_MS), whose vectors remain.
 */
function assertEmbedded<T>(entity: 'job' | 'resume', row: Job | Resume, candidates: T[] | null, modelId: string): asserts candidates is T[] {
  if (row.embeddingStatus !== 'READY' || candidates === null) throw new EmbeddingNotReadyException(entity, row, modelId);
}
