import type { Prisma, PrismaClient, Resume } from '../generated/prisma/client';
import type { Page } from './job.repository';

export interface ResumeWrite {
  fileName?: string | null;
  mimeType?: string | null;
  text: string;
  skills: string[];
  profile: Prisma.InputJsonValue;
  contentHash: string;
}

/** Resume rows (everything but the vector column, which only VectorStore touches). */
export class ResumeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  create(data: ResumeWrite): Promise<Resume> {
    return this.prisma.resume.create({ data: { ...data, embeddingStatus: 'PENDING' } });
  }

  async update(id: string, data: Partial<ResumeWrite>, contentChanged: boolean): Promise<Resume | null> {
    const embeddingReset = contentChanged ? { embeddingStatus: 'PENDING' as const, embeddingError: null } : {};
    try {
      return await this.prisma.resume.update({ where: { id }, data: { ...data, ...embeddingReset } });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2025') return null;
      throw error;
    }
  }

  findById(id: string): Promise<Resume | null> {
    return this.prisma.resume.findUnique({ where: { id } });
  }

  async findByIds(ids: string[]): Promise<Resume[]> {
    if (ids.length === 0) return [];
    const rows = await this.prisma.resume.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async list(page: Page): Promise<{ items: Resume[]; total: number }> {
    const [items, total] = await this.prisma.$transaction([
      this.prisma.resume.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: page.limit, skip: page.offset }),
      this.prisma.resume.count(),
    ]);
    return { items, total };
  }

  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.resume.deleteMany({ where: { id } });
    return count > 0;
  }
}
