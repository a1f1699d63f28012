/** Public types of the skills library (implemented in taxonomy.ts / extractor.ts). */

export type SkillCategory =
  | 'software'
  | 'data-ml'
  | 'cloud-devops'
  | 'security'
  | 'design'
  | 'product'
  | 'sales-marketing'
  | 'finance'
  | 'healthcare'
  | 'trades'
  | 'business'
  | 'soft-skills'
  | 'logistics'
  | 'hospitality'
  | 'education'
  | 'public-sector'
  | 'languages';

/** Where a skill comes from: the project's hand-curated taxonomy, or an imported O*NET release. */
export type SkillProvenance =
  | { kind: 'curated'; /** The O*NET entry that names the same skill, when O*NET is imported. */ onet?: OnetReference }
  | ({ kind: 'onet' } & OnetReference);

export interface OnetReference {
  release: string;
  /** The O*NET "Example" as published ("Microsoft Excel"). */
  name: string;
  commodityCode: string;
  commodityTitle: string;
}

export interface SkillDefinition {
  /** Canonical name, e.g. "Kubernetes". Unique. */
  name: string;
  /** Set on every skill of a built taxonomy (parseSkillSource leaves it to the Taxonomy). */
  source?: SkillProvenance;
  category: SkillCategory;
  /** Other spellings found in text ("k8s", "kube"). Unique across the taxonomy. */
  aliases: string[];
  /** Broader skills this one implies knowledge of (Django → Python). */
  parents: string[];
  /** Neighbouring skills (a shorter path to learn this one). */
  related: string[];
}

/** How a posting qualifies a skill. Free text without qualifiers gives 'unspecified'. */
export type SkillRequirement = 'required' | 'nice-to-have' | 'unspecified';

export interface SkillEvidence {
  /** The exact text that matched, as it appears in the input. */
  text: string;
  start: number;
  end: number;
}

export interface ExtractedSkill {
  name: string;
  category: SkillCategory;
  requirement: SkillRequirement;
  evidence: SkillEvidence[];
}

/** Read-only view of the skill taxonomy (see taxonomy.ts). */
export interface SkillTaxonomy {
  /** Case-insensitive lookup by canonical name or alias. */
  get(nameOrAlias: string): SkillDefinition | undefined;
  /** Autocomplete: exact, then prefix (name, alias, word), then substring matches. */
  search(query: string, limit?: number): SkillDefinition[];
  /** Parents, related skills (both directions) and children of a skill, canonical names. */
  relatedTo(nameOrAlias: string): string[];
  all(): SkillDefinition[];
}

/** How strictly a term must match in free text (set by markers in the taxonomy data). */
export type SkillTermMode = 'any-case' | 'exact-case' | 'needs-context';

/** One matchable spelling of a skill (its name or an alias). */
export interface SkillTerm {
  text: string;
  skill: string;
  mode: SkillTermMode;
}

