import { tmpdir } from 'node:os';
import path from 'node:path';
import { importOnet, writeOnetDataFiles } from '@jobmatch/skills';
import { TEST_ONET_FOLDER, testOnetReleaseAvailable } from './onet-release';

let written: string | undefined;

/**
 * Imports the test release (onet-release.ts) once per test process into a temporary
 * ONET_DATA_FILE and returns its path; null when it is missing outside CI.
 */
export function testOnetDataFile(): string | null {
  if (written) return written;
  if (!testOnetReleaseAvailable()) return null;
  const file = path.join(tmpdir(), `jobmatch-onet-test-${process.pid}.json`);
  writeOnetDataFiles(file, importOnet(TEST_ONET_FOLDER));
  written = file;
  return file;
}
