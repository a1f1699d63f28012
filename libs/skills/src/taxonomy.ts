import { z } from 'zod';
import type { SkillSource } from './data/format';
import { SKILL_SOURCES } from './data';
import type { SkillCategory, SkillDefinition, SkillTaxonomy, SkillTerm, SkillTermMode } from './types';

const CATEGORIES = [
  'software',
  'data-ml',
  'cloud-devops',
  'security',
  'design',
  'product',
  'sales-marketing',
  'finance',
  'healthcare',
  'trades',
  'business',
  'soft-skills',
  'logistics',
  'hospitality',
  'education',
  'public-sector',
  'languages',
] as const satisfies readonly SkillCategory[];

const termText = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((t) => !/[|=?!]/.test(t.charAt(0)) && !t.includes('|'), 'stray marker or separator');

export const skillDefinitionSchema = z.object({
  name: termText,
  category: z.enum(CATEGORIES),
  aliases: z.array(termText),
  parents: z.array(termText),
  related: z.array(termText),
});

export class TaxonomyError extends Error {}

export interface ParsedSkill {
  definition: SkillDefinition;
  terms: SkillTerm[];
}

export function parseTerm(raw: string, skill: string): SkillTerm {
  const marker = raw.charAt(0);
  const mode: SkillTermMode = marker === '=' ? 'exact-case' : marker === '?' ? 'needs-context' : 'any-case';
  const text = (mode === 'any-case' ? raw : raw.slice(1)).trim();
  return { text, skill, mode };
}

function splitList(field: string | undefined): string[] {
  if (!field) return [];
  return field
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Parses one source block; throws TaxonomyError naming the offending line. */
export function parseSkillSource(source: SkillSource): ParsedSkill[] {
  const parsed: ParsedSkill[] = [];
  for (const rawLine of source.lines.split('\n')) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const [nameField, aliasField, parentField, relatedField, ...extra] = line.split('|');
    if (extra.length > 0) throw new TaxonomyError(`too many fields: "${line}"`);
    const rawName = (nameField ?? '').trim();
    // `!Name`: the name is too common a word to match on its own ("Sales"); only aliases match.
    const nameMatches = !rawName.startsWith('!');
    const nameTerm = parseTerm(nameMatches ? rawName : rawName.slice(1), '');
    const name = nameTerm.text;
    const aliasTerms = splitList(aliasField).map((a) => parseTerm(a, name));
    // `Name | =Name` style: a marked alias equal to the name only changes how the name matches.
    const nameOverride = aliasTerms.find((t) => t.text === name);
    const terms: SkillTerm[] = [
      { text: name, skill: name, mode: nameOverride ? nameOverride.mode : nameTerm.mode },
      ...aliasTerms.filter((t) => t !== nameOverride),
    ];
    const candidate = {
      name,
      category: source.category,
      aliases: terms.slice(1).map((t) => t.text),
      parents: splitList(parentField),
      related: splitList(relatedField),
    };
    const result = skillDefinitionSchema.safeParse(candidate);
    if (!result.success) {
      throw new TaxonomyError(`invalid skill line "${line}": ${result.error.issues.map((i) => i.message).join('; ')}`);
    }
    parsed.push({ definition: result.data, terms: nameMatches ? terms : terms.slice(1) });
  }
  return parsed;
}

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const MODES: readonly SkillTermMode[] = ['any-case', 'exact-case', 'needs-context'];

export class Taxonomy implements SkillTaxonomy {
  private readonly definitions: SkillDefinition[];
  private readonly byKey = new Map<string, SkillDefinition>();
  /**
   * Every matchable spelling, as parallel arrays (terms() builds the objects on demand): at O*NET
   * scale one object per spelling held for the process's life cost the skill-gap budget megabytes.
   */
  private readonly termTexts: string[];
  private readonly termSkills: string[];
  private readonly termModes: Uint8Array;
  /** Only skills that have neighbours (imported O*NET skills have none). */
  private readonly neighbours = new Map<string, string[]>();
  /**
   * Names and aliases, pre-normalised, for autocomplete, as parallel arrays: at O*NET scale
   * (30 000 spellings) one object per spelling cost megabytes of the skill-gap service's budget.
   */
  private readonly searchKeys: string[] = [];
  private readonly searchDefs: SkillDefinition[] = [];
  private readonly searchIsName: Uint8Array;

