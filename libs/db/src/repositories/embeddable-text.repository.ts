import type { Pool } from 'pg';
import { jobEmbeddingText, resumeEmbeddingText, type EmbeddableEntity } from '@jobmatch/contracts';
import type { VectorStore } from '../vector-store';

export interface EmbeddableText {
  text: string;
  contentHash: string;
}

/** The queue worker's reads and writes: the text to embed, then the vector (or the failure) back. */
export class EmbeddableTextRepository {
  constructor(
    private readonly pool: Pool,
    private readonly vectors: VectorStore,
  ) {}

  /** The exact text the producer hashed, with the row's current hash; null when the row is gone. */
  async load(entity: EmbeddableEntity, id: string): Promise<EmbeddableText | null> {
    if (entity === 'job') {
      const { rows } = await this.pool.query<{ title: string; description: string; requirements: string; content_hash: string }>(
        'SELECT title, description, requirements, content_hash FROM jobs WHERE id = $1',
        [id],
      );
      const job = rows[0];
      return job ? { text: jobEmbeddingText(job), contentHash: job.content_hash } : null;
    }
    const { rows } = await this.pool.query<{ text: string; content_hash: string }>('SELECT text, content_hash FROM resumes WHERE id = $1', [id]);
    const resume = rows[0];
    return resume ? { text: resumeEmbeddingText(resume.text), contentHash: resume.content_hash } : null;
  }

  /** False when the row changed (or vanished) since it was loaded: the vector is stale. */
  writeEmbedding(entity: EmbeddableEntity, id: string, vector: Float32Array, modelId: string, contentHash: string): Promise<boolean> {
    return this.vectors.writeEmbedding(entity, id, vector, modelId, contentHash);
  }

  markFailed(entity: EmbeddableEntity, id: string, contentHash: string, reason: string, modelId: string): Promise<boolean> {
    return this.vectors.markEmbeddingFailed(entity, id, contentHash, reason, modelId);
  }
}
