import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EMPLOYMENT_TYPES, SENIORITY_LEVELS } from '../../common/seniority';
import { JobDto } from '../../jobs/dto/job.dto';
import { MatchBreakdownDto } from '../../matching/dto/matching.dto';
import { ResumeDto } from '../../resumes/dto/resume.dto';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class RecommendationQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 10;
}

export class JobRecommendationQueryDto extends RecommendationQueryDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string;

  @ApiPropertyOptional({ enum: SENIORITY_LEVELS })
  @IsOptional()
  @Transform(lower)
  @IsIn(SENIORITY_LEVELS)
  seniority?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES })
  @IsOptional()
  @Transform(lower)
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: string;
}

export class CandidateQueryDto extends RecommendationQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated canonical skills; candidates must list at least one', example: 'Python,Django' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((skill) => skill.trim()).filter(Boolean) : value))
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  skills?: string[];
}

export class JobRecommendationDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) similarity!: number;
  @ApiProperty({ type: JobDto }) job!: JobDto;
  @ApiProperty({ type: MatchBreakdownDto }) match!: MatchBreakdownDto;
}

export class JobRecommendationsDto {
  @ApiProperty({ format: 'uuid' }) resumeId!: string;
  @ApiProperty() modelId!: string;
  @ApiProperty({ type: [JobRecommendationDto] }) results!: JobRecommendationDto[];
}

export class CandidateDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) similarity!: number;
  @ApiProperty({ type: ResumeDto }) resume!: ResumeDto;
  @ApiProperty({ type: MatchBreakdownDto }) match!: MatchBreakdownDto;
}

export class CandidatesDto {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty() modelId!: string;
  @ApiProperty({ type: [CandidateDto] }) results!: CandidateDto[];
}