  constructor(parsed: ParsedSkill[]) {
    this.definitions = parsed.map((p) => p.definition);
    for (const def of this.definitions) def.source ??= { kind: 'curated' };
    const termList = parsed.flatMap((p) => p.terms);
    this.termTexts = termList.map((t) => t.text);
    this.termSkills = termList.map((t) => t.skill);
    this.termModes = Uint8Array.from(termList, (t) => MODES.indexOf(t.mode));
    // One normalised key string per spelling, shared by byKey and the search arrays.
    const keys = new Map<string, string>();
    const keyOf = (text: string) => {
      let k = keys.get(text);
      if (k === undefined) {
        k = key(text);
        // Most spellings are their own key: keep one string, not an equal copy.
        keys.set(text, (k = k === text ? text : k));
      }
      return k;
    };
    const isName: number[] = [];
    for (const def of this.definitions) {
      for (const [i, spelling] of [def.name, ...def.aliases].entries()) {
        this.searchKeys.push(keyOf(spelling));
        this.searchDefs.push(def);
        isName.push(i === 0 ? 1 : 0);
      }
    }
    this.searchIsName = Uint8Array.from(isName);
    const byName = new Map(this.definitions.map((d) => [d.name, d]));
    for (const term of termList) {
      const k = keyOf(term.text);
      const existing = this.byKey.get(k);
      if (existing && existing.name !== term.skill) {
        throw new TaxonomyError(`"${term.text}" is used by both "${existing.name}" and "${term.skill}"`);
      }
      // Case variants of one skill's term are allowed (they matter for exact-case matching).
      if (existing && termList.some((t) => t !== term && t.text === term.text && t.skill === term.skill)) {
        throw new TaxonomyError(`"${term.text}" is listed twice for "${term.skill}"`);
      }
      this.byKey.set(k, byName.get(term.skill)!);
    }
    for (const def of this.definitions) {
      const k = keyOf(def.name);
      const existing = this.byKey.get(k);
      if (existing && existing !== def) throw new TaxonomyError(`"${def.name}" is used by both "${existing.name}" and "${def.name}"`);
      this.byKey.set(k, def);
    }
    const children = new Map<string, string[]>();
    const relatedBack = new Map<string, string[]>();
    for (const def of this.definitions) {
      for (const ref of [...def.parents, ...def.related]) {
        const target = this.byKey.get(key(ref));
        if (!target || target.name !== ref) {
          throw new TaxonomyError(`"${def.name}" refers to unknown skill "${ref}" (use the canonical name)`);
        }
        if (ref === def.name) throw new TaxonomyError(`"${def.name}" refers to itself`);
      }
      for (const p of def.parents) push(children, p, def.name);
      for (const r of def.related) push(relatedBack, r, def.name);
    }
    for (const def of this.definitions) {
      const all = [
        ...def.parents,
        ...def.related,
        ...(relatedBack.get(def.name) ?? []),
        ...(children.get(def.name) ?? []),
      ];
      if (all.length > 0) this.neighbours.set(def.name, [...new Set(all)].filter((n) => n !== def.name));
    }
  }

  get(nameOrAlias: string): SkillDefinition | undefined {
    return this.byKey.get(key(nameOrAlias));
  }

  all(): SkillDefinition[] {
    return [...this.definitions];
  }

  /** Every matchable spelling with its matching mode (used to compile the extractor). */
  terms(): SkillTerm[] {
    const terms: SkillTerm[] = [];
    this.forEachTerm((text, skill, mode) => terms.push({ text, skill, mode }));
    return terms;
  }

  /** terms() without building an object per spelling (the extractor's compile at start-up). */
  forEachTerm(visit: (text: string, skill: string, mode: SkillTermMode) => void): void {
    for (let i = 0; i < this.termTexts.length; i++) visit(this.termTexts[i]!, this.termSkills[i]!, MODES[this.termModes[i]!]!);
  }

  relatedTo(nameOrAlias: string): string[] {
    const def = this.get(nameOrAlias);
    return def ? [...(this.neighbours.get(def.name) ?? [])] : [];
  }

  search(query: string, limit = 10): SkillDefinition[] {
    const q = key(query);
    if (!q || limit <= 0) return [];
    const best = new Map<SkillDefinition, number>();
    for (let i = 0; i < this.searchKeys.length; i++) {
      const t = this.searchKeys[i]!;
      const isName = this.searchIsName[i] === 1;
      let rank: number;
      if (t === q) rank = isName ? 0 : 1;
      else if (t.startsWith(q)) rank = isName ? 2 : 3;
      else if (wordPrefix(t, q)) rank = isName ? 4 : 5;
      else if (t.includes(q)) rank = 6;
      else continue;
      const def = this.searchDefs[i]!;
      const prev = best.get(def);
      if (prev === undefined || rank < prev) best.set(def, rank);
    }
    return [...best.entries()]
      .sort((a, b) => a[1] - b[1] || a[0].name.length - b[0].name.length || a[0].name.localeCompare(b[0].name))
      .slice(0, limit)
      .map(([def]) => def);
  }
}

function wordPrefix(text: string, q: string): boolean {
  let i = text.indexOf(q);
  while (i > 0) {
    if (!/[a-z0-9]/.test(text.charAt(i - 1))) return true;
    i = text.indexOf(q, i + 1);
  }
  return false;
}

function push(map: Map<string, string[]>, k: string, v: string): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Builds and validates a taxonomy; throws TaxonomyError on any inconsistency. */
export function buildTaxonomy(sources: SkillSource[]): Taxonomy {
  return new Taxonomy(sources.flatMap(parseSkillSource));
}

let builtIn: Taxonomy | undefined;

/**
 * The process's taxonomy, parsed and validated once: the built-in curated one, or the curated one
 * merged with an imported O*NET release after useImportedSkills() (see onet/merge.ts).
 */
export function getSkillTaxonomy(): Taxonomy {
  builtIn ??= buildTaxonomy(SKILL_SOURCES);
  return builtIn;
}

/** Replaces the process's taxonomy (at start-up, before the extractor is first used). */
export function setSkillTaxonomy(taxonomy: Taxonomy): void {
  builtIn = taxonomy;
}
