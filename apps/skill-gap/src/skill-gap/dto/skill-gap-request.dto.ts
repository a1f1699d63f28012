import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { HasExactlyOneOf, NOT_BLANK } from '../../common/validators';

export const RESUME_TEXT_MAX_CHARS = 100_000;
export const JOB_TEXT_MAX_CHARS = 50_000;

export class ResumeRefDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A stored resume (its stored skills are used)' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ description: 'Resume text (skills are extracted from it)', maxLength: RESUME_TEXT_MAX_CHARS })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(RESUME_TEXT_MAX_CHARS)
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  text?: string;
}

export class JobRefDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A stored job (its stored required / nice-to-have skills are used)' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ description: 'Job posting text (skills and their requirement level are extracted from it)', maxLength: JOB_TEXT_MAX_CHARS })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(JOB_TEXT_MAX_CHARS)
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  text?: string;

  @ApiPropertyOptional({ description: 'With text: the posting\'s title, normalised to an O*NET occupation whose demand orders the missing skills', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;
}

export class SkillGapRequestDto {
  @ApiProperty({ type: ResumeRefDto, description: 'Exactly one of id or text', example: { text: 'Backend developer: Python, Django, Docker, PostgreSQL.' } })
  @IsDefined()
  @IsObject()
  @HasExactlyOneOf(['id', 'text'])
  @ValidateNested()
  @Type(() => ResumeRefDto)
  resume!: ResumeRefDto;

  @ApiProperty({ type: JobRefDto, description: 'Exactly one of id or text', example: { text: 'Required: Python, Kubernetes, PostgreSQL. Nice to have: Terraform, Go.' } })
  @IsDefined()
  @IsObject()
  @HasExactlyOneOf(['id', 'text'])
  @ValidateNested()
  @Type(() => JobRefDto)
  job!: JobRefDto;
}

export class ResumeIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class ResumeSkillGapQueryDto {
  @ApiPropertyOptional({ description: 'How many recommended jobs (nearest by stored vectors) to aggregate over', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  jobs?: number;
}
