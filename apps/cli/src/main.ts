#!/usr/bin/env node
/**
 * The operator's command line (`pnpm cli …` runs `node apps/cli/dist/main.js …`, the built output,
 * so the same program runs in the production image). `--help` on every command.
 */
import { runCli } from './program';

runCli(process.argv).then((code) => {
  process.exitCode = code;
});
