import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_RAW_TEXT_CHARS, type EmbedInputKind, type EmbedRequest } from '@jobmatch/contracts';

/** Shape of EmbedderRpc.Embed payloads; the item count limit is checked by EmbedRequestPipe. */
export class EmbedRequestDto implements EmbedRequest {
  @IsArray({ message: 'texts must be an array of strings' })
  @ArrayNotEmpty({ message: 'texts must contain at least one text' })
  @IsString({ each: true, message: 'every item of texts must be a string' })
  @Matches(/\S/u, { each: true, message: 'every item of texts must contain non-whitespace characters' })
  @MaxLength(MAX_RAW_TEXT_CHARS, {
    each: true,
    message: `every item of texts must be at most ${MAX_RAW_TEXT_CHARS} characters`,
  })
  texts!: string[];

  @IsOptional()
  @IsIn(['query', 'passage'], { message: 'kind must be "query" or "passage"' })
  kind?: EmbedInputKind;

  @IsOptional()
  @IsString({ message: 'modelId must be a string' })
  @MaxLength(200, { message: 'modelId must be at most 200 characters' })
  modelId?: string;
}
