import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const EXTERNAL_ID_MAX_LENGTH = 200;
/** No control characters; spaces allowed inside (ids of other systems vary), trimmed at the ends. */
export const EXTERNAL_ID_PATTERN = /^[^\p{Cc}]+$/u;

/**
 * `externalId`: the row's id in the caller's system (an ATS, an HR export). Writes with one upsert:
 * the same externalId again replaces that row instead of adding another (imports re-run safely).
 */
export function ExternalIdProperty(entity: 'job' | 'resume'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      maxLength: EXTERNAL_ID_MAX_LENGTH,
      example: entity === 'job' ? 'ats-4711' : 'candidate-0815',
      description: `The ${entity}'s id in your system. A write with an externalId that exists replaces that ${entity} (200) instead of creating another (201).`,
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MaxLength(EXTERNAL_ID_MAX_LENGTH),
    Matches(EXTERNAL_ID_PATTERN, { message: 'externalId must be a non-empty id without control characters' }),
  );
}
