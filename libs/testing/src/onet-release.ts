import { existsSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The O*NET 29.2 release tests import from, by path: `../shared/data/onet-29.2` beside the
 * repository (CI lays shared/ there too). Never copied into the repository.
 */
export const TEST_ONET_FOLDER = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'onet-29.2');

/**
 * Whether the release is there. In CI (CI=true) a missing release throws: the import is part of
 * what CI checks. Outside CI callers skip with the reason (ONET_MISSING_REASON).
 */
export function testOnetReleaseAvailable(): boolean {
  if (existsSync(path.join(TEST_ONET_FOLDER, 'Technology Skills.txt'))) return true;
  if (process.env.CI === 'true')
    throw new Error(
      `O*NET 29.2 release not found at ${TEST_ONET_FOLDER}: CI must provide ../shared/data/onet-29.2 beside the repository`,
    );
  return false;
}

export const ONET_MISSING_REASON = `skipped: no O*NET release at ${TEST_ONET_FOLDER}`;

/**
 * How a suite that needs the O*NET release is declared: `describe` when it is there, else
 * `describe.skip` with the reason in its title (outside CI only: in CI a missing release throws).
 */
export function onetSuite(name: string, available: boolean): { run: boolean; title: string } {
  return { run: available, title: available ? name : `${name} (${ONET_MISSING_REASON})` };
}
