import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CalculateMatchDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  jobId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  resumeId!: string;
}

export class FactorDto {
  @ApiProperty({ description: 'Weight used (configured weights re-normalized over the factors that could be computed)' }) weight!: number;
  @ApiProperty({ nullable: true, type: Number, description: '0..1, null when unknown' }) score!: number | null;
  @ApiProperty({ description: 'Points added to the 0–100 score' }) contribution!: number;
  @ApiProperty() detail!: string;
}

export class OtherFactorDto extends FactorDto {
  @ApiProperty({ nullable: true, type: Number }) location!: number | null;
  @ApiProperty({ nullable: true, type: Number }) seniority!: number | null;
}

export class FactorsDto {
  @ApiProperty({ type: FactorDto, description: 'Score: the cosine of the stored vectors through the model’s fitted calibration curve (semantic-calibration.ts); the plain cosine is `similarity`' }) semantic!: FactorDto;
  @ApiProperty({ type: FactorDto }) skills!: FactorDto;
  @ApiProperty({ type: OtherFactorDto }) other!: OtherFactorDto;
}

export class MatchedSkillDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['required', 'nice-to-have'] }) requirement!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Resume skill implying this one (Django ⇒ Python)' }) via!: string | null;
}

export class MissingSkillDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['required', 'nice-to-have'] }) requirement!: string;
  @ApiProperty({ type: [String], description: 'Related skills the person already has' }) relatedOwned!: string[];
}

export class RequirementLineDto {
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) matchedSkills!: string[];
  @ApiProperty({ type: [String] }) matchedTerms!: string[];
}

export class ExplanationDto {
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [MatchedSkillDto] }) matchedSkills!: MatchedSkillDto[];
  @ApiProperty({ type: [MissingSkillDto] }) missingRequiredSkills!: MissingSkillDto[];
  @ApiProperty({ type: [MissingSkillDto] }) missingNiceToHaveSkills!: MissingSkillDto[];
  @ApiProperty({ type: [RequirementLineDto] }) strongestRequirementLines!: RequirementLineDto[];
}

export class MatchBreakdownDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ type: FactorsDto }) factors!: FactorsDto;
  @ApiProperty({ type: ExplanationDto }) explanation!: ExplanationDto;
}

export class MatchResultDto extends MatchBreakdownDto {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ format: 'uuid' }) resumeId!: string;
  @ApiProperty() modelId!: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) similarity!: number;
}
