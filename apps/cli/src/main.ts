#!/usr/bin/env node
/**
 * The operator's command line (`pnpm cli …` runs `node apps/cli/dist/main.js …`, the built output,
 * so the same program runs in the production image). `--help` on every command.
 */
import { runCli } from './program';

runCli(process.argv).then((code) => {
  // Exit once the output is flushed: a client still reconnecting (e.g. to a Redis that is down)
  // must not keep a finished command alive.
  process.stdout.write('', () => process.exit(code));
});
