import { Inject, Injectable } from '@nestjs/common';
import type { EmbeddableEntity } from '@jobmatch/contracts';
import type { PrismaClient } from '@jobmatch/db';
import { PRISMA } from '@jobmatch/nest-common';

export interface PendingEmbedding {
  entity: EmbeddableEntity;
  id: string;
  contentHash: string;
}

/** Rows still waiting for an embedding: the input of the re-enqueue sweep. */
@Injectable()
export class PendingEmbeddingsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async findStale(olderThan: Date, limit: number): Promise<PendingEmbedding[]> {
    const where = { embeddingStatus: 'PENDING' as const, updatedAt: { lt: olderThan } };
    const select = { id: true, contentHash: true };
    const [jobs, resumes] = await Promise.all([
      this.prisma.job.findMany({ where, select, orderBy: { updatedAt: 'asc' }, take: limit }),
      this.prisma.resume.findMany({ where, select, orderBy: { updatedAt: 'asc' }, take: limit }),
    ]);
    return [
      ...jobs.map((row) => ({ entity: 'job' as const, ...row })),
      ...resumes.map((row) => ({ entity: 'resume' as const, ...row })),
    ];
  }
}
