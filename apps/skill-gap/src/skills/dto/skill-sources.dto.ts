import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OnetSourceDto {
  @ApiProperty({ example: '29.2' }) release!: string;
  @ApiProperty({ description: 'Attribution required by the O*NET license (CC BY 4.0)' }) attribution!: string;
  @ApiProperty({ format: 'date-time', description: 'When the release was imported (pnpm cli taxonomy import --onet)' }) importedAt!: string;
  @ApiProperty({ description: 'Skills that come from O*NET' }) skills!: number;
  @ApiProperty({ description: 'O*NET entries that name a curated skill (the curated one is kept)' }) mergedIntoCurated!: number;
  @ApiProperty() occupations!: number;
}

export class SkillSourcesDto {
  @ApiProperty({ description: 'Skills in the taxonomy' }) skills!: number;
  @ApiProperty({ description: 'Hand-curated skills (built in; they win over imported entries)' }) curated!: number;
  @ApiPropertyOptional({ type: OnetSourceDto, nullable: true, description: 'The imported O*NET release, or null (ONET_DATA_FILE not set)' })
  onet!: OnetSourceDto | null;
}
