import { runCliSync, runPnpmCliSync } from './run-cli';

describe('cli skills extract', () => {
  it('prints only a JSON array of canonical names (through `pnpm --silent cli`, as scripts call it)', () => {
    const result = runPnpmCliSync(
      ['skills', 'extract'],
      'We need k8s, Postgres and React.js. Excellent communication skills.',
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['Kubernetes', 'PostgreSQL', 'React', 'Communication']);
    expect(result.stdout.trim().startsWith('[')).toBe(true);
  }, 60_000);

  it('prints [] for empty input and fails with usage on a wrong command', () => {
    expect(JSON.parse(runCliSync(['skills', 'extract']).stdout)).toEqual([]);
    const bad = runCliSync(['skills', 'nope']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("unknown command 'nope'");
  }, 60_000);
});
