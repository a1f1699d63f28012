import { HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EmbeddableEntity } from '@jobmatch/contracts';
import { ApiException } from '@jobmatch/nest-common';

export type EmbeddingStatusValue = 'PENDING' | 'READY' | 'FAILED';

export class EmbeddingStateDto {
  @ApiProperty({ enum: ['PENDING', 'READY', 'FAILED'], description: 'PENDING until the queue has embedded the current text' })
  status!: EmbeddingStatusValue;

  @ApiProperty({ nullable: true, type: String, example: 'sentence-transformers/all-MiniLM-L6-v2' })
  model!: string | null;

  @ApiProperty({ nullable: true, type: String })
  error!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  embeddedAt!: string | null;

  @ApiPropertyOptional({ description: 'On writes: whether a new embedding job was queued (false when the text did not change, or the queue was unreachable and a retry is scheduled)' })
  queued?: boolean;
}

interface EmbeddingColumns {
  embeddingStatus: EmbeddingStatusValue;
  embeddingModel: string | null;
  embeddingError: string | null;
  embeddedAt: Date | null;
}

export function embeddingState(row: EmbeddingColumns, queued?: boolean): EmbeddingStateDto {
  return {
    status: row.embeddingStatus,
    model: row.embeddingModel,
    error: row.embeddingError,
    embeddedAt: row.embeddedAt ? row.embeddedAt.toISOString() : null,
    ...(queued === undefined ? {} : { queued }),
  };
}

/** 409 for an entity without a usable vector: says which state it is in instead of answering "no matches". */
export class EmbeddingNotReadyException extends ApiException {
  constructor(entity: EmbeddableEntity, id: string, row: EmbeddingColumns, modelId: string) {
    const status = row.embeddingStatus;
    const message =
      status === 'FAILED'
        ? `The ${entity} ${id} could not be embedded (${row.embeddingError ?? 'unknown error'}); update its text to retry.`
        : status === 'PENDING'
          ? `The ${entity} ${id} is still being embedded; try again in a few seconds.`
          : `The ${entity} ${id} has no embedding for model ${modelId} yet; it will be re-embedded.`;
    super(HttpStatus.CONFLICT, 'EMBEDDING_NOT_READY', message, {
      entity,
      id,
      embeddingStatus: status,
      embeddingError: row.embeddingError,
    }, status === 'PENDING' ? { 'Retry-After': '2' } : {});
  }
}
