import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
