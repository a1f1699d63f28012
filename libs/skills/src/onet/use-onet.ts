import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SkillExtractor, usePrecompiledAutomaton } from '../extractor';
import { setSkillTaxonomy } from '../taxonomy';
import { readOnetDataset, writeOnetDataset, type OnetDataset } from './dataset';
import { mergeOnetTaxonomy } from './merge';
import { OccupationIndex } from './occupations';

/** What the process's skills data is built from (shown by the APIs with the O*NET attribution). */
export interface SkillsDataInfo {
  skills: number;
  curated: number;
  onet: { release: string; attribution: string; importedAt: string; skills: number; mergedIntoCurated: number; occupations: number } | null;
}

let info: SkillsDataInfo | undefined;
let occupations: OccupationIndex | undefined;
let installedFrom: string | undefined;

/**
 * Installs an imported O*NET release as the process's taxonomy (curated skills first, see
 * merge.ts) and occupation index. Call once at start-up, before the extractor is first used.
 */
export function useOnetDataset(dataset: OnetDataset): SkillsDataInfo {
  installedFrom = undefined;
  const merged = mergeOnetTaxonomy(dataset);
  setSkillTaxonomy(merged.taxonomy);
  occupations = new OccupationIndex(dataset, merged.canonicalNames);
  const skills = merged.taxonomy.all().length;
  info = {
    skills,
    curated: skills - merged.imported,
    onet: {
      release: dataset.release,
      attribution: dataset.attribution,
      importedAt: dataset.importedAt,
      skills: merged.imported,
      mergedIntoCurated: merged.mergedIntoCurated,
      occupations: dataset.occupations.length,
    },
  };
  return info;
}

/** useOnetDataset for the file the importer wrote (ONET_DATA_FILE). */
export function useOnetDataFile(path: string): SkillsDataInfo {
  if (info && installedFrom === path) return info; // several apps in one process (tests) share it
  const installed = useOnetDataset(readOnetDataset(path));
  // The importer's compiled automaton, when it still fits the taxonomy (else the extractor compiles).
  if (existsSync(compiledAutomatonPath(path))) usePrecompiledAutomaton(readFileSync(compiledAutomatonPath(path)));
  installedFrom = path;
  return installed;
}

/**
 * Writes the data file and, beside it, the automaton compiled for the curated taxonomy merged with
 * this release (services map it instead of compiling: start-up memory and time). No global state changes.
 */
export function writeOnetDataFiles(path: string, dataset: OnetDataset): void {
  writeOnetDataset(path, dataset);
  const sidecar = compiledAutomatonPath(path);
  writeFileSync(`${sidecar}.${process.pid}.tmp`, new SkillExtractor(mergeOnetTaxonomy(dataset).taxonomy).serializeCompiled());
  renameSync(`${sidecar}.${process.pid}.tmp`, sidecar);
}

/** Where the importer writes the compiled automaton beside the data file. */
export function compiledAutomatonPath(dataFile: string): string {
  return `${dataFile}.automaton`;
}

/** The occupation index of the imported release, or undefined when none is installed. */
export function getOccupationIndex(): OccupationIndex | undefined {
  return occupations;
}

export function getSkillsDataInfo(curatedCount: () => number): SkillsDataInfo {
  return info ?? { skills: curatedCount(), curated: curatedCount(), onet: null };
}

/** Where the importer writes when neither --out nor ONET_DATA_FILE says (inside the repo, ignored by git). */
export const DEFAULT_ONET_DATA_FILE = resolve(__dirname, '..', '..', '..', '..', '.data', 'onet', 'onet-data.json');
