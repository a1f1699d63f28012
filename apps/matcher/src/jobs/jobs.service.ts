import { Injectable } from '@nestjs/common';
import { jobEmbeddingText, sha256Hex } from '@jobmatch/contracts';
import { JobRepository, SearchedModel, type Job, type JobWrite } from '@jobmatch/db';
import { NotFoundApiException } from '@jobmatch/nest-common';
import { EmbeddingQueueProducer } from '../queue/embedding-queue.producer';
import { SkillsProvider } from '../skills/skills.provider';
import { toJobDto, type CreateJobDto, type JobDto, type JobListQueryDto, type JobPageDto, type UpdateJobDto } from './dto/job.dto';

const emptyToNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly queue: EmbeddingQueueProducer,
    private readonly skills: SkillsProvider,
    private readonly searchedModel: SearchedModel,
  ) {}

  async create(input: CreateJobDto): Promise<JobDto> {
    const text = { title: input.title, description: input.description, requirements: input.requirements ?? '' };
    const job = await this.jobs.create({
      company: input.company,
      location: emptyToNull(input.location),
      employmentType: input.employmentType ?? null,
      seniority: input.seniority ?? null,
      ...text,
      ...this.derived(text),
    });
    return toJobDto(job, await this.enqueue(job));
  }

  async update(id: string, input: UpdateJobDto): Promise<JobDto> {
    const current = await this.jobs.findById(id);
    if (!current) throw new NotFoundApiException('Job', id);
    const text = {
      title: input.title ?? current.title,
      description: input.description ?? current.description,
      requirements: input.requirements ?? current.requirements,
    };
    const contentChanged = sha256Hex(jobEmbeddingText(text)) !== current.contentHash;
    const data: Partial<JobWrite> = {
      ...(input.company !== undefined ? { company: input.company } : {}),
      ...(input.location !== undefined ? { location: emptyToNull(input.location) } : {}),
      ...(input.employmentType !== undefined ? { employmentType: input.employmentType } : {}),
      ...(input.seniority !== undefined ? { seniority: input.seniority } : {}),
      // Only a change of the embedded text re-extracts skills and re-embeds.
      ...(contentChanged ? { ...text, ...this.derived(text) } : {}),
    };
    const job = await this.jobs.update(id, data, contentChanged);
    if (!job) throw new NotFoundApiException('Job', id);
    // Unchanged text is not re-enqueued, unless an earlier enqueue never reached the queue.
    const queued = contentChanged || job.embeddingStatus === 'PENDING' ? await this.enqueue(job) : false;
    return toJobDto(job, queued);
  }

  async get(id: string): Promise<JobDto> {
    const job = await this.jobs.findById(id);
    if (!job) throw new NotFoundApiException('Job', id);
    return toJobDto(job);
  }

  async list(query: JobListQueryDto): Promise<JobPageDto> {
    const filters = { location: query.location, company: query.company, seniority: query.seniority, employmentType: query.employmentType, occupation: query.occupation };
    const { items, total } = await this.jobs.list(filters, { limit: query.limit, offset: query.offset });
    return { items: items.map((job) => toJobDto(job)), total, limit: query.limit, offset: query.offset };
  }

  async delete(id: string): Promise<void> {
    if (!(await this.jobs.delete(id))) throw new NotFoundApiException('Job', id);
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

  /** For the searched (active) model; a model being built picks the row up by itself (embedder ModelBuilder). */
  private async enqueue(job: Job): Promise<boolean> {
    return this.queue.tryEnqueue([{ entity: 'job', id: job.id, contentHash: job.contentHash, modelId: await this.searchedModel.modelId() }]);
  }
}
