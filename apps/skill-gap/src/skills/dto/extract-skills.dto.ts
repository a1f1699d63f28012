import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { NOT_BLANK } from '../../common/validators';

export const EXTRACT_TEXT_MAX_CHARS = 100_000;

export class ExtractSkillsRequestDto {
  @ApiProperty({ description: 'Free text: a job posting or a resume', minLength: 1, maxLength: EXTRACT_TEXT_MAX_CHARS, example: 'Must have: Python, PostgreSQL and k8s. Nice to have: Terraform.' })
  @IsString()
  @MinLength(1)
  @MaxLength(EXTRACT_TEXT_MAX_CHARS)
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  text!: string;

  @ApiPropertyOptional({ description: 'Job title or resume headline: normalised to an O*NET occupation (needs ONET_DATA_FILE)', maxLength: 200, example: 'Senior Backend Engineer' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;
}

export class OccupationMatchDto {
  @ApiProperty({ example: '15-1252.00', description: 'O*NET-SOC code' }) code!: string;
  @ApiProperty({ example: 'Software Developers' }) title!: string;
  @ApiProperty({ description: 'The O*NET title (normalised) that decided it', example: 'engineer' }) matchedTitle!: string;
  @ApiProperty({ enum: ['exact', 'partial', 'word'], description: "exact: the whole title is an O*NET title; partial: two or more of its words are; word: one word, decided by the text's skills (a weak guess)" })
  match!: 'exact' | 'partial' | 'word';
}

export class SkillEvidenceDto {
  @ApiProperty({ description: 'The exact text that matched, as written', example: 'k8s' }) text!: string;
  @ApiProperty({ description: 'Offset of the first character (UTF-16 code units)' }) start!: number;
  @ApiProperty({ description: 'Offset after the last character' }) end!: number;
}

export class ExtractedSkillDto {
  @ApiProperty({ example: 'Kubernetes' }) name!: string;
  @ApiProperty({ example: 'cloud-devops' }) category!: string;
  @ApiProperty({ enum: ['required', 'nice-to-have', 'unspecified'], description: 'From the posting\'s own words ("must have", "preferred", "bonus"…); unspecified when it says neither' })
  requirement!: 'required' | 'nice-to-have' | 'unspecified';
  @ApiProperty({ type: [SkillEvidenceDto], description: 'Where it was found, in text order (at most the first 20)' }) evidence!: SkillEvidenceDto[];
  @ApiProperty({ description: 'How many times it was found (evidence lists at most 20)' }) mentions!: number;
}

export class ExtractSkillsResponseDto {
  @ApiProperty({ type: [ExtractedSkillDto] }) skills!: ExtractedSkillDto[];
  @ApiProperty({ type: [String], description: 'Canonical names marked required' }) required!: string[];
  @ApiProperty({ type: [String], description: 'Canonical names marked nice-to-have' }) niceToHave!: string[];
  @ApiProperty({ type: [String], description: 'Canonical names without a qualifier' }) unspecified!: string[];
  @ApiProperty({ type: OccupationMatchDto, nullable: true, description: 'Occupation of the given title; null without a title, without O*NET, or when no O*NET title fits' })
  occupation!: OccupationMatchDto | null;
}
