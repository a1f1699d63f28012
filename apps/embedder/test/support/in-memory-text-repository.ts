import type { EmbeddableEntity } from '@jobmatch/contracts';
import type { EmbeddableText, EmbeddableTextRepository } from '@jobmatch/db';

interface Row extends EmbeddableText {
  vector?: Float32Array;
  modelId?: string;
  status: 'PENDING' | 'READY' | 'FAILED';
  error?: string;
}

/** Our own repository, replaced in unit tests by a map with the same compare-and-write rules. */
export class InMemoryTextRepository implements Pick<
  EmbeddableTextRepository,
  'load' | 'writeEmbedding' | 'markFailed'
> {
  readonly rows = new Map<string, Row>();
  /** Runs between load and write, to simulate a concurrent edit. */
  beforeWrite?: (entity: EmbeddableEntity, id: string) => void;

  put(entity: EmbeddableEntity, id: string, text: string, contentHash: string): void {
    this.rows.set(`${entity}:${id}`, { text, contentHash, status: 'PENDING' });
  }

  row(entity: EmbeddableEntity, id: string): Row | undefined {
    return this.rows.get(`${entity}:${id}`);
  }

  async load(entity: EmbeddableEntity, id: string): Promise<EmbeddableText | null> {
    const row = this.row(entity, id);
    return row ? { text: row.text, contentHash: row.contentHash } : null;
  }

  async writeEmbedding(
    entity: EmbeddableEntity,
    id: string,
    vector: Float32Array,
    modelId: string,
    contentHash: string,
  ): Promise<boolean> {
    this.beforeWrite?.(entity, id);
    const row = this.row(entity, id);
    if (!row || row.contentHash !== contentHash) return false;
    Object.assign(row, { vector, modelId, status: 'READY', error: undefined });
    return true;
  }

  async markFailed(entity: EmbeddableEntity, id: string, contentHash: string, reason: string, _modelId: string): Promise<boolean> {
    const row = this.row(entity, id);
    if (!row || row.contentHash !== contentHash || row.status === 'READY') return false;
    Object.assign(row, { status: 'FAILED', error: reason });
    return true;
  }
}
