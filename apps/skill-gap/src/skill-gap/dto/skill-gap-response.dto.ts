import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const COVERAGE_METHOD =
  'coverage.percent = (2 × matched required + 1 × matched nice-to-have) / (2 × required + 1 × nice-to-have) × 100: ' +
  'a required skill counts twice as much as a nice-to-have one. A job skill counts as matched when the person lists it ' +
  'or lists a more specific skill that implies it (Django ⇒ Python; see matched[].via). Skills the job does not qualify count as required. ' +
  'null when the job lists no skills of that kind.';

export const PRIORITY_METHOD =
  'For each missing skill: demand = Σ over the recommended jobs that lack it in the person\'s skills of matchScore × (1 if required, 0.5 if nice-to-have); ' +
  'priority = demand / Σ matchScore of the recommended jobs that list any skill (0..1: 1 means every such job requires it). ' +
  'Sorted by priority (as rounded), then, when O*NET is imported, by occupationDemand (the mean demand of the skill in the occupations of the jobs that miss it, see occupationDemandMethod), ' +
  'then by how many jobs require it, then skills with related skills the person already has first (quicker to learn), then name.';

export const OCCUPATION_DEMAND_METHOD =
  'When the job\'s O*NET occupation is known, missing skills are ordered by occupationDemand (0..1) = ' +
  '(stored jobs of that occupation listing the skill + 20 × O*NET prior) / (stored jobs of that occupation + 20), ' +
  'where the prior is 1/3 for a technology O*NET lists for the occupation, +1/3 if flagged In Demand, +1/3 if Hot Technology: ' +
  'O*NET decides while the project has few postings of the occupation, its own postings once it has many.';

export class MatchedSkillDto {
  @ApiProperty({ example: 'Python' }) name!: string;
  @ApiProperty({ enum: ['required', 'nice-to-have'] }) requirement!: 'required' | 'nice-to-have';
  @ApiProperty({ type: String, nullable: true, description: 'The person\'s skill that implies this one (Django ⇒ Python); null when listed directly', example: null })
  via!: string | null;
}

export class MissingSkillDto {
  @ApiProperty({ example: 'Kubernetes' }) name!: string;
  @ApiProperty({ enum: ['required', 'nice-to-have'] }) requirement!: 'required' | 'nice-to-have';
  @ApiProperty({ type: [String], description: 'Skills the person already has that are close to this one (related, broader, or siblings): a shorter path to learn it', example: ['Docker'] })
  relatedOwned!: string[];
  @ApiPropertyOptional({ description: "How often the job's occupation asks for it, 0..1 (see occupationDemandMethod); only when the occupation is known" })
  occupationDemand?: number;
}

export class CoveragePartDto {
  @ApiProperty() matched!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: Number, nullable: true, description: '0..100, one decimal; null when total is 0' }) percent!: number | null;
}

export class CoverageDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Weighted coverage 0..100 (see method)', example: 62.5 }) percent!: number | null;
  @ApiProperty({ type: CoveragePartDto }) required!: CoveragePartDto;
  @ApiProperty({ type: CoveragePartDto }) niceToHave!: CoveragePartDto;
  @ApiProperty({ description: 'What the percentage counts', example: COVERAGE_METHOD }) method!: string;
}

export class GapResumeDto {
  @ApiProperty({ enum: ['id', 'text'] }) source!: 'id' | 'text';
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) id!: string | null;
  @ApiProperty({ type: [String] }) skills!: string[];
}

export class GapOccupationDto {
  @ApiProperty({ example: '15-1252.00' }) code!: string;
  @ApiProperty({ example: 'Software Developers' }) title!: string;
}

export class GapJobDto {
  @ApiProperty({ enum: ['id', 'text'] }) source!: 'id' | 'text';
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: [String] }) requiredSkills!: string[];
  @ApiProperty({ type: [String] }) niceToHaveSkills!: string[];
  @ApiPropertyOptional({ type: GapOccupationDto, description: 'O*NET occupation (stored with the job, or from job.title for a text job); absent when unknown' })
  occupation?: GapOccupationDto;
}

export class SkillGapResponseDto {
  @ApiProperty({ type: GapResumeDto }) resume!: GapResumeDto;
  @ApiProperty({ type: GapJobDto }) job!: GapJobDto;
  @ApiProperty({ type: [MatchedSkillDto] }) matched!: MatchedSkillDto[];
  @ApiProperty({ type: [MissingSkillDto] }) missingRequired!: MissingSkillDto[];
  @ApiProperty({ type: [MissingSkillDto] }) missingNiceToHave!: MissingSkillDto[];
  @ApiProperty({ type: CoverageDto }) coverage!: CoverageDto;
  @ApiPropertyOptional({ description: 'How missing skills are ordered when the occupation is known', example: OCCUPATION_DEMAND_METHOD })
  occupationDemandMethod?: string;
}

export class RecommendedJobGapDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() company!: string;
  @ApiPropertyOptional({ type: GapOccupationDto, description: 'O*NET occupation stored with the job; absent when unknown' })
  occupation?: GapOccupationDto;
  @ApiProperty({ description: 'Cosine similarity of the stored resume and job vectors, 0..1' }) matchScore!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Weighted skill coverage 0..100 (as in POST /skill-gap); null when the job lists no skills' })
  coveragePercent!: number | null;
  @ApiProperty({ type: [String], description: "Most asked-for in the job's occupation first when it is known (occupationDemandMethod)" }) missingRequired!: string[];
  @ApiProperty({ type: [String], description: 'Ordered like missingRequired' }) missingNiceToHave!: string[];
}

export class LearningPriorityDto {
  @ApiProperty({ description: '1 = learn first' }) rank!: number;
  @ApiProperty({ example: 'Kubernetes' }) skill!: string;
  @ApiProperty({ description: '0..1, see priorityMethod', example: 0.74 }) priority!: number;
  @ApiProperty({ description: 'Σ matchScore × requirement weight over the jobs that miss it' }) demand!: number;
  @ApiProperty({ description: 'How many of the recommended jobs require it' }) requiredBy!: number;
  @ApiProperty({ description: 'How many of the recommended jobs list it as nice-to-have' }) preferredBy!: number;
  @ApiProperty({ type: [String], description: 'Skills the person has that are close to it' }) relatedOwned!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Up to 5 of those jobs, best match first' }) jobIds!: string[];
  @ApiPropertyOptional({ description: 'Mean occupation demand (0..1, occupationDemandMethod) over the jobs with a known occupation that miss it; breaks ties of priority' })
  occupationDemand?: number;
}

export class ResumeSkillGapResponseDto {
  @ApiProperty({ format: 'uuid' }) resumeId!: string;
  @ApiProperty({ description: 'Embedding model whose stored vectors ranked the jobs' }) modelId!: string;
  @ApiProperty({ type: [String] }) resumeSkills!: string[];
  @ApiProperty({ description: 'Recommended jobs aggregated (≤ the jobs parameter)' }) jobsConsidered!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean weighted coverage over the jobs that list skills' }) averageCoveragePercent!: number | null;
  @ApiProperty({ type: [RecommendedJobGapDto], description: 'Best match first' }) jobs!: RecommendedJobGapDto[];
  @ApiProperty({ type: [LearningPriorityDto] }) learningPriorities!: LearningPriorityDto[];
  @ApiProperty({ example: PRIORITY_METHOD }) priorityMethod!: string;
  @ApiPropertyOptional({ description: "How each job's missing skills are ordered when its occupation is known", example: OCCUPATION_DEMAND_METHOD })
  occupationDemandMethod?: string;
}
