/**
 * Command-line entry for scripts:
 *   `pnpm --silent cli skills extract < posting.txt`  prints a JSON array of canonical skill names
 *     (and nothing else) on stdout; with ONET_DATA_FILE set, over the taxonomy merged with O*NET.
 *   `pnpm cli taxonomy import --onet <folder> [--out <file>]`  reads the O*NET text release in
 *     <folder> and writes the runtime data file (default: $ONET_DATA_FILE, else .data/onet/onet-data.json).
 */
import { resolve } from 'node:path';
import { extractSkills } from './extractor';
import { importOnet } from './onet/import-onet';
import { mergeOnetTaxonomy } from './onet/merge';
import { useOnetDataFile, writeOnetDataFiles } from './onet/use-onet';

const USAGE = [
  'usage: cli skills extract                                  (reads text on stdin, prints a JSON array of skill names)',
  '       cli taxonomy import --onet <folder> [--out <file>]  (imports an O*NET text release)',
].join('\n');

/** Where the importer writes when neither --out nor ONET_DATA_FILE says (inside the repo, ignored by git). */
export const DEFAULT_ONET_DATA_FILE = resolve(__dirname, '..', '..', '..', '.data', 'onet', 'onet-data.json');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [group, command] = argv;
  if (group === 'skills' && command === 'extract') {
    if (process.env.ONET_DATA_FILE) useOnetDataFile(process.env.ONET_DATA_FILE);
    const text = await readStdin();
    process.stdout.write(`${JSON.stringify(extractSkills(text).map((s) => s.name))}\n`);
    return 0;
  }
  if (group === 'taxonomy' && command === 'import') {
    const folder = option(argv, '--onet');
    if (!folder) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const out = resolve(option(argv, '--out') ?? process.env.ONET_DATA_FILE ?? DEFAULT_ONET_DATA_FILE);
    const dataset = importOnet(resolve(folder));
    const merged = mergeOnetTaxonomy(dataset); // validates the merge before anything is written
    writeOnetDataFiles(out, dataset);
    process.stdout.write(
      `Imported O*NET ${dataset.release} from ${resolve(folder)}: ${merged.taxonomy.all().length} skills ` +
        `(${merged.imported} from O*NET, ${merged.mergedIntoCurated} O*NET entries merged into curated skills, ${merged.generic} generic entries not extracted), ` +
        `${dataset.occupations.length} occupations.\nWrote ${out} (set ONET_DATA_FILE=${out} for the services).\n${dataset.attribution}\n`,
    );
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
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
