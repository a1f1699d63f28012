import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OCCUPATION_CODE } from './occupation.dto';
import { EMPLOYMENT_TYPES, SENIORITY_LEVELS, type EmploymentType, type Seniority } from './seniority';

export const lowerCaseTrimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/**
 * Job filters, the same wherever jobs are listed or ranked (GET /jobs, a resume's recommendations,
 * search over jobs); libs/db applies them with one SQL builder.
 */
export class JobFiltersDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Jobs whose location contains this text (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Jobs of exactly this company (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string;

  @ApiPropertyOptional({ enum: SENIORITY_LEVELS, description: 'Jobs of this seniority' })
  @IsOptional()
  @Transform(lowerCaseTrimmed)
  @IsIn(SENIORITY_LEVELS)
  seniority?: Seniority;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES, description: 'Jobs of this employment type' })
  @IsOptional()
  @Transform(lowerCaseTrimmed)
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: EmploymentType;

  @ApiPropertyOptional({ example: '29-1141.00', description: 'Jobs of this O*NET-SOC occupation (see occupation on each job; needs ONET_DATA_FILE)' })
  @IsOptional()
  @IsString()
  @Matches(OCCUPATION_CODE, { message: 'occupation must be an O*NET-SOC code like 29-1141.00' })
  occupation?: string;
}

/** `true`/`false` from a query string, or a JSON boolean. */
const booleanFlag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * Where an operator or a client may also see closed and expired jobs (GET /jobs, search); never on
 * recommendations, which only ever suggest open jobs.
 */
export class IncludeClosedJobsDto {
  @ApiPropertyOptional({ default: false, description: 'Also closed jobs and jobs past their expiresAt (default: open jobs only)' })
  @IsOptional()
  @Transform(booleanFlag)
  @IsBoolean()
  includeClosed?: boolean;
}
