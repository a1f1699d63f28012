import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
/** The built program, as `pnpm cli` and the production image run it. */
export const CLI_MAIN = join(REPO_ROOT, 'apps', 'cli', 'dist', 'main.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI to completion (synchronously: for quick commands). */
export function runCliSync(
  args: string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): CliResult {
  const result = spawnSync(process.execPath, [CLI_MAIN, ...args], {
    cwd: REPO_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    env: { ...process.env, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the built CLI without blocking the test's event loop (commands that talk to services the test also serves). */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Through the root package.json script, exactly as the README and scripts/up.sh call it. */
export function runPnpmCliSync(args: string[], input = ''): CliResult {
  const result = spawnSync('pnpm', ['--silent', 'cli', ...args], {
    cwd: REPO_ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
