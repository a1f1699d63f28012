import { HttpStatus, Injectable } from '@nestjs/common';
import { jobEmbeddingText, sha256Hex } from '@jobmatch/contracts';
import { JobRepository, SearchedModel, type Job, type JobWrite, type UpsertOutcome } from '@jobmatch/db';
import { ApiException, NotFoundApiException } from '@jobmatch/nest-common';
import { EmbeddingQueueProducer } from '../queue/embedding-queue.producer';
import { SkillsProvider } from '../skills/skills.provider';
import { toJobDto, type CreateJobDto, type JobDto, type JobListQueryDto, type JobPageDto, type UpdateJobDto } from './dto/job.dto';

const emptyToNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);
const toDate = (value: string | null | undefined) => (value ? new Date(value) : null);

/** A job written by POST /jobs: created (201), or an existing externalId replaced (200). */
export interface JobWriteResult {
  job: JobDto;
  created: boolean;
}

/** What a batch upsert did to each job (input order), and whether their embeddings were queued. */
export interface JobBatchResult {
  outcomes: { job: Job; outcome: UpsertOutcome }[];
  /** Jobs sent to the queue (new or changed text); false = Redis unreachable, the sweeper retries. */
  enqueued: number;
  queued: boolean;
}

/** A job input that upserts: one with an external id. */
export type ExternalJobInput = CreateJobDto & { externalId: string };

@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly queue: EmbeddingQueueProducer,
    private readonly skills: SkillsProvider,
    private readonly searchedModel: SearchedModel,
  ) {}

  async create(tenantId: string, input: CreateJobDto): Promise<JobWriteResult> {
    if (input.externalId) {
      const { outcomes, queued } = await this.upsertMany(tenantId, [input as ExternalJobInput]);
      const { job, outcome } = outcomes[0]!;
      return { job: toJobDto(job, outcome === 'unchanged' ? false : queued), created: outcome === 'created' };
    }
    const job = await this.jobs.create(tenantId, this.toWrite(input));
    return { job: toJobDto(job, await this.enqueue([job])), created: true };
  }

  /**
   * Creates or replaces jobs by external id: one statement for the rows, one queue call for the
   * embeddings of new or changed text (POST /jobs with an externalId, and `cli import jobs`).
   * External ids must be unique within one call.
   */
  async upsertMany(tenantId: string, inputs: ExternalJobInput[]): Promise<JobBatchResult> {
    const outcomes = (await this.jobs.upsertByExternalId(tenantId, inputs.map((input) => ({ ...this.toWrite(input), externalId: input.externalId })))).map(
      ({ row, outcome }) => ({ job: row, outcome }),
    );
    const pending = outcomes.filter(({ job, outcome }) => outcome !== 'unchanged' && job.embeddingStatus === 'PENDING').map(({ job }) => job);
    const queued = pending.length === 0 || (await this.enqueue(pending));
    return { outcomes, enqueued: queued ? pending.length : 0, queued };
  }

  async update(tenantId: string, id: string, input: UpdateJobDto): Promise<JobDto> {
    const current = await this.jobs.findById(tenantId, id);
    if (!current) throw new NotFoundApiException('Job', id);
    const text = {
      title: input.title ?? current.title,
      description: input.description ?? current.description,
      requirements: input.requirements ?? current.requirements,
    };
    const contentChanged = sha256Hex(jobEmbeddingText(text)) !== current.contentHash;
    const data: Partial<JobWrite> = {
      ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
      ...(input.company !== undefined ? { company: input.company } : {}),
      ...(input.location !== undefined ? { location: emptyToNull(input.location) } : {}),
      ...(input.employmentType !== undefined ? { employmentType: input.employmentType } : {}),
      ...(input.seniority !== undefined ? { seniority: input.seniority } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.expiresAt !== undefined ? { expiresAt: toDate(input.expiresAt) } : {}),
      // Only a change of the embedded text re-extracts skills and re-embeds.
      ...(contentChanged ? { ...text, ...this.derived(text) } : {}),
    };
    const job = await this.externalIdUnique(input.externalId, () => this.jobs.update(tenantId, id, data, contentChanged));
    if (!job) throw new NotFoundApiException('Job', id);
    // Unchanged text is not re-enqueued, unless an earlier enqueue never reached the queue.
    const queued = contentChanged || job.embeddingStatus === 'PENDING' ? await this.enqueue([job]) : false;
    return toJobDto(job, queued);
  }

  async get(tenantId: string, id: string): Promise<JobDto> {
    const job = await this.jobs.findById(tenantId, id);
    if (!job) throw new NotFoundApiException('Job', id);
    return toJobDto(job);
  }

  async list(tenantId: string, query: JobListQueryDto): Promise<JobPageDto> {
    const filters = {
      location: query.location,
      company: query.company,
      seniority: query.seniority,
      employmentType: query.employmentType,
      occupation: query.occupation,
      includeClosed: query.includeClosed,
    };
    const { items, total } = await this.jobs.list(tenantId, filters, { limit: query.limit, offset: query.offset });
    return { items: items.map((job) => toJobDto(job)), total, limit: query.limit, offset: query.offset };
  }

  async delete(tenantId: string, id: string): Promise<void> {
    if (!(await this.jobs.delete(tenantId, id))) throw new NotFoundApiException('Job', id);
  }

  /** The row a create or upsert writes: the input, cleaned, and what is derived from its text. */
  private toWrite(input: CreateJobDto): JobWrite {
    const text = { title: input.title, description: input.description, requirements: input.requirements ?? '' };
    return {
      externalId: input.externalId ?? null,
      status: input.status ?? 'open',
      expiresAt: toDate(input.expiresAt),
      company: input.company,
      location: emptyToNull(input.location),
      employmentType: input.employmentType ?? null,
      seniority: input.seniority ?? null,
      ...text,
      ...this.derived(text),
    };
  }

  private derived(text: { title: string; description: string; requirements: string }) {
    const embedded = jobEmbeddingText(text);
    const skills = this.skills.extractJobSkills(embedded);
    const occupation = this.skills.occupationOf(text.title, skills.all);
    return {
      contentHash: sha256Hex(embedded),
      skills: skills.all,
      requiredSkills: skills.required,
      niceToHaveSkills: skills.niceToHave,
      occupationCode: occupation?.code ?? null,
      occupationTitle: occupation?.title ?? null,
    };
  }

  /** A PATCH that gives a job the externalId of another: 409, not a database error. */
  private async externalIdUnique<T>(externalId: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (externalId !== undefined && (error as { code?: string }).code === '23505') {
        throw new ApiException(HttpStatus.CONFLICT, 'EXTERNAL_ID_TAKEN', `Another job already has externalId ${externalId}.`, { externalId });
      }
      throw error;
    }
  }

  /** For the searched (active) model; a model being built picks the rows up by itself (embedder ModelBuilder). */
  private async enqueue(jobs: Job[]): Promise<boolean> {
    const modelId = await this.searchedModel.modelId();
    return this.queue.tryEnqueue(jobs.map((job) => ({ entity: 'job' as const, id: job.id, contentHash: job.contentHash, modelId })));
  }
}
