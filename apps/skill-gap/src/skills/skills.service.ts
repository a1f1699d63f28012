import { Injectable } from '@nestjs/common';
import type { SkillDefinition } from '@jobmatch/skills';
import type { ExtractSkillsResponseDto } from './dto/extract-skills.dto';
import type { SkillSearchResponseDto, SkillSummaryDto } from './dto/skill-search.dto';
import type { SkillSourcesDto } from './dto/skill-sources.dto';
import { SkillsEngine } from './skills-engine';

/** Spans returned per skill: enough to highlight, bounded so a long text cannot blow up the response. */
export const MAX_EVIDENCE_PER_SKILL = 20;

const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The spelling of `skill` that the query hit, so an autocomplete can show "k8s → Kubernetes". */
function matchedTerm(skill: SkillDefinition, query: string): string {
  const terms = [skill.name, ...skill.aliases];
  const q = normalize(query);
  return (
    terms.find((term) => normalize(term) === q) ??
    terms.find((term) => normalize(term).startsWith(q)) ??
    terms.find((term) => normalize(term).includes(q)) ??
    skill.name
  );
}

@Injectable()
export class SkillsService {
  constructor(private readonly engine: SkillsEngine) {}

  search(query: string, limit = 10): SkillSearchResponseDto {
    const items: SkillSummaryDto[] = this.engine.search(query, limit).map((skill) => ({
      name: skill.name,
      category: skill.category,
      aliases: [...skill.aliases],
      matchedTerm: matchedTerm(skill, query),
      parents: [...skill.parents],
      related: [...skill.related],
      source: skill.source?.kind ?? 'curated',
      onetName: (skill.source?.kind === 'onet' ? skill.source.name : skill.source?.onet?.name) ?? null,
    }));
    return { query, items };
  }

  sources(): SkillSourcesDto {
    return this.engine.dataInfo;
  }

  extract(text: string, title?: string): ExtractSkillsResponseDto {
    const skills = this.engine.extract(text);
    const match = title && this.engine.occupations ? this.engine.occupations.normalize(title, skills.map((skill) => skill.name)) : null;
    // The candidates of an ambiguous title stay internal (hundreds for a one-word match).
    const occupation = match ? { code: match.code, title: match.title, matchedTitle: match.matchedTitle, match: match.match } : null;
    const names = (requirement: string) => skills.filter((skill) => skill.requirement === requirement).map((skill) => skill.name);
    return {
      skills: skills.map((skill) => ({
        ...skill,
        evidence: skill.evidence.slice(0, MAX_EVIDENCE_PER_SKILL).map((span) => ({ ...span })),
        mentions: skill.evidence.length,
      })),
      required: names('required'),
      niceToHave: names('nice-to-have'),
      unspecified: names('unspecified'),
      occupation,
    };
  }
}
