import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_ONET_DATA_FILE, importOnet, mergeOnetTaxonomy, writeOnetDataFiles } from '@jobmatch/skills';

/** `taxonomy import --onet <folder> [--out <file>]`: the O*NET text release → the runtime data file. */
export function registerTaxonomyCommands(program: Command): void {
  const taxonomy = program.command('taxonomy').description('the skills taxonomy and its O*NET data');
  taxonomy
    .command('import')
    .description('read the O*NET text release in <folder> and write the runtime data file (skills and occupations)')
    .usage('--onet <folder> [--out <file>]')
    .requiredOption('--onet <folder>', 'folder of the O*NET text release (e.g. db_29_2_text)')
    .option('--out <file>', 'data file to write (default: $ONET_DATA_FILE, else .data/onet/onet-data.json)')
    .action((options: { onet: string; out?: string }) => {
      const folder = resolve(options.onet);
      const out = resolve(options.out ?? process.env.ONET_DATA_FILE ?? DEFAULT_ONET_DATA_FILE);
      const dataset = importOnet(folder);
      const merged = mergeOnetTaxonomy(dataset); // validates the merge before anything is written
      writeOnetDataFiles(out, dataset);
      process.stdout.write(
        `Imported O*NET ${dataset.release} from ${folder}: ${merged.taxonomy.all().length} skills ` +
          `(${merged.imported} from O*NET, ${merged.mergedIntoCurated} O*NET entries merged into curated skills, ${merged.generic} generic entries not extracted), ` +
          `${dataset.occupations.length} occupations.\nWrote ${out} (set ONET_DATA_FILE=${out} for the services).\n${dataset.attribution}\n`,
      );
    });
}
