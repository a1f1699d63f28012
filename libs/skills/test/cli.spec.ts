import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..', '..');

function runCli(args: string[], input: string) {
  return spawnSync('pnpm', ['--silent', 'cli', ...args], { cwd: repoRoot, input, encoding: 'utf8', timeout: 60_000 });
}

describe('cli skills extract', () => {
  it('prints only a JSON array of canonical names', () => {
    const result = runCli(['skills', 'extract'], 'We need k8s, Postgres and React.js. Excellent communication skills.');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['Kubernetes', 'PostgreSQL', 'React', 'Communication']);
    expect(result.stdout.trim().startsWith('[')).toBe(true);
  }, 60_000);

  it('prints [] for empty input and fails with usage on a wrong command', () => {
    expect(JSON.parse(runCli(['skills', 'extract'], '').stdout)).toEqual([]);
    const bad = runCli(['skills', 'nope'], '');
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
  }, 60_000);
});
