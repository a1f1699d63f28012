import type { Pool } from 'pg';
import type { EmbeddableEntity } from '@jobmatch/contracts';
import { VectorStore, type VectorCoverage } from './vector-store';

/**
 * The embedding-model registry (embedding_models) and the model switch of issue #13:
 *   register(next) → its vectors are built in the background (embedder with EMBEDDER_NEXT_MODEL_ID,
 *   enqueued from rowsWithoutCurrentVector) while searches keep using the active model →
 *   status() shows the coverage → activate(next) flips the searched model in one transaction once
 *   coverage is complete (or when forced) → drop(previous) deletes the old vectors and indexes.
 * Vector SQL (indexes, coverage, deletes) stays in VectorStore; this class owns the registry rows.
 */

export type EmbeddingModelState = 'building' | 'active' | 'retired';

export interface RegisteredModel {
  modelId: string;
  dimension: number;
  state: EmbeddingModelState;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
  /** When a retired model's vectors and indexes were dropped (null while they are kept). */
  droppedAt: Date | null;
}

export interface ModelStatus extends RegisteredModel {
  coverage: Record<EmbeddableEntity, VectorCoverage>;
  /** Every job and resume has a vector of this model computed from its current content. */
  complete: boolean;
}

/** An operator's request the registry refuses (unknown model, wrong dimension, incomplete coverage…). */
export class ModelRegistryError extends Error {
  constructor(
    message: string,
    readonly code: 'UNKNOWN_MODEL' | 'DIMENSION_MISMATCH' | 'COVERAGE_INCOMPLETE' | 'MODEL_ACTIVE' | 'MODEL_DROPPED',
  ) {
    super(message);
  }
}

const MODEL_COLUMNS = `model_id AS "modelId", dimension, state, created_at AS "createdAt", activated_at AS "activatedAt",
  retired_at AS "retiredAt", dropped_at AS "droppedAt"`;

function isComplete(coverage: Record<EmbeddableEntity, VectorCoverage>): boolean {
  return Object.values(coverage).every((entity) => entity.current === entity.rows);
}

export class ModelRegistry {
  private readonly vectors: VectorStore;

  constructor(
    private readonly pool: Pool,
    vectors?: VectorStore,
  ) {
    this.vectors = vectors ?? new VectorStore(pool);
  }

  async list(): Promise<RegisteredModel[]> {
    const { rows } = await this.pool.query<RegisteredModel>(`SELECT ${MODEL_COLUMNS} FROM embedding_models ORDER BY model_key`);
    return rows;
  }

  async find(modelId: string): Promise<RegisteredModel | null> {
    const { rows } = await this.pool.query<RegisteredModel>(`SELECT ${MODEL_COLUMNS} FROM embedding_models WHERE model_id = $1`, [modelId]);
    return rows[0] ?? null;
  }

  /** The model searches use; null only before any model was registered. */
  async activeModelId(): Promise<string | null> {
    const { rows } = await this.pool.query<{ modelId: string }>(`SELECT model_id AS "modelId" FROM embedding_models WHERE state = 'active'`);
    return rows[0]?.modelId ?? null;
  }

  /**
   * Registers a model (idempotent): a new model is `building` — or `active` when no model is active
   * yet (a fresh install) — and a dropped one is registered again as `building`. Its HNSW indexes
   * are created CONCURRENTLY before this returns. A model id names one dimension for good.
   */
  async register(modelId: string, dimension: number): Promise<RegisteredModel> {
    if (!Number.isInteger(dimension) || dimension < 1 || dimension > 4000) {
      throw new ModelRegistryError(`Dimension must be an integer between 1 and 4000, got ${dimension}`, 'DIMENSION_MISMATCH');
    }
    const existing = await this.find(modelId);
    if (existing && existing.dimension !== dimension) {
      throw new ModelRegistryError(`Model ${modelId} is registered with ${existing.dimension} dimensions, not ${dimension}`, 'DIMENSION_MISMATCH');
    }
    if (!existing) {
      // The partial unique index allows one active model: a concurrent first registration becomes building.
      const inserted = await this.pool.query(
        `INSERT INTO embedding_models (model_id, dimension, state, activated_at)
         SELECT $1, $2, s.state, CASE WHEN s.state = 'active' THEN now() END
           FROM (SELECT (CASE WHEN EXISTS (SELECT 1 FROM embedding_models WHERE state = 'active') THEN 'building' ELSE 'active' END)::embedding_model_state AS state) s
         ON CONFLICT DO NOTHING`,
        [modelId, dimension],
      );
      if (!inserted.rowCount) {
        await this.pool.query(`INSERT INTO embedding_models (model_id, dimension) VALUES ($1, $2) ON CONFLICT (model_id) DO NOTHING`, [modelId, dimension]);
        const raced = await this.find(modelId);
        if (raced && raced.dimension !== dimension) {
          throw new ModelRegistryError(`Model ${modelId} is registered with ${raced.dimension} dimensions, not ${dimension}`, 'DIMENSION_MISMATCH');
        }
      }
    } else if (existing.droppedAt) {
      await this.pool.query(
        `UPDATE embedding_models SET state = 'building', dropped_at = NULL, retired_at = NULL WHERE model_id = $1 AND dropped_at IS NOT NULL`,
        [modelId],
      );
    }
    await this.vectors.createModelIndexes(modelId);
    return (await this.find(modelId))!;
  }

