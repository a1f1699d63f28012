import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OccupationDto } from '../../common/occupation.dto';
import { EmbeddingStateDto } from '../../common/embedding-state';
import { SENIORITY_LEVELS } from '../../common/seniority';

export class CreateResumeTextDto {
  @ApiProperty({ description: 'Plain resume text (capped by RESUME_MAX_CHARS; longer text answers 413)', example: 'Senior Python developer\nLocation: Berlin\n6 years of experience with Django and PostgreSQL.' })
  @IsString()
  @IsNotEmpty()
  text!: string;

  @ApiPropertyOptional({ maxLength: 255, example: 'jane-doe.txt' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  @Matches(/^[^\\/\0]+$/, { message: 'fileName must be a file name without a path' })
  fileName?: string;
}

export class UploadResumeDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, DOCX or plain-text (UTF-8) file' })
  file!: unknown;
}

export class ResumeProfileDto {
  @ApiProperty({ nullable: true, type: String, example: 'Senior Python Developer' }) headline!: string | null;
  @ApiProperty({ nullable: true, enum: SENIORITY_LEVELS }) seniority!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 6 }) yearsOfExperience!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'Berlin, Germany' }) location!: string | null;
}

export class ResumeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ nullable: true, type: String }) mimeType!: string | null;
  @ApiProperty({ type: ResumeProfileDto, description: 'Contact-free fields parsed from the text' }) profile!: ResumeProfileDto;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: OccupationDto, nullable: true, description: 'O*NET-SOC occupation of the headline (null when unknown or O*NET is not imported)' })
  occupation!: OccupationDto | null;
  @ApiProperty({ description: 'Characters of extracted text' }) textLength!: number;
  @ApiPropertyOptional({ description: 'The stored text (the text that is embedded); only on GET /resumes/:id' }) text?: string;
  @ApiProperty({ type: EmbeddingStateDto }) embedding!: EmbeddingStateDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ResumePageDto {
  @ApiProperty({ type: [ResumeDto] }) items!: ResumeDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
