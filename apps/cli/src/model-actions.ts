import { loadConfig, modelCliEnvSchema } from '@jobmatch/config';
import { createPgPool, ModelRegistry, ModelRegistryError, type ModelStatus } from '@jobmatch/db';
import { CliError } from './cli-error';

/** The `model` commands' database side (commands/model.ts registers them): a pool per command run. */
export async function withRegistry(work: (registry: ModelRegistry) => Promise<void>): Promise<void> {
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

export function coverageLine(model: ModelStatus): string {
  const part = (name: string, { rows, current, stale }: { rows: number; current: number; stale: number }) =>
    `${name} ${current}/${rows}${rows > 0 ? ` (${((100 * current) / rows).toFixed(1)} %)` : ''}${stale > 0 ? `, ${stale} stale` : ''}`;
  return `${part('jobs', model.coverage.job)}; ${part('resumes', model.coverage.resume)}${model.complete ? ' — complete' : ''}`;
}

export function statusTable(models: ModelStatus[]): string {
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
