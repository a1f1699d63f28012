import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { DataContext } from '../context';
import { entitiesOf } from '../options';
import { startProgress } from '../progress';

const PAGE = 1000;

export interface ExportOptions {
  out: string;
  model?: string;
  entity?: string;
  json?: boolean;
}

/**
 * Writes every current vector of a model as JSON Lines (README, "Command line"): the original
 * design's local vector file. Pages by id, so memory holds one page; written to `<out>.partial`
 * and renamed at the end, so `<out>` is never half a file.
 */
export async function exportVectors(context: DataContext, options: ExportOptions): Promise<void> {
  const modelId = options.model ?? (await context.searchedModel.modelId());
  const out = resolve(options.out);
  const partial = `${out}.partial`;
  const entities = entitiesOf(options.entity);
  const coverage = await context.vectors.coverage(modelId);
  const total = entities.reduce((sum, entity) => sum + coverage[entity].current, 0);
  const progress = startProgress('export', Math.max(1, total), { unit: 'vectors' });
  const file = createWriteStream(partial);
  const started = Date.now();
  const counts: Record<string, number> = {};
  try {
    let written = 0;
    for (const entity of entities) {
      counts[entity] = 0;
      let after: string | null = null;
      for (;;) {
        const page = await context.vectors.exportPage(entity, modelId, after, PAGE);
        if (page.length === 0) break;
        for (const row of page) {
          const line = JSON.stringify({
            entity,
            id: row.id,
            externalId: row.externalId,
            modelId,
            contentHash: row.contentHash,
            dimension: row.vector.length,
            vector: row.vector,
          });
          if (!file.write(`${line}\n`)) await once(file, 'drain');
        }
        after = page[page.length - 1]!.id;
        counts[entity] += page.length;
        written += page.length;
        progress.update(written);
      }
    }
    file.end();
    await once(file, 'close');
    await rename(partial, out);
    progress.stop();
    const seconds = (Date.now() - started) / 1000;
    const summary = { out, modelId, vectors: written, ...counts, seconds };
    process.stdout.write(
      options.json
        ? `${JSON.stringify(summary)}\n`
        : `Exported ${written} vectors of ${modelId} (${entities.map((entity) => `${counts[entity]} ${entity}s`).join(', ')}) to ${out} in ${seconds.toFixed(1)} s.\n`,
    );
  } catch (error) {
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    progress.stop();
  }
}
