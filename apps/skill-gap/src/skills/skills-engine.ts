import { Injectable } from '@nestjs/common';
import { buildSkillGraph, extractSkills, getSkillTaxonomy, type ExtractedSkill, type SkillDefinition, type SkillGraph } from '@jobmatch/skills';

/**
 * The compiled taxonomy, skill graph and extractor, built once per process. In-memory and
 * side-effect free, but behind a provider so services can be tested with a small fake taxonomy.
 */
@Injectable()
export class SkillsEngine {
  private readonly taxonomy = getSkillTaxonomy();
  readonly graph: SkillGraph = buildSkillGraph(this.taxonomy.all());

  extract(text: string): ExtractedSkill[] {
    return extractSkills(text);
  }

  search(query: string, limit: number): SkillDefinition[] {
    return this.taxonomy.search(query, limit);
  }

  get(nameOrAlias: string): SkillDefinition | undefined {
    return this.taxonomy.get(nameOrAlias);
  }

  size(): number {
    return this.taxonomy.all().length;
  }
}
