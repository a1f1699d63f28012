import type { Command } from 'commander';
import type { BackfillOptions } from '../actions/backfill';
import { CliError } from '../cli-error';
import { withDataContext } from '../lazy-context';
import { positiveInt } from '../options';

export function registerBackfillCommands(program: Command): void {
  program
    .command('backfill')
    .description(
      'embed every row whose vector is missing, stale (older text) or of another model; the bar follows completed embeddings; safe to interrupt and run again',
    )
    .option('--model <id>', 'model to build vectors for (default: MODEL_ID); an embedder serving it must run')
    .option('--entity <entity>', 'job, resume or all', 'all')
    .option('--batch-size <n>', 'rows per queue call (addBulk)', positiveInt('--batch-size'), 500)
    .option('--no-wait', 'enqueue and exit without waiting for the vectors')
    .option('--poll-ms <ms>', 'how often the database is counted', positiveInt('--poll-ms'), 1000)
    .option(
      '--stall-seconds <s>',
      'give up after this long without a new vector and nothing left in the queue',
      positiveInt('--stall-seconds'),
      60,
    )
    .option('--json', 'print the summary as one JSON object')
    .action((options: BackfillOptions) => {
      if (options.model !== undefined && !options.model.trim()) throw new CliError('--model must name a model', 2);
      return import('../actions/backfill.js').then(({ backfill }) =>
        withDataContext((context) => backfill(context, options)),
      );
    });
}
