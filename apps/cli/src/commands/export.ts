import type { Command } from 'commander';
import type { ExportOptions } from '../actions/export';
import { withDataContext } from '../lazy-context';

export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description(
      'write the stored vectors of a model as JSON Lines: {entity, id, externalId, modelId, contentHash, dimension, vector}; `import vectors` reads it back',
    )
    .requiredOption('--out <file>', 'the JSON Lines file to write (e.g. vectors.jsonl)')
    .option('--model <id>', 'model whose vectors to export (default: MODEL_ID)')
    .option('--entity <entity>', 'job, resume or all', 'all')
    .option('--json', 'print the summary as one JSON object')
    .action(async (options: ExportOptions) => {
      const { exportVectors } = await import('../actions/export.js');
      await withDataContext((context) => exportVectors(context, options));
    });
}
