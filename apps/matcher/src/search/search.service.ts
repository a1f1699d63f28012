import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JobRepository, ResumeRepository, VectorStore, type JobFilters, type Neighbour, type ResumeFilters } from '@jobmatch/db';
import { ApiException } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from '../config';
import { QueryEmbeddingService } from '../embedder/query-embedding.service';
import { toJobDto } from '../jobs/jobs.service';
import { toResumeDto } from '../resumes/resumes.service';
import type { SearchFiltersDto, SearchHitDto, SearchRequestDto, SearchResponseDto } from './dto/search.dto';

const JOB_FILTER_KEYS = ['location', 'company', 'seniority', 'employmentType', 'occupation'] as const;
const RESUME_FILTER_KEYS = ['skillsAny', 'occupation'] as const;

@Injectable()
export class SearchService {
  constructor(
    private readonly queryEmbeddings: QueryEmbeddingService,
    private readonly vectors: VectorStore,
    private readonly jobs: JobRepository,
    private readonly resumes: ResumeRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'MODEL_ID' | 'HNSW_EF_SEARCH'>,
  ) {}

  async search(request: SearchRequestDto): Promise<SearchResponseDto> {
    // Filters are checked before the (costlier) embedding call.
    const filters = this.filtersFor(request.target, request.filters ?? {});
    const { vector, cached } = await this.queryEmbeddings.embedQuery(request.query);
    let results: SearchHitDto[];
    if (request.target === 'jobs') {
      const hits = await this.vectors.nearest('job', vector, this.nearestOptions(request, filters as JobFilters));
      const rows = new Map((await this.jobs.findByIds(hits.map((hit) => hit.id))).map((job) => [job.id, job]));
      results = this.ranked(hits, (id) => {
        const job = rows.get(id);
        return job ? { job: toJobDto(job) } : null;
      });
    } else {
      const hits = await this.vectors.nearest('resume', vector, this.nearestOptions(request, filters as ResumeFilters));
      const rows = new Map((await this.resumes.findByIds(hits.map((hit) => hit.id))).map((resume) => [resume.id, resume]));
      results = this.ranked(hits, (id) => {
        const resume = rows.get(id);
        return resume ? { resume: toResumeDto(resume) } : null;
      });
    }
    return { target: request.target, modelId: this.config.MODEL_ID, cached, results };
  }

  /** Rows deleted between the vector query and the row fetch are dropped; ranks stay contiguous. */
  private ranked(hits: Neighbour[], item: (id: string) => Pick<SearchHitDto, 'job' | 'resume'> | null): SearchHitDto[] {
    const out: SearchHitDto[] = [];
    for (const hit of hits) {
      const found = item(hit.id);
      if (found) out.push({ rank: out.length + 1, id: hit.id, similarity: Math.round(hit.similarity * 10_000) / 10_000, ...found });
    }
    return out;
  }

  /**
   * One literal, filters included: on Node 20's V8, `{ ...options, filters }` gives every result a
   * hidden class of its own in the old generation (the full GCs of BENCHMARKS.md).
   */
  private nearestOptions<F>(request: SearchRequestDto, filters: F) {
    return { modelId: this.config.MODEL_ID, limit: request.limit, efSearch: this.config.HNSW_EF_SEARCH, filters };
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
