import type { Command } from 'commander';
import { CliError } from '../cli-error';

/** The database side, loaded only when a model command runs (not for --help or other groups). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
const actions = async (): Promise<typeof import('../model-actions')> => require('../model-actions') as typeof import('../model-actions');

/**
 * `model status | register | activate | drop`: the operator's side of a model switch (README
 * "Switching the embedding model"). The registry and its rules live in libs/db (ModelRegistry);
 * these commands parse, call it (../model-actions.ts) and print.
 */
export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('embedding models: status and coverage, switch the searched model, drop old vectors');
  model
    .command('status')
    .description('every registered model: state, dimension, and how many jobs and resumes have a vector of their current content')
    .option('--json', 'print JSON instead of a table')
    .action((options: { json?: boolean }) =>
      actions().then(({ withRegistry, statusTable }) =>
        withRegistry(async (registry) => {
          const models = await registry.status();
          process.stdout.write(options.json ? `${JSON.stringify(models, null, 2)}\n` : statusTable(models));
        }),
      ),
    );
  model
    .command('register')
    .description('register a model (state building) and build its HNSW indexes CONCURRENTLY; the embedder does this itself at start-up')
    .argument('<model-id>', 'model id, e.g. sentence-transformers/all-mpnet-base-v2')
    .requiredOption('--dimension <n>', 'dimension of its vectors', (value) => Number.parseInt(value, 10))
    .action((modelId: string, options: { dimension: number }) =>
      actions().then(({ withRegistry }) =>
        withRegistry(async (registry) => {
          const registered = await registry.register(modelId, options.dimension);
          process.stdout.write(`${registered.modelId} (${registered.dimension}-d) is ${registered.state}\n`);
        }),
      ),
    );
  model
    .command('activate')
    .description('make <model-id> the searched model (refused until every row has a vector of it, unless --force); the APIs follow within ACTIVE_MODEL_REFRESH_MS')
    .argument('<model-id>')
    .option('--force', 'switch even though some rows have no vector of it yet (they report PENDING and are embedded next)')
    .action((modelId: string, options: { force?: boolean }) =>
      actions().then(({ withRegistry, coverageLine }) =>
        withRegistry(async (registry) => {
          const previous = await registry.activeModelId();
          const active = await registry.activate(modelId, { force: options.force === true });
          process.stdout.write(
            `${active.modelId} is the active model${previous && previous !== active.modelId ? ` (was ${previous}, now retired; its vectors stay until \`model drop ${previous}\`)` : ''}.\n` +
              `Coverage: ${coverageLine(active)}\n`,
          );
        }),
      ),
    );
  model
    .command('drop')
    .description('delete the vectors and HNSW indexes of a model that is not active (the registry keeps its row)')
    .argument('<model-id>')
    .option('--yes', 'confirm: the vectors cannot be recovered except by embedding again')
    .action((modelId: string, options: { yes?: boolean }) =>
      {
        if (!options.yes) throw new CliError(`Dropping deletes every vector of ${modelId}; run again with --yes to confirm.`, 2);
        return actions().then(({ withRegistry }) =>
          withRegistry(async (registry) => {
            const { deleted } = await registry.drop(modelId);
            process.stdout.write(`Dropped ${modelId}: ${deleted.job} job and ${deleted.resume} resume vectors deleted, indexes removed.\n`);
          }),
        );
      },
    );
}
