import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { EMPLOYMENT_TYPES, SENIORITY_LEVELS } from '../../common/seniority';
import { JobDto } from '../../jobs/dto/job.dto';
import { ResumeDto } from '../../resumes/dto/resume.dto';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export const SEARCH_TARGETS = ['jobs', 'resumes'] as const;
export type SearchTarget = (typeof SEARCH_TARGETS)[number];

export class SearchFiltersDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'jobs: location substring, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'jobs: company, exact, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string;

  @ApiPropertyOptional({ enum: SENIORITY_LEVELS, description: 'jobs only' })
  @IsOptional()
  @Transform(lower)
  @IsIn(SENIORITY_LEVELS)
  seniority?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES, description: 'jobs only' })
  @IsOptional()
  @Transform(lower)
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'resumes: at least one of these canonical skills' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  skillsAny?: string[];
}

export class SearchRequestDto {
  @ApiProperty({ maxLength: 2000, example: 'python backend engineer with django and postgres' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  query!: string;

  @ApiProperty({ enum: SEARCH_TARGETS })
  @IsIn(SEARCH_TARGETS)
  target!: SearchTarget;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 10;

  @ApiPropertyOptional({ type: SearchFiltersDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SearchFiltersDto)
  filters?: SearchFiltersDto;
}

export class SearchHitDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Cosine similarity, clamped to [0, 1]' }) similarity!: number;
  @ApiPropertyOptional({ type: JobDto }) job?: JobDto;
  @ApiPropertyOptional({ type: ResumeDto }) resume?: ResumeDto;
}

export class SearchResponseDto {
  @ApiProperty({ enum: SEARCH_TARGETS }) target!: SearchTarget;
  @ApiProperty() modelId!: string;
  @ApiProperty({ description: 'Whether the query embedding came from the cache' }) cached!: boolean;
  @ApiProperty({ type: [SearchHitDto] }) results!: SearchHitDto[];
}
