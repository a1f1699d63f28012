import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reading the official O*NET database text release (tab-separated, one header line), exactly as
 * users download it from https://www.onetcenter.org/database.html. Nothing of it is stored in
 * the repository: the importer reads a folder given at run time.
 */

export class OnetImportError extends Error {}

/** The files the importer reads and the columns it needs from each. */
export const ONET_FILES = {
  technologySkills: { file: 'Technology Skills.txt', columns: ['O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand'] },
  occupations: { file: 'Occupation Data.txt', columns: ['O*NET-SOC Code', 'Title', 'Description'] },
  alternateTitles: { file: 'Alternate Titles.txt', columns: ['O*NET-SOC Code', 'Alternate Title', 'Short Title'] },
  relatedOccupations: { file: 'Related Occupations.txt', columns: ['O*NET-SOC Code', 'Related O*NET-SOC Code', 'Relatedness Tier'] },
  readMe: { file: 'Read Me.txt', columns: [] },
} as const;

export type OnetFileName = Exclude<keyof typeof ONET_FILES, 'readMe'>;

/** Rows of one O*NET text file as records keyed by the needed column names. */
export function readOnetTable(folder: string, name: OnetFileName): Record<string, string>[] {
  const { file, columns } = ONET_FILES[name];
  const path = join(folder, file);
  if (!existsSync(path)) throw new OnetImportError(`O*NET file missing: ${path} (expected the text release of the O*NET database)`);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '').split('\t');
  const index = columns.map((column) => {
    const i = header.indexOf(column);
    if (i < 0) throw new OnetImportError(`${file}: column "${column}" not found (header: ${header.join(', ')})`);
    return i;
  });
  const rows: Record<string, string>[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line.trim()) continue;
    const fields = line.split('\t');
    const row: Record<string, string> = {};
    columns.forEach((column, k) => {
      row[column] = (fields[index[k]!] ?? '').trim();
    });
    rows.push(row);
  }
  return rows;
}

/** The release named in the folder's `Read Me.txt` ("O*NET 29.2 Database" → "29.2"). */
export function readOnetRelease(folder: string): string {
  const path = join(folder, ONET_FILES.readMe.file);
  if (!existsSync(path)) throw new OnetImportError(`O*NET file missing: ${path}`);
  const match = /O\*NET\s+(\d+\.\d+)\s+Database/i.exec(readFileSync(path, 'utf8'));
  if (!match) throw new OnetImportError(`${path}: no "O*NET <version> Database" line`);
  return match[1]!;
}
