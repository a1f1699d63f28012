/** Entry of runOpenLoopInChild: argv[2] is a file holding the OpenLoopOptions JSON; the LoadResult is the last stdout line. */
import { readFileSync } from 'node:fs';
import { runOpenLoop, type OpenLoopOptions } from './open-loop';

void (async () => {
  const options = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as OpenLoopOptions;
  const result = await runOpenLoop(options);
  process.stdout.write(`${JSON.stringify(result)}\n`);
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
