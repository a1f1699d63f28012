import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The O*NET 29.2 text release, used by path only (never copied into the repo): `../shared/data/onet-29.2`
 * beside the repository, as in CI. In CI (CI=true) a missing folder fails the suite; elsewhere the
 * suites that need it are skipped with the reason in their name.
 */
export const ONET_FOLDER = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'onet-29.2');
export const ONET_AVAILABLE = existsSync(join(ONET_FOLDER, 'Technology Skills.txt'));

if (!ONET_AVAILABLE && process.env.CI === 'true') {
  throw new Error(`O*NET 29.2 release not found at ${ONET_FOLDER}: CI must provide ../shared/data/onet-29.2 beside the repository`);
}

/** `describe` when the release is there, else `describe.skip` with the reason in the title. */
export const describeWithOnet = (name: string, fn: () => void) =>
  ONET_AVAILABLE ? describe(name, fn) : describe.skip(`${name} (skipped: no O*NET release at ${ONET_FOLDER})`, fn);
