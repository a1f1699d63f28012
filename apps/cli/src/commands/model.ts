import type { Command } from 'commander';
import { loadConfig, modelCliEnvSchema } from '@jobmatch/config';
import { createPgPool, ModelRegistry, ModelRegistryError, type ModelStatus } from '@jobmatch/db';
import { CliError } from '../cli-error';

/**
 * `model status | register | activate | drop`: the operator's side of a model switch (README
 * "Switching the embedding model"). The registry and its rules live in libs/db (ModelRegistry);
 * these commands parse, call it and print.
 */
export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('embedding models: status and coverage, switch the searched model, drop old vectors');
  model
    .command('status')
    .description('every registered model: state, dimension, and how many jobs and resumes have a vector of their current content')
    .option('--json', 'print JSON instead of a table')
    .action((options: { json?: boolean }) =>
      withRegistry(async (registry) => {
        const models = await registry.status();
        process.stdout.write(options.json ? `${JSON.stringify(models, null, 2)}\n` : statusTable(models));
      }),
    );
  model
    .command('register')
    .description('register a model (state building) and build its HNSW indexes CONCURRENTLY; the embedder does this itself at start-up')
    .argument('<model-id>', 'model id, e.g. sentence-transformers/all-mpnet-base-v2')
    .requiredOption('--dimension <n>', 'dimension of its vectors', (value) => Number.parseInt(value, 10))
    .action((modelId: string, options: { dimension: number }) =>
      withRegistry(async (registry) => {
        const registered = await registry.register(modelId, options.dimension);
        process.stdout.write(`${registered.modelId} (${registered.dimension}-d) is ${registered.state}\n`);
      }),
    );
  model
    .command('activate')
    .description('make <model-id> the searched model (refused until every row has a vector of it, unless --force); the APIs follow within ACTIVE_MODEL_REFRESH_MS')
    .argument('<model-id>')
    .option('--force', 'switch even though some rows have no vector of it yet (they report PENDING and are embedded next)')
    .action((modelId: string, options: { force?: boolean }) =>
      withRegistry(async (registry) => {
        const previous = await registry.activeModelId();
        const active = await registry.activate(modelId, { force: options.force === true });
        process.stdout.write(
          `${active.modelId} is the active model${previous && previous !== active.modelId ? ` (was ${previous}, now retired; its vectors stay until \`model drop ${previous}\`)` : ''}.\n` +
            `Coverage: ${coverageLine(active)}\n`,
        );
      }),
    );
  model
    .command('drop')
    .description('delete the vectors and HNSW indexes of a model that is not active (the registry keeps its row)')
    .argument('<model-id>')
    .option('--yes', 'confirm: the vectors cannot be recovered except by embedding again')
    .action((modelId: string, options: { yes?: boolean }) =>
      withRegistry(async (registry) => {
        if (!options.yes) throw new CliError(`Dropping deletes every vector of ${modelId}; run again with --yes to confirm.`, 2);
        const { deleted } = await registry.drop(modelId);
        process.stdout.write(`Dropped ${modelId}: ${deleted.job} job and ${deleted.resume} resume vectors deleted, indexes removed.\n`);
      }),
    );
}

async function withRegistry(work: (registry: ModelRegistry) => Promise<void>): Promise<void> {
  const config = loadConfig(modelCliEnvSchema);
  const pool = createPgPool({ url: config.DATABASE_URL, poolSize: 2 });
  try {
    await work(new ModelRegistry(pool));
  } catch (error) {
    if (error instanceof ModelRegistryError) throw new CliError(error.message);
    throw error;
  } finally {
    await pool.end();
  }
}

function coverageLine(model: ModelStatus): string {
  const part = (name: string, { rows, current, stale }: { rows: number; current: number; stale: number }) =>
    `${name} ${current}/${rows}${rows > 0 ? ` (${((100 * current) / rows).toFixed(1)} %)` : ''}${stale > 0 ? `, ${stale} stale` : ''}`;
  return `${part('jobs', model.coverage.job)}; ${part('resumes', model.coverage.resume)}${model.complete ? ' — complete' : ''}`;
}

function statusTable(models: ModelStatus[]): string {
  const rows = models.map((model) => [
    model.modelId,
    String(model.dimension),
    model.droppedAt ? 'retired (dropped)' : model.state,
    coverageLine(model),
  ]);
  const header = ['model', 'dim', 'state', 'coverage (rows with a vector of their current content)'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `${cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`;
  return line(header) + rows.map(line).join('');
}
