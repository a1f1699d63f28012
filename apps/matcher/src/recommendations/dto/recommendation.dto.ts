import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Candidate } from '@jobmatch/db';
import { JobFiltersDto } from '../../common/job-filters.dto';
import { OccupationDto, toOccupationDto } from '../../common/occupation.dto';
import { EMPLOYMENT_TYPES, SENIORITY_LEVELS } from '../../common/seniority';
import { MatchBreakdownDto } from '../../matching/dto/matching.dto';
import { ResumeProfileDto } from '../../resumes/dto/resume.dto';
import { asResumeProfile } from '../../resumes/resume-profile';

export class RecommendationQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 10;
}

export class JobRecommendationQueryDto extends IntersectionType(RecommendationQueryDto, JobFiltersDto) {}

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

/** A job as listed in recommendations: enough to show and filter; the full posting is at GET /jobs/:id. */
export class JobSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() company!: string;
  @ApiProperty({ nullable: true, type: String }) location!: string | null;
  @ApiProperty({ nullable: true, enum: SENIORITY_LEVELS }) seniority!: string | null;
  @ApiProperty({ nullable: true, enum: EMPLOYMENT_TYPES }) employmentType!: string | null;
  @ApiProperty({ type: [String], description: 'Canonical skills found in the posting' }) skills!: string[];
  @ApiProperty({ type: OccupationDto, nullable: true, description: 'O*NET-SOC occupation of the title (null when unknown or O*NET is not imported)' })
  occupation!: OccupationDto | null;
}

/** A resume as listed in candidates: contact-free profile and skills; the full record is at GET /resumes/:id. */
export class ResumeSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: ResumeProfileDto }) profile!: ResumeProfileDto;
  @ApiProperty({ type: OccupationDto, nullable: true, description: 'O*NET-SOC occupation of the headline (null when unknown or O*NET is not imported)' })
  occupation!: OccupationDto | null;
}

export class JobRecommendationDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) similarity!: number;
  @ApiProperty({ type: JobSummaryDto, description: 'Summary; the full posting is at GET /jobs/:id' }) job!: JobSummaryDto;
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
  @ApiProperty({ type: ResumeSummaryDto, description: 'Summary; the full record is at GET /resumes/:id' }) resume!: ResumeSummaryDto;
  @ApiProperty({ type: MatchBreakdownDto }) match!: MatchBreakdownDto;
}

export class CandidatesDto {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty() modelId!: string;
  @ApiProperty({ type: [CandidateDto] }) results!: CandidateDto[];
}

export function toJobSummary(row: Candidate<'job'>): JobSummaryDto {
  return {
    id: row.id,
    title: row.title,
    company: row.company,
    location: row.location,
    seniority: row.seniority,
    employmentType: row.employmentType,
    skills: row.skills,
    occupation: toOccupationDto(row),
  };
}

export function toResumeSummary(row: Candidate<'resume'>): ResumeSummaryDto {
  return { id: row.id, fileName: row.fileName, skills: row.skills, profile: asResumeProfile(row.profile), occupation: toOccupationDto(row) };
}
