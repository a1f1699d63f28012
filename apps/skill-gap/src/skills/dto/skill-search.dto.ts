import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NOT_BLANK } from '../../common/validators';

export class SkillSearchQueryDto {
  @ApiProperty({ description: 'Name or alias, or its beginning (autocomplete): "k8s", "react", "postg"', minLength: 1, maxLength: 100, example: 'k8s' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'q must not be blank' })
  q!: string;

  @ApiPropertyOptional({ description: 'Most skills returned', minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class SkillSummaryDto {
  @ApiProperty({ example: 'Kubernetes' }) name!: string;
  @ApiProperty({ example: 'cloud-devops' }) category!: string;
  @ApiProperty({ type: [String], example: ['k8s', 'kube'] }) aliases!: string[];
  @ApiProperty({ description: 'The name or alias that matched the query', example: 'k8s' }) matchedTerm!: string;
  @ApiProperty({ type: [String], description: 'Broader skills this one implies' }) parents!: string[];
  @ApiProperty({ type: [String], description: 'Neighbouring skills' }) related!: string[];
  @ApiProperty({ enum: ['curated', 'onet'], description: 'Where the skill comes from (curated taxonomy, or the imported O*NET release)' })
  source!: 'curated' | 'onet';
  @ApiProperty({ type: String, nullable: true, description: 'The O*NET entry naming it ("Microsoft Excel"), when O*NET is imported', example: 'Microsoft Excel' })
  onetName!: string | null;
}

export class SkillSearchResponseDto {
  @ApiProperty() query!: string;
  @ApiProperty({ type: [SkillSummaryDto], description: 'Best first: exact name or alias, then prefix, then word prefix, then substring' })
  items!: SkillSummaryDto[];
}
