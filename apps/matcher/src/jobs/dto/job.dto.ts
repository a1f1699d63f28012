import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EMPLOYMENT_TYPES, SENIORITY_LEVELS, type EmploymentType, type Seniority } from '../../common/seniority';
import { EmbeddingStateDto } from '../../common/embedding-state';
import { PaginationQueryDto } from '../../common/pagination.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateJobDto {
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
  @Transform(lower)
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: EmploymentType;

  @ApiPropertyOptional({ enum: SENIORITY_LEVELS })
  @IsOptional()
  @Transform(lower)
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
}

export class UpdateJobDto extends PartialType(CreateJobDto) {}

export class JobListQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Substring match, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Exact match, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string;

  @ApiPropertyOptional({ enum: SENIORITY_LEVELS })
  @IsOptional()
  @Transform(lower)
  @IsIn(SENIORITY_LEVELS)
  seniority?: Seniority;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES })
  @IsOptional()
  @Transform(lower)
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: EmploymentType;
}

export class JobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
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
  @ApiProperty({ type: EmbeddingStateDto }) embedding!: EmbeddingStateDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class JobPageDto {
  @ApiProperty({ type: [JobDto] }) items!: JobDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
