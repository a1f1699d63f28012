import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SkillCategory } from '../types';

/**
 * The runtime data the importer derives from an O*NET release (see import-onet.ts). It lives in a
 * generated file outside git (ONET_DATA_FILE); the repository holds only the code that builds it.
 */

export const ONET_DATA_FORMAT = 2;

/** Demand flags of one technology for one occupation, as O*NET publishes them. */
export const HOT_TECHNOLOGY = 1;
export const IN_DEMAND = 2;

export interface OnetSkill {
  /** The O*NET "Example" as published ("Microsoft Excel", "Atlassian JIRA"). */
  name: string;
  /**
   * Spellings people write, generated from the name ("Excel", "Jira", "SQL"), with the taxonomy's
   * matching markers (`=` exact case, `?` exact case and context); see data/format.ts.
   */
  aliases: string[];
  /** Spellings several O*NET entries share ("ERP"): never matched, only used to merge into a curated skill. */
  sharedAliases?: string[];
  /** Marker for the name itself: '' any case, '=' exact case, '?' exact case and context. */
  nameMode: '' | '=' | '?';
  category: SkillCategory;
  commodityCode: string;
  commodityTitle: string;
  /** A kind of software rather than a product ("Email software"): kept out of extraction. */
  generic: boolean;
}

export interface OnetOccupation {
  /** O*NET-SOC code, e.g. "29-1141.00". */
  code: string;
  title: string;
  /** Primary related occupations (O*NET "Related Occupations", tiers Primary-Short and Primary-Long). */
  related: string[];
  /** Technologies asked for: skill index × 4 + flags (HOT_TECHNOLOGY | IN_DEMAND). */
  skills: number[];
}

export interface OnetDataset {
  format: typeof ONET_DATA_FORMAT;
  release: string;
  attribution: string;
  importedAt: string;
  skills: OnetSkill[];
  occupations: OnetOccupation[];
  /**
   * Every occupation title and alternate title (≈ 57 000), normalised (occupations.ts normalizeTitle),
   * sorted and joined by "\n" into one string, with the occupation index of each: loaded as is, so a
   * service holds one string instead of 57 000 (the skill-gap service's memory budget).
   */
  titleIndex: { titles: string; occupations: number[] };
}

export function onetAttribution(release: string): string {
  return (
    `This product includes information from the O*NET ${release} Database by the U.S. Department of Labor, ` +
    'Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license ' +
    '(https://creativecommons.org/licenses/by/4.0/). O*NET® is a trademark of USDOL/ETA. ' +
    'The skills and occupation data were modified (names shortened, aliases generated, entries filtered) ' +
    'and USDOL/ETA has not approved, endorsed, or tested these modifications.'
  );
}

const datasetSchema = z.object({
  format: z.literal(ONET_DATA_FORMAT),
  release: z.string().min(1),
  attribution: z.string().min(1),
  importedAt: z.string(),
  skills: z.array(z.unknown()),
  occupations: z.array(z.unknown()),
  titleIndex: z.object({ titles: z.string(), occupations: z.array(z.number()) }),
});

export class OnetDataError extends Error {}

export function writeOnetDataset(path: string, dataset: OnetDataset): void {
  mkdirSync(dirname(path), { recursive: true });
  // Write then rename: a service starting meanwhile never reads half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(dataset));
  renameSync(tmp, path);
}

/** Reads a file written by the importer; throws OnetDataError naming the file when it is not one. */
export function readOnetDataset(path: string): OnetDataset {
  if (!existsSync(path)) throw new OnetDataError(`O*NET data file not found: ${path} (run: pnpm cli taxonomy import --onet <folder>)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new OnetDataError(`O*NET data file ${path} is not JSON: ${(error as Error).message}`);
  }
  const header = datasetSchema.safeParse(parsed);
  if (!header.success) {
    throw new OnetDataError(`O*NET data file ${path} has the wrong shape (re-run the import): ${header.error.issues[0]?.message}`);
  }
  return parsed as OnetDataset;
}
