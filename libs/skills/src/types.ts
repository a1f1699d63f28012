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
  | 'soft-skills';

export interface SkillDefinition {
  /** Canonical name, e.g. "Kubernetes". Unique. */
  name: string;
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
