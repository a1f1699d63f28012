import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A service's production start command (its package.json "start", which scripts/start-service.sh,
 * the Dockerfile and up.sh run): the `VAR=value` environment and the node flags, so a benchmark
 * measures the process as deployed.
 */
export function productionStart(appDir: string): { env: Record<string, string>; nodeFlags: string[]; script: string } {
  const start = (JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let index = 0;
  for (; index < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[index]!); index++) {
    const [name, ...value] = words[index]!.split('=');
    env[name!] = value.join('=');
  }
  if (words[index] !== 'node') throw new Error(`Unexpected start script in ${appDir}: ${start}`);
  const rest = words.slice(index + 1);
  return { env, nodeFlags: rest.filter((word) => word.startsWith('--')), script: path.join(appDir, rest.find((word) => !word.startsWith('--'))!) };
}
