export * from './types';
export { extractSkills, getSkillExtractor, SkillExtractor } from './extractor';
export { summarizeSkills, type SkillSummary } from './summarize';
export { getSkillTaxonomy, buildTaxonomy, Taxonomy, TaxonomyError, skillDefinitionSchema } from './taxonomy';
export type { SkillSource } from './data/format';
export * from './gap';
export { memoizeByString } from './memo';
export { setSkillTaxonomy } from './taxonomy';
export { importOnet } from './onet/import-onet';
export { readOnetDataset, writeOnetDataset, OnetDataError, type OnetDataset } from './onet/dataset';
export { OnetImportError } from './onet/onet-files';
export { mergeOnetTaxonomy } from './onet/merge';
export {
  OccupationIndex,
  normalizeTitle,
  blendedDemand,
  DEMAND_PRIOR_POSTINGS,
  type OccupationMatch,
  type OccupationCloseness,
} from './onet/occupations';
export {
  useOnetDataFile,
  useOnetDataset,
  writeOnetDataFiles,
  getOccupationIndex,
  getSkillsDataInfo,
  type SkillsDataInfo,
} from './onet/use-onet';
