import { existsSync } from 'node:fs';
import path from 'node:path';
import { importOnet, writeOnetDataFiles } from '@jobmatch/skills';

/**
 * The O*NET data file a benchmark starts services with: ONET_DATA_FILE, else imported (as
 * `pnpm cli taxonomy import` does) from ../shared/data/onet-29.2 into .data/onet/<name>; null
 * when neither exists.
 */
export function benchOnetDataFile(repoRoot: string, name: string): string | null {
  if (process.env.ONET_DATA_FILE) return process.env.ONET_DATA_FILE;
  const folder = path.resolve(repoRoot, '..', 'shared', 'data', 'onet-29.2');
  if (!existsSync(folder)) return null;
  const file = path.join(repoRoot, '.data', 'onet', name);
  writeOnetDataFiles(file, importOnet(folder));
  return file;
}