  /** Every registered model with its coverage (rows with a vector of their current content). */
  async status(): Promise<ModelStatus[]> {
    const models = await this.list();
    return Promise.all(
      models.map(async (model) => {
        const coverage = await this.vectors.coverage(model.modelId);
        return { ...model, coverage, complete: isComplete(coverage) };
      }),
    );
  }

  /**
   * Makes `modelId` the searched model. Refused while its coverage is incomplete unless `force`
   * (rows without a vector of it then report PENDING and are embedded by the sweeper). In one
   * transaction: the active model becomes retired (its vectors stay until drop, so activating it
   * again is instant), this one active, and every row's embedding state is recomputed for it.
   * Searches that started before the commit finish on the old model; later ones use the new one.
   */
  async activate(modelId: string, options: { force?: boolean } = {}): Promise<ModelStatus> {
    const model = await this.find(modelId);
    if (!model) throw new ModelRegistryError(`Model ${modelId} is not registered`, 'UNKNOWN_MODEL');
    if (model.droppedAt) throw new ModelRegistryError(`Model ${modelId} was dropped; register it again first`, 'MODEL_DROPPED');
    if (model.state !== 'active') {
      const coverage = await this.vectors.coverage(modelId);
      if (!options.force && !isComplete(coverage)) {
        const gaps = Object.entries(coverage).map(([entity, c]) => `${entity}s ${c.current}/${c.rows}`).join(', ');
        throw new ModelRegistryError(`Model ${modelId} covers ${gaps}; wait for the build or force the switch`, 'COVERAGE_INCOMPLETE');
      }
      await this.vectors.createModelIndexes(modelId);
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`UPDATE embedding_models SET state = 'retired', retired_at = now() WHERE state = 'active'`);
        await client.query(`UPDATE embedding_models SET state = 'active', activated_at = now(), retired_at = NULL WHERE model_id = $1`, [modelId]);
        await this.vectors.recomputeRowStates(client, modelId);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
    return (await this.status()).find((entry) => entry.modelId === modelId)!;
  }

  /**
   * Deletes a non-active model's vectors and HNSW indexes; the registry row stays (retired, with
   * dropped_at) so its key is never reused. Dropping the active model is refused.
   */
  async drop(modelId: string): Promise<{ modelId: string; deleted: Record<EmbeddableEntity, number> }> {
    const model = await this.find(modelId);
    if (!model) throw new ModelRegistryError(`Model ${modelId} is not registered`, 'UNKNOWN_MODEL');
    if (model.state === 'active') throw new ModelRegistryError(`Model ${modelId} is active; activate another model before dropping it`, 'MODEL_ACTIVE');
    // Retired first: a worker still building it stops counting, and no activation can pick it meanwhile.
    const { rowCount } = await this.pool.query(
      `UPDATE embedding_models SET state = 'retired', retired_at = COALESCE(retired_at, now()), dropped_at = now() WHERE model_id = $1 AND state <> 'active'`,
      [modelId],
    );
    if (!rowCount) throw new ModelRegistryError(`Model ${modelId} became active meanwhile; not dropped`, 'MODEL_ACTIVE');
    const deleted = await this.vectors.dropModelVectors(modelId);
    return { modelId, deleted };
  }
}
