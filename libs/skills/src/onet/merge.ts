import { SKILL_SOURCES } from '../data';
import type { SkillSource } from '../data/format';
import { parseSkillSource, parseTerm, Taxonomy, type ParsedSkill } from '../taxonomy';
import type { OnetReference, SkillDefinition, SkillTerm } from '../types';
import type { OnetDataset, OnetSkill } from './dataset';

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const NONE: string[] = [];

export interface MergedTaxonomy {
  taxonomy: Taxonomy;
  /** Canonical taxonomy name of each O*NET skill (by index in the dataset); undefined for generic entries. */
  canonicalNames: (string | undefined)[];
  /** How many O*NET entries became skills of their own, and how many were merged into curated ones. */
  imported: number;
  mergedIntoCurated: number;
  generic: number;
}

/** Commodity codes and titles repeat thousands of times; JSON parsing gives each its own string. */
const interned = new Map<string, string>();
const intern = (text: string) => {
  const known = interned.get(text);
  if (known !== undefined) return known;
  interned.set(text, text);
  return text;
};

function reference(skill: OnetSkill, release: string): OnetReference {
  return { release, name: skill.name, commodityCode: intern(skill.commodityCode), commodityTitle: intern(skill.commodityTitle) };
}

/**
 * The curated taxonomy plus an O*NET release. The curated taxonomy wins every conflict: an O*NET
 * entry that shares any spelling with a curated skill is that skill (its reference is recorded on
 * the curated definition, its other spellings dropped); between O*NET entries the first spelling
 * wins. Generic entries ("Email software") are not added.
 */
export function mergeOnetTaxonomy(dataset: OnetDataset, sources: SkillSource[] = SKILL_SOURCES): MergedTaxonomy {
  const curated = sources.flatMap(parseSkillSource);
  const owner = new Map<string, SkillDefinition>();
  for (const { definition, terms } of curated) {
    definition.source = { kind: 'curated' };
    owner.set(key(definition.name), definition);
    for (const term of terms) owner.set(key(term.text), definition);
  }
  const imported: ParsedSkill[] = [];
  const canonicalNames: (string | undefined)[] = new Array<string | undefined>(dataset.skills.length);
  let mergedIntoCurated = 0;
  let generic = 0;
  dataset.skills.forEach((skill, index) => {
    if (skill.generic) {
      generic++;
      return;
    }
    const spellings = [`${skill.nameMode}${skill.name}`, ...skill.aliases];
    const lookup = (spelling: string) => owner.get(key(spelling.replace(/^[=?]/, '')));
    // A shared spelling ("SQL") may only merge an entry into a curated skill, never into another O*NET entry.
    const existing =
      spellings.map(lookup).find((d) => d !== undefined) ??
      (skill.sharedAliases ?? []).map(lookup).find((d) => d?.source?.kind === 'curated');
    if (existing) {
      canonicalNames[index] = existing.name;
      if (existing.source?.kind === 'curated') {
        existing.source.onet ??= reference(skill, dataset.release);
        mergedIntoCurated++;
      }
      return;
    }
    const definition: SkillDefinition = {
      name: skill.name,
      category: skill.category,
      aliases: skill.aliases.length > 0 ? [] : NONE,
      parents: NONE,
      related: NONE,
      source: { kind: 'onet', ...reference(skill, dataset.release) },
    };
    const terms: SkillTerm[] = [];
    for (const spelling of spellings) {
      const term = parseTerm(spelling, skill.name);
      // One letter ("J") is no name to find in text; the curated taxonomy has its own rules for "C" and "R".
      if (term.text.length < 2 || owner.has(key(term.text))) continue;
      owner.set(key(term.text), definition);
      terms.push(term);
      if (term.text !== skill.name) (definition.aliases === NONE ? (definition.aliases = []) : definition.aliases).push(term.text);
    }
    canonicalNames[index] = skill.name;
    imported.push({ definition, terms });
  });
  return {
    taxonomy: new Taxonomy([...curated, ...imported]),
    canonicalNames,
    imported: imported.length,
    mergedIntoCurated,
    generic,
  };
}
