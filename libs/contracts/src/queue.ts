/**
 * The embedding queue, defined once for producers (matcher, skill-gap) and the consumer (embedder).
 * A consumer must register a handler for every name in EMBEDDING_JOB_NAMES or refuse to start.
 */
export const EMBEDDING_QUEUE = 'embedding';

export const EmbeddingJobName = {
  EmbedJob: 'embed-job',
  EmbedResume: 'embed-resume',
} as const;
export type EmbeddingJobName = (typeof EmbeddingJobName)[keyof typeof EmbeddingJobName];
export const EMBEDDING_JOB_NAMES: readonly EmbeddingJobName[] = Object.values(EmbeddingJobName);

export type EmbeddableEntity = 'job' | 'resume';

export interface EmbedEntityPayload {
  entity: EmbeddableEntity;
  id: string;
  /** Content hash the producer stored; a worker writes the vector only if the row still has it. */
  contentHash: string;
  modelId: string;
}

export const JOB_NAME_BY_ENTITY: Record<EmbeddableEntity, EmbeddingJobName> = {
  job: EmbeddingJobName.EmbedJob,
  resume: EmbeddingJobName.EmbedResume,
};

/**
 * Idempotent job id: the same entity, content and model never queue twice.
 * BullMQ forbids ':' in custom ids, hence the '.' separators.
 */
export function embeddingJobId(payload: EmbedEntityPayload): string {
  const model = payload.modelId.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${payload.entity}.${payload.id}.${payload.contentHash}.${model}`;
}

/** Retries with exponential backoff; failed jobs are kept with their reason for inspection. */
export const EMBEDDING_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 3_600, count: 10_000 },
  removeOnFail: false,
} as const;
