import { Inject, Injectable } from '@nestjs/common';
import { jobEmbeddingText, type EmbeddableEntity } from '@jobmatch/contracts';
import { VectorStore, type PrismaClient } from '@jobmatch/db';
import { PRISMA } from '@jobmatch/nest-common';

export interface EmbeddableText {
  text: string;
  contentHash: string;
}

/** Reads the text to embed and writes results back; all DB access of the queue worker. */
@Injectable()
export class EmbeddableTextRepository {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly vectors: VectorStore,
  ) {}

  /** The exact text the producer hashed, with the row's current hash; null when the row is gone. */
  async load(entity: EmbeddableEntity, id: string): Promise<EmbeddableText | null> {
    if (entity === 'job') {
      const job = await this.prisma.job.findUnique({
        where: { id },
        select: { title: true, description: true, requirements: true, contentHash: true },
      });
      return job && { text: jobEmbeddingText(job), contentHash: job.contentHash };
    }
    const resume = await this.prisma.resume.findUnique({ where: { id }, select: { text: true, contentHash: true } });
    return resume && { text: resume.text, contentHash: resume.contentHash };
  }

  /** False when the row changed (or vanished) since it was loaded: the vector is stale. */
  writeEmbedding(entity: EmbeddableEntity, id: string, vector: Float32Array, modelId: string, contentHash: string): Promise<boolean> {
    return this.vectors.writeEmbedding(entity, id, vector, modelId, contentHash);
  }

  markFailed(entity: EmbeddableEntity, id: string, contentHash: string, reason: string): Promise<boolean> {
    return this.vectors.markEmbeddingFailed(entity, id, contentHash, reason);
  }
}
