import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { VectorStore, type JobFilters, type Neighbour, type ResumeFilters } from '@jobmatch/db';
import { ApiException } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from '../config';
import { QueryEmbeddingService } from '../embedder/query-embedding.service';
import { toJobDto } from '../jobs/dto/job.dto';
import { toResumeDto } from '../resumes/dto/resume.dto';
import type { SearchFiltersDto, SearchHitDto, SearchRequestDto, SearchResponseDto } from './dto/search.dto';

const JOB_FILTER_KEYS = ['location', 'company', 'seniority', 'employmentType', 'occupation'] as const;
const RESUME_FILTER_KEYS = ['skillsAny', 'occupation'] as const;

/** Best first, ranked from 1. */
function ranked<R extends Neighbour>(rows: R[], item: (row: R) => Pick<SearchHitDto, 'job' | 'resume'>): SearchHitDto[] {
  return rows.map((row, index) => ({ rank: index + 1, id: row.id, similarity: Math.round(row.similarity * 10_000) / 10_000, ...item(row) }));
}

@Injectable()
export class SearchService {
  constructor(
    private readonly queryEmbeddings: QueryEmbeddingService,
    private readonly vectors: VectorStore,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'HNSW_EF_SEARCH'>,
  ) {}

  async search(request: SearchRequestDto): Promise<SearchResponseDto> {
    // Filters are checked before the (costlier) embedding call.
    const filters = this.filtersFor(request.target, request.filters ?? {});
    // The stored vectors searched are those of the query vector's model (the searched model).
    const { vector, cached, modelId } = await this.queryEmbeddings.embedQuery(request.query);
    // The neighbours and their rows come from one statement.
    const results =
      request.target === 'jobs'
        ? ranked(await this.vectors.nearestWithRows('job', { vector }, 'row', this.nearestOptions(request, modelId, filters as JobFilters)), (job) => ({ job: toJobDto(job) }))
        : ranked(await this.vectors.nearestWithRows('resume', { vector }, 'row', this.nearestOptions(request, modelId, filters as ResumeFilters)), (resume) => ({ resume: toResumeDto(resume) }));
    return { target: request.target, modelId, cached, results };
  }

  /**
   * One literal, filters included: on Node 20's V8, `{ ...options, filters }` gives every result a
   * hidden class of its own in the old generation (the full GCs of BENCHMARKS.md).
   */
  private nearestOptions<F>(request: SearchRequestDto, modelId: string, filters: F) {
    return { modelId, limit: request.limit, efSearch: this.config.HNSW_EF_SEARCH, filters };
  }

  private filtersFor(target: SearchRequestDto['target'], filters: SearchFiltersDto): JobFilters | ResumeFilters {
    const allowed: readonly string[] = target === 'jobs' ? JOB_FILTER_KEYS : RESUME_FILTER_KEYS;
    const given = Object.entries(filters).filter(([, value]) => value !== undefined);
    const wrong = given.filter(([key]) => !allowed.includes(key)).map(([key]) => key);
    if (wrong.length > 0) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        `Filter(s) ${wrong.join(', ')} do not apply to target "${target}" (allowed: ${allowed.join(', ')}).`,
      );
    }
    return Object.fromEntries(given);
  }
}
