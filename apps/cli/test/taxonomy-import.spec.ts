import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOnetDataset } from '@jobmatch/skills';
import { onetSuite, TEST_ONET_FOLDER as ONET_FOLDER, testOnetReleaseAvailable } from '@jobmatch/testing';
import { runCliSync } from './run-cli';

const runCli = (args: string[], env: Record<string, string> = {}, input = '') => runCliSync(args, { env, input });
const suite = onetSuite('cli taxonomy import --onet', testOnetReleaseAvailable());

(suite.run ? describe : describe.skip)(suite.title, () => {
  const dir = mkdtempSync(join(tmpdir(), 'onet-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the data file where --out says, with the release and its attribution, and says so', () => {
    const out = join(dir, 'onet-data.json');
    const result = runCli(['taxonomy', 'import', '--onet', ONET_FOLDER, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Imported O\*NET 29\.2 from .*: \d{4,} skills/);
    expect(result.stdout).toContain('CC BY 4.0');
    const dataset = readOnetDataset(out);
    expect(dataset.release).toBe('29.2');
    expect(dataset.occupations.length).toBe(1016);
    expect(existsSync(`${out}.automaton`)).toBe(true);
    // skills extract then uses it (ONET_DATA_FILE), e.g. a product only O*NET knows.
    const extracted = runCli(
      ['skills', 'extract'],
      { ONET_DATA_FILE: out },
      'We monitor with Zabbix and bill in Oracle NetSuite.',
    );
    expect(JSON.parse(extracted.stdout)).toEqual(['Zabbix', 'Oracle NetSuite']);
  }, 180_000);

  it('fails with a message naming the missing file, and writes nothing', () => {
    const out = join(dir, 'never.json');
    const result = runCli(['taxonomy', 'import', '--onet', dir, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/O\*NET file missing: .*Read Me\.txt/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('prints usage without --onet', () => {
    const result = runCli(['taxonomy', 'import']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('taxonomy import --onet <folder>');
  }, 120_000);
});
