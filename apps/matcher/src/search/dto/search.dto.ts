import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IncludeClosedJobsDto, JobFiltersDto } from '../../common/job-filters.dto';
import { JobDto } from '../../jobs/dto/job.dto';
import { ResumeDto } from '../../resumes/dto/resume.dto';

export const SEARCH_TARGETS = ['jobs', 'resumes'] as const;
export type SearchTarget = (typeof SEARCH_TARGETS)[number];

/** Job filters apply to target "jobs", skillsAny to target "resumes" (SearchService rejects the others). */
export class SearchFiltersDto extends IntersectionType(JobFiltersDto, IncludeClosedJobsDto) {
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
