import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { JOB_STATUSES, type JobStatus } from '@jobmatch/db';
import { ExternalIdProperty } from '../../common/external-id';
import { EMPLOYMENT_TYPES, SENIORITY_LEVELS, type EmploymentType, type Seniority } from '../../common/seniority';
import type { Job } from '@jobmatch/db';
import { EmbeddingStateDto, embeddingState } from '../../common/embedding-state';
import { OccupationDto, toOccupationDto } from '../../common/occupation.dto';
import { IncludeClosedJobsDto, JobFiltersDto, lowerCaseTrimmed } from '../../common/job-filters.dto';
import { PaginationQueryDto } from '../../common/pagination.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateJobDto {
  @ExternalIdProperty('job')
  externalId?: string;

  @ApiProperty({ maxLength: 200, example: 'Senior Python Backend Engineer' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ maxLength: 200, example: 'Acme Analytics' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  company!: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Berlin, Germany', description: 'City/region, or "Remote"' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES })
  @IsOptional()
  @Transform(lowerCaseTrimmed)
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: EmploymentType;

  @ApiPropertyOptional({ enum: SENIORITY_LEVELS })
  @IsOptional()
  @Transform(lowerCaseTrimmed)
  @IsIn(SENIORITY_LEVELS)
  seniority?: Seniority;

  @ApiProperty({ maxLength: 20_000, example: 'We build data pipelines and REST APIs for retail analytics.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  description!: string;

  @ApiPropertyOptional({ maxLength: 20_000, example: 'Required: Python, Django, PostgreSQL.\nNice to have: Kubernetes.' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  requirements?: string;

  @ApiPropertyOptional({ enum: JOB_STATUSES, default: 'open', description: 'Closed jobs are never recommended nor searched (unless includeClosed)' })
  @IsOptional()
  @Transform(lowerCaseTrimmed)
  @IsIn(JOB_STATUSES)
  status?: JobStatus;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, example: '2027-01-31T23:59:59Z', description: 'After this instant the job counts as closed; null: no expiry' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time, e.g. 2027-01-31T23:59:59Z' })
  expiresAt?: string | null;
}

/** PATCH: any field of a job; `status: "closed"` closes it, `expiresAt: null` removes the expiry. */
export class UpdateJobDto extends PartialType(CreateJobDto) {}

/** GET /jobs: a page of jobs, optionally filtered. */
export class JobListQueryDto extends IntersectionType(PaginationQueryDto, JobFiltersDto, IncludeClosedJobsDto) {}

export class JobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The id in your system (writes with it upsert)' }) externalId!: string | null;
  @ApiProperty({ enum: JOB_STATUSES }) status!: JobStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ description: 'Open and not expired: recommended and searched' }) active!: boolean;
  @ApiProperty() title!: string;
  @ApiProperty() company!: string;
  @ApiProperty({ nullable: true, type: String }) location!: string | null;
  @ApiProperty({ nullable: true, enum: EMPLOYMENT_TYPES }) employmentType!: string | null;
  @ApiProperty({ nullable: true, enum: SENIORITY_LEVELS }) seniority!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty() requirements!: string;
  @ApiProperty({ type: [String], description: 'Canonical skills found in the posting' }) skills!: string[];
  @ApiProperty({ type: [String] }) requiredSkills!: string[];
  @ApiProperty({ type: [String] }) niceToHaveSkills!: string[];
  @ApiProperty({ type: OccupationDto, nullable: true, description: 'O*NET-SOC occupation of the title (null when unknown or O*NET is not imported)' })
  occupation!: OccupationDto | null;
  @ApiProperty({ type: EmbeddingStateDto }) embedding!: EmbeddingStateDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A stored job as the API shows it; `queued` on writes (see EmbeddingStateDto). */
export function toJobDto(job: Job, queued?: boolean): JobDto {
  return {
    id: job.id,
    externalId: job.externalId,
    status: job.status as JobStatus,
    expiresAt: job.expiresAt ? job.expiresAt.toISOString() : null,
    active: job.status === 'open' && (job.expiresAt === null || job.expiresAt.getTime() > Date.now()),
    title: job.title,
    company: job.company,
    location: job.location,
    employmentType: job.employmentType,
    seniority: job.seniority,
    description: job.description,
    requirements: job.requirements,
    skills: job.skills,
    requiredSkills: job.requiredSkills,
    niceToHaveSkills: job.niceToHaveSkills,
    occupation: toOccupationDto(job),
    embedding: embeddingState(job, queued),
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}

export class JobPageDto {
  @ApiProperty({ type: [JobDto] }) items!: JobDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
