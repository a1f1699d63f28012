/**
 * Command-line entry for scripts: `pnpm --silent cli skills extract < posting.txt`
 * prints a JSON array of canonical skill names (and nothing else) on stdout.
 */
import { extractSkills } from './extractor';

const USAGE = 'usage: cli skills extract   (reads text on stdin, prints a JSON array of skill names)';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  const [group, command] = argv;
  if (group !== 'skills' || command !== 'extract') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const text = await readStdin();
  process.stdout.write(`${JSON.stringify(extractSkills(text).map((s) => s.name))}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
