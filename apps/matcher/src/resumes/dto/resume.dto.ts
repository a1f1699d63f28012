import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { redactContactDetails } from '@jobmatch/contracts';
import type { Resume } from '@jobmatch/db';
import { EmbeddingStateDto, embeddingState } from '../../common/embedding-state';
import { asResumeProfile } from '../resume-profile';
import { OccupationDto, toOccupationDto } from '../../common/occupation.dto';
import { SENIORITY_LEVELS } from '../../common/seniority';
import { ExternalIdProperty } from '../../common/external-id';

export class CreateResumeTextDto {
  @ApiProperty({
    description: 'Plain resume text (capped by RESUME_MAX_CHARS; longer text answers 413)',
    example: 'Senior Python developer\nLocation: Berlin\n6 years of experience with Django and PostgreSQL.',
  })
  @IsString()
  @IsNotEmpty()
  text!: string;

  @ApiPropertyOptional({ maxLength: 255, example: 'jane-doe.txt' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  @Matches(/^[^\\/\0]+$/, { message: 'fileName must be a file name without a path' })
  fileName?: string;

  @ExternalIdProperty('resume')
  externalId?: string;
}

export class UploadResumeDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, DOCX or plain-text (UTF-8) file' })
  file!: unknown;

  @ExternalIdProperty('resume')
  externalId?: string;
}

export class ResumeProfileDto {
  @ApiProperty({ nullable: true, type: String, example: 'Senior Python Developer' }) headline!: string | null;
  @ApiProperty({ nullable: true, enum: SENIORITY_LEVELS }) seniority!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 6 }) yearsOfExperience!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'Berlin, Germany' }) location!: string | null;
}

export class ResumeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The id in your system (writes with it upsert)' }) externalId!: string | null;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ nullable: true, type: String }) mimeType!: string | null;
  @ApiProperty({ type: ResumeProfileDto, description: 'Contact-free fields parsed from the text' })
  profile!: ResumeProfileDto;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: OccupationDto, nullable: true, description: 'O*NET-SOC occupation of the headline (null when unknown or O*NET is not imported)' })
  occupation!: OccupationDto | null;
  @ApiProperty({ description: 'Characters of extracted text' }) textLength!: number;
  @ApiPropertyOptional({
    description:
      'The stored text, only on GET /resumes/:id: e-mail addresses, phone numbers and street addresses replaced by placeholders (as embedded) unless ?contactDetails=include',
  })
  text?: string;
  @ApiProperty({ type: EmbeddingStateDto }) embedding!: EmbeddingStateDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A stored resume as the API shows it; the text only where asked for (GET /resumes/:id), redacted unless asked otherwise. */
export function toResumeDto(
  resume: Resume,
  options: { queued?: boolean; withText?: 'redacted' | 'full' } = {},
): ResumeDto {
  return {
    id: resume.id,
    externalId: resume.externalId,
    fileName: resume.fileName,
    mimeType: resume.mimeType,
    profile: asResumeProfile(resume.profile),
    skills: resume.skills,
    occupation: toOccupationDto(resume),
    textLength: resume.text.length,
    ...(options.withText
      ? { text: options.withText === 'full' ? resume.text : redactContactDetails(resume.text) }
      : {}),
    embedding: embeddingState(resume, options.queued),
    createdAt: resume.createdAt.toISOString(),
    updatedAt: resume.updatedAt.toISOString(),
  };
}

export class ResumePageDto {
  @ApiProperty({ type: [ResumeDto] }) items!: ResumeDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class ResumeTextQueryDto {
  @ApiPropertyOptional({
    enum: ['redact', 'include'],
    default: 'redact',
    description: 'include: the text with its contact details',
  })
  @IsOptional()
  @IsIn(['redact', 'include'])
  contactDetails: 'redact' | 'include' = 'redact';
}

/** GET /resumes/:id/export: everything held about one resume (the person's data access request). */
export class ResumeExportDto {
  @ApiProperty({ type: ResumeDto, description: 'The resume with its full text, contact details included' })
  resume!: ResumeDto;
  @ApiProperty({ nullable: true, type: Object, description: 'The stored embedding: model id and vector, or null' })
  embedding!: { modelId: string; dimension: number; vector: number[] } | null;
  @ApiProperty({ description: 'What else the system keeps about it' })
  notes!: string[];
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
}
