import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import {
  EMBEDDING_JOB_NAMES,
  EmbeddingJobName,
  JOB_NAME_BY_ENTITY,
  type EmbeddableEntity,
  type EmbedEntityPayload,
} from '@jobmatch/contracts';
import { EmbeddingService } from '../embedding/embedding.service';
import { EmbedderMetrics } from '../metrics/embedder-metrics';
import { EmbeddableTextRepository } from '@jobmatch/db';

/** The part of a BullMQ job the processor reads (kept narrow so tests can build plain jobs). */
export type EmbeddingJob = Pick<Job<unknown, unknown, string>, 'id' | 'name' | 'data' | 'attemptsMade' | 'opts' | 'timestamp'> & {
  processedOn?: number;
};

export type EmbeddingJobOutcome =
  | { status: 'written'; modelId: string }
  | { status: 'skipped'; reason: 'row-missing' | 'stale-content' };

type Handler = (payload: EmbedEntityPayload) => Promise<EmbeddingJobOutcome>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * Embeds stored jobs and resumes named by queue jobs. Errors are thrown so BullMQ retries with
 * backoff; on the last attempt the row is also marked FAILED with the reason. A job whose row
 * is gone or whose content changed since enqueueing completes without writing (a newer job for
 * the new content exists, and must win).
 */
@Injectable()
export class EmbeddingJobProcessor implements OnModuleInit {
  private readonly logger = new Logger(EmbeddingJobProcessor.name);
  private readonly handlers: Record<string, Handler>;

  constructor(
    private readonly embeddings: EmbeddingService,
    private readonly repository: EmbeddableTextRepository,
    private readonly metrics: EmbedderMetrics,
  ) {
    const handlers: Record<EmbeddingJobName, Handler> = {
      [EmbeddingJobName.EmbedJob]: (payload) => this.embedEntity(payload),
      [EmbeddingJobName.EmbedResume]: (payload) => this.embedEntity(payload),
    };
    this.handlers = handlers;
  }

  /** Refuse to start with a job name the producers may send but nobody handles. */
  onModuleInit(): void {
    this.assertEveryJobNameHandled();
  }

  assertEveryJobNameHandled(names: readonly string[] = EMBEDDING_JOB_NAMES): void {
    const missing = names.filter((name) => !this.handlers[name]);
    if (missing.length > 0) {
      throw new Error(`Embedding worker has no handler for job name(s): ${missing.join(', ')}`);
    }
  }

  async process(job: EmbeddingJob): Promise<EmbeddingJobOutcome> {
    const handler = this.handlers[job.name];
    if (!handler) throw new UnrecoverableError(`No handler for job name "${job.name}"`);
    const payload = this.parsePayload(job);
    if (job.attemptsMade === 0) {
      this.metrics.jobQueueWait.observe({ name: job.name }, Math.max(0, (job.processedOn ?? Date.now()) - job.timestamp) / 1000);
    }
    const stopTimer = this.metrics.jobDuration.startTimer({ name: job.name });
    try {
      const outcome = await handler(payload);
      this.metrics.jobs.inc({ name: job.name, outcome: outcome.status === 'written' ? 'written' : 'skipped' });
      return outcome;
    } catch (error) {
      await this.onFailedAttempt(job, payload, error);
      throw error;
    } finally {
      stopTimer();
    }
  }

  private async embedEntity(payload: EmbedEntityPayload): Promise<EmbeddingJobOutcome> {
    const { entity, id, contentHash, modelId } = payload;
    if (!this.embeddings.serves(modelId)) {
      // Another deployment (with that model) may still take it on a retry; ours must not write
      // vectors of one model under the name of another.
      const served = this.embeddings.models().map((model) => `"${model.modelId}"`).join(' and ');
      throw new Error(`Job asks for model "${modelId}" but this embedder serves ${served}`);
    }
    const row = await this.repository.load(entity, id);
    if (!row) {
      this.logger.log(`Skipping ${entity} ${id}: the row no longer exists`);
      return { status: 'skipped', reason: 'row-missing' };
    }
    if (row.contentHash !== contentHash) {
      this.logger.log(`Skipping ${entity} ${id}: content changed since the job was queued (stale hash ${contentHash})`);
      return { status: 'skipped', reason: 'stale-content' };
    }
    if (row.text.trim().length === 0) {
      throw new UnrecoverableError(`${entity} ${id} has no text to embed`);
    }
    const vector = await this.embeddings.embedPassage(row.text, modelId);
    const written = await this.repository.writeEmbedding(entity, id, vector, modelId, contentHash);
    if (!written) {
      this.logger.log(`Skipping ${entity} ${id}: content changed while it was being embedded`);
      return { status: 'skipped', reason: 'stale-content' };
    }
    return { status: 'written', modelId };
  }

  private parsePayload(job: EmbeddingJob): EmbedEntityPayload {
    const data = job.data as Partial<Record<keyof EmbedEntityPayload, unknown>> | null;
    const entity = data?.entity;
    const problems: string[] = [];
    if (entity !== 'job' && entity !== 'resume') problems.push('entity must be "job" or "resume"');
    else if (JOB_NAME_BY_ENTITY[entity as EmbeddableEntity] !== job.name) problems.push(`entity "${entity}" does not match job name "${job.name}"`);
    if (typeof data?.id !== 'string' || !UUID.test(data.id)) problems.push('id must be a UUID');
    if (typeof data?.contentHash !== 'string' || data.contentHash.length === 0) problems.push('contentHash must be a non-empty string');
    if (typeof data?.modelId !== 'string' || data.modelId.length === 0) problems.push('modelId must be a non-empty string');
    // A malformed payload will not get better with retries.
    if (problems.length > 0) throw new UnrecoverableError(`Invalid ${job.name} payload: ${problems.join('; ')}`);
    return data as EmbedEntityPayload;
  }

  private async onFailedAttempt(job: EmbeddingJob, payload: EmbedEntityPayload, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    const unrecoverable = error instanceof UnrecoverableError || (error as Error | null)?.name === 'UnrecoverableError';
    const finalAttempt = unrecoverable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    this.metrics.jobs.inc({ name: job.name, outcome: finalAttempt ? 'failed_final' : 'failed_attempt' });
    if (!finalAttempt) {
      this.logger.warn(`${job.name} ${payload.id} attempt ${job.attemptsMade + 1}/${job.opts.attempts ?? 1} failed: ${reason}`);
      return;
    }
    this.logger.error(`${job.name} ${payload.id} failed permanently: ${reason}`);
    try {
      await this.repository.markFailed(payload.entity, payload.id, payload.contentHash, reason, payload.modelId);
    } catch (markError) {
      // The job still lands in the failed set with its reason; the row stays PENDING.
      this.logger.error(`Could not mark ${payload.entity} ${payload.id} as FAILED: ${(markError as Error).message}`);
    }
  }
}
