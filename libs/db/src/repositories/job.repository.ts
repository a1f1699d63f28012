import type { Job, Prisma, PrismaClient } from '../generated/prisma/client';
import type { JobFilters } from '../vector-store';

export interface JobWrite {
  title: string;
  company: string;
  location?: string | null;
  employmentType?: string | null;
  seniority?: string | null;
  description: string;
  requirements: string;
  skills: string[];
  requiredSkills: string[];
  niceToHaveSkills: string[];
  contentHash: string;
}

export interface Page {
  limit: number;
  offset: number;
}

function jobWhere(filters: JobFilters): Prisma.JobWhereInput {
  return {
    ...(filters.company ? { company: { equals: filters.company, mode: 'insensitive' } } : {}),
    ...(filters.location ? { location: { contains: filters.location, mode: 'insensitive' } } : {}),
    ...(filters.seniority ? { seniority: { equals: filters.seniority, mode: 'insensitive' } } : {}),
    ...(filters.employmentType ? { employmentType: { equals: filters.employmentType, mode: 'insensitive' } } : {}),
  };
}

/** Job rows (everything but the vector column, which only VectorStore touches). */
export class JobRepository {
  constructor(private readonly prisma: PrismaClient) {}

  create(data: JobWrite): Promise<Job> {
    return this.prisma.job.create({ data: { ...data, embeddingStatus: 'PENDING' } });
  }

  /**
   * Updates fields; when the embedded text changed (new content hash) the old vector is stale,
   * so the row goes back to PENDING until the queue re-embeds it.
   */
  async update(id: string, data: Partial<JobWrite>, contentChanged: boolean): Promise<Job | null> {
    const embeddingReset = contentChanged ? { embeddingStatus: 'PENDING' as const, embeddingError: null } : {};
    try {
      return await this.prisma.job.update({ where: { id }, data: { ...data, ...embeddingReset } });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2025') return null;
      throw error;
    }
  }

  findById(id: string): Promise<Job | null> {
    return this.prisma.job.findUnique({ where: { id } });
  }

  /** Rows for the given ids, in the order of `ids` (missing ids are skipped). */
  async findByIds(ids: string[]): Promise<Job[]> {
    if (ids.length === 0) return [];
    const rows = await this.prisma.job.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async list(filters: JobFilters, page: Page): Promise<{ items: Job[]; total: number }> {
    const where = jobWhere(filters);
    const [items, total] = await this.prisma.$transaction([
      this.prisma.job.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: page.limit, skip: page.offset }),
      this.prisma.job.count({ where }),
    ]);
    return { items, total };
  }

  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.job.deleteMany({ where: { id } });
    return count > 0;
  }
}
