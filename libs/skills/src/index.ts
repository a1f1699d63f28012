export * from './types';
export { extractSkills, getSkillExtractor, SkillExtractor } from './extractor';
export { summarizeSkills, type SkillSummary } from './summarize';
export { getSkillTaxonomy, buildTaxonomy, Taxonomy, TaxonomyError, skillDefinitionSchema } from './taxonomy';
export type { SkillSource } from './data/format';
export * from './gap';
export { memoizeByString } from './memo';
