import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { EMBEDDING_JOB_OPTIONS, EMBEDDING_QUEUE, embeddingJobId, JOB_NAME_BY_ENTITY, type EmbeddableEntity, type EmbedEntityPayload } from '@jobmatch/contracts';
import { ModelRegistry, ModelRegistryError, VectorStore } from '@jobmatch/db';
import { APP_CONFIG, type AppConfig } from '../config';
import { EmbeddingService } from '../embedding/embedding.service';

/** Build jobs queue behind every job without a priority (writes of the searched model go first). */
export const MODEL_BUILD_PRIORITY = 10;
const TICK_MS = 1_000;
const IDLE_TICKS = 10;
const ENTITIES: EmbeddableEntity[] = ['job', 'resume'];

/**
 * The embedder's part of a model switch (README "Switching the embedding model"):
 * - at start-up it registers every model it serves in embedding_models (idempotent; the first
 *   model of a fresh database becomes the active one, a new one is `building` and gets its HNSW
 *   indexes CONCURRENTLY);
 * - with NEXT_MODEL_ID set, while that model is `building`, it keeps the queue topped up with the
 *   rows that have no current vector of it (keyset pages of MODEL_BUILD_BATCH, enqueued with a lower
 *   priority than ordinary work, idempotent job ids), pass after pass, so rows written during the
 *   build are covered too. Searches keep using the active model meanwhile; the operator activates
 *   the new one once `model status` shows full coverage.
 * Several embedder processes may run this at once: the job ids make their enqueues idempotent.
 */
@Injectable()
export class ModelBuilder implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ModelBuilder.name);
  private timer?: NodeJS.Timeout;
  private running = false;
  private registered = false;
  private connection?: Redis;
  private queue?: Queue;
  /** Keyset cursor of the current pass, per entity (undefined: from the start). */
  private cursor: Partial<Record<EmbeddableEntity, string>> = {};
  private entityIndex = 0;
  private enqueuedThisPass = 0;
  private idleTicks = 0;
  private announcedComplete = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly embeddings: EmbeddingService,
    private readonly registry: ModelRegistry,
    private readonly vectors: VectorStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.registerModels();
    } catch (error) {
      // A model id registered with another dimension is a configuration error: refuse to start.
      if (error instanceof ModelRegistryError) throw error;
      this.logger.warn(`Could not register the models yet (retrying): ${(error as Error).message}`);
    }
    if (!this.embeddings.nextModelId && this.registered) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.queue?.close().catch(() => undefined);
    await this.connection?.quit().catch(() => undefined);
  }

  private async registerModels(): Promise<void> {
    for (const { modelId, dimension } of this.embeddings.models()) {
      const model = await this.registry.register(modelId, dimension);
      this.logger.log(`Model ${modelId} (${dimension}-d) is ${model.state} in embedding_models`);
    }
    this.registered = true;
  }

  /** One step: a page of rows enqueued at most; never two at once. */
  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      if (!this.registered) await this.registerModels();
      const next = this.embeddings.nextModelId;
      if (!next) return 0;
      if (this.idleTicks > 0) {
        this.idleTicks--;
        return 0;
      }
      const model = await this.registry.find(next);
      if (model?.state !== 'building') {
        if (model?.state === 'active' && !this.announcedComplete) {
          this.logger.log(`${next} is the active model now: restart the embedder with MODEL_ID=${next} and without NEXT_MODEL_ID`);
          this.announcedComplete = true;
        }
        this.idleTicks = IDLE_TICKS;
        return 0;
      }
      const queue = this.buildQueue();
      const counts = await queue.getJobCounts('waiting', 'prioritized');
      if ((counts.waiting ?? 0) + (counts.prioritized ?? 0) >= this.config.MODEL_BUILD_BATCH) return 0;
      return await this.enqueuePage(queue, next);
    } catch (error) {
      this.logger.warn(`Model build step failed (retrying): ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }

  private async enqueuePage(queue: Queue, modelId: string): Promise<number> {
    const entity = ENTITIES[this.entityIndex]!;
    const rows = await this.vectors.rowsWithoutCurrentVector(entity, modelId, this.config.MODEL_BUILD_BATCH, this.cursor[entity]);
    if (rows.length === 0) {
      this.cursor[entity] = undefined;
      this.entityIndex = (this.entityIndex + 1) % ENTITIES.length;
      if (this.entityIndex === 0) {
        // A whole pass over both tables: wait a little before the next one (rows written meanwhile).
        if (this.enqueuedThisPass === 0 && !this.announcedComplete) {
          this.logger.log(`Every row is enqueued or embedded for ${modelId}; check \`pnpm cli model status\`, then activate it`);
          this.announcedComplete = true;
        }
        this.enqueuedThisPass = 0;
        this.idleTicks = IDLE_TICKS;
      }
      return 0;
    }
    this.cursor[entity] = rows.at(-1)!.id;
    const payloads: EmbedEntityPayload[] = rows.map((row) => ({ entity, id: row.id, contentHash: row.contentHash, modelId }));
    await queue.addBulk(
      payloads.map((payload) => ({
        name: JOB_NAME_BY_ENTITY[payload.entity],
        data: payload,
        opts: { ...EMBEDDING_JOB_OPTIONS, jobId: embeddingJobId(payload), priority: MODEL_BUILD_PRIORITY },
      })),
    );
    this.enqueuedThisPass += payloads.length;
    this.announcedComplete = false;
    return payloads.length;
  }

  private buildQueue(): Queue {
    if (!this.queue) {
      this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 1 });
      this.connection.on('error', () => undefined);
      this.queue = new Queue(EMBEDDING_QUEUE, { connection: this.connection, prefix: this.config.REDIS_KEY_PREFIX });
      this.queue.on('error', () => undefined);
    }
    return this.queue;
  }
}
