import { Injectable } from '@nestjs/common';
import {
  buildSkillGraph,
  getOccupationIndex,
  getSkillExtractor,
  getSkillsDataInfo,
  getSkillTaxonomy,
  type ExtractedSkill,
  type OccupationIndex,
  type SkillDefinition,
  type SkillGraph,
  type SkillsDataInfo,
} from '@jobmatch/skills';

/**
 * The compiled taxonomy, skill graph and extractor, built once per process. In-memory and
 * side-effect free, but behind a provider so services can be tested with a small fake taxonomy.
 */
@Injectable()
export class SkillsEngine {
  private readonly taxonomy = getSkillTaxonomy();
  // Compiled at start-up, not on the first request: the compile's garbage is collected before
  // traffic arrives (lower peak RSS under load) and the first caller does not pay its latency.
  private readonly extractor = getSkillExtractor();
  readonly graph: SkillGraph = buildSkillGraph(this.taxonomy.all());
  /** O*NET occupations when a release is imported (ONET_DATA_FILE), else undefined. */
  readonly occupations: OccupationIndex | undefined = getOccupationIndex();
  readonly dataInfo: SkillsDataInfo = getSkillsDataInfo(() => this.taxonomy.all().length);

  extract(text: string): ExtractedSkill[] {
    return this.extractor.extract(text);
  }

  search(query: string, limit: number): SkillDefinition[] {
    return this.taxonomy.search(query, limit);
  }

  get(nameOrAlias: string): SkillDefinition | undefined {
    return this.taxonomy.get(nameOrAlias);
  }
}
