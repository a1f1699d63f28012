import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDataContext } from '../lazy-context';
import { positiveInt } from '../options';
import type { FileImportOptions, ResumeImportOptions } from '../actions/import';

/** The implementations load with the command that runs (Nest, the matcher's services): --help stays quick. */
const actions = () => import('../actions/import.js');

const FORMATS_HELP =
  'json (an array of objects), jsonl (one object a line) or csv (a header row); default: from the extension';

export function registerImportCommands(program: Command): void {
  const imports = program
    .command('import')
    .description(
      'load jobs, resumes or vectors from files: streamed, validated like the HTTP API, upserted by externalId (exit 3 when records were rejected)',
    );
  const common = (command: Command) =>
    command
      .option('--batch-size <n>', 'rows per upsert statement and per queue call', positiveInt('--batch-size'), 500)
      .option('--rejects <file>', 'also write the rejected records as JSON Lines ({line|record|file, reason})')
      .option('--json', 'print the summary as one JSON object')
      .option('--tenant <name>', 'tenant the records belong to (`keys list` shows tenants; `default` holds rows written before tenants)', 'default');

  common(
    imports
      .command('jobs')
      .description('import job postings: each record is a POST /jobs body with an externalId (README, "Command line")')
      .requiredOption('--file <path>', 'a .json, .jsonl or .csv file')
      .option('--format <format>', FORMATS_HELP),
  ).action(async (options: FileImportOptions) => {
    const { inputFile, importJobs } = await actions();
    const input = await inputFile(options.file, options.format);
    await withDataContext((context) => importJobs(context, input, options));
  });

  common(
    imports
      .command('resumes')
      .description(
        'import resumes: a folder of PDF/DOCX/TXT files (externalId = path in the folder) or a JSON Lines file of {externalId, text, fileName?}',
      )
      .option('--dir <folder>', 'folder of .pdf, .docx, .txt or .md resumes (searched recursively)')
      .option('--file <path>', 'JSON Lines, one {"externalId", "text", "fileName"?} a line'),
  ).action(async (options: ResumeImportOptions) => {
    if (Boolean(options.dir) === Boolean(options.file))
      throw new CliError(
        'Give either --dir <folder of PDF/DOCX/TXT files> or --file <JSON Lines of {externalId, text}>.',
        2,
      );
    if (options.dir && !(await stat(options.dir).catch(() => null))?.isDirectory())
      throw new CliError(`No such folder: ${resolve(options.dir)}`);
    const { importResumes } = await actions();
    await withDataContext((context) => importResumes(context, options));
  });

  common(
    imports
      .command('vectors')
      .description(
        'store vectors from a file written by `export` onto the rows they were computed for (matched by externalId, else id; only while the text is unchanged)',
      )
      .requiredOption('--file <path>', 'JSON Lines written by `export`'),
  ).action(async (options: FileImportOptions) => {
    const { inputFile, importVectors } = await actions();
    const input = await inputFile(options.file, 'jsonl');
    await withDataContext((context) => importVectors(context, input, options));
  });
}
