import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The file a worker thread runs: `<name>.js` beside the caller in a build (dist), or `<name>.ts`
 * when the caller itself runs from the TypeScript sources (tests), which Node 24 runs directly
 * (type stripping). Worker code is an ordinary module either way: type-checked and linted.
 */
export function workerScriptPath(callerDir: string, name: string): string {
  const built = path.join(callerDir, `${name}.js`);
  return existsSync(built) ? built : path.join(callerDir, `${name}.ts`);
}
