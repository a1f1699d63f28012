import type { EmbeddableEntity } from '@jobmatch/contracts';
import type { DataContext } from '../context';
import { EXIT_FAILED, EXIT_INTERRUPTED } from '../exit-codes';
import { entitiesOf } from '../options';
import { startProgress } from '../progress';

export interface BackfillOptions {
  model?: string;
  entity?: string;
  batchSize: number;
  wait: boolean;
  pollMs: number;
  stallSeconds: number;
  json?: boolean;
}

export interface BackfillSummary {
  modelId: string;
  /** Rows without a current vector when the backfill started, all of which were enqueued. */
  queued: number;
  /** Rows that got a current vector while the backfill watched. */
  embedded: number;
  /** Rows still without one at the end (0 when it completed). */
  remaining: number;
  seconds: number;
  /** embedded ÷ seconds, the pipeline's throughput as the operator saw it. */
  perSecond: number;
  outcome: 'completed' | 'not-waited' | 'stalled' | 'interrupted';
}

async function totals(context: DataContext, entities: EmbeddableEntity[], modelId: string) {
  const coverage = await context.vectors.coverage(modelId);
  let total = 0;
  let current = 0;
  let failed = 0;
  for (const entity of entities) {
    total += coverage[entity].rows;
    current += coverage[entity].current;
    failed += await context.coverage.failedCount(entity);
  }
  return { total, current, failed };
}

/**
 * Enqueues every row without a current vector of the model (none, another model's, or one of an
 * older text), in batches (addBulk), under the deterministic job ids (entity, id, content hash,
 * model): interrupted and run again, a row already queued is not queued twice. Then watches the
 * database until the vectors are there: the bar counts rows embedded, not jobs enqueued.
 */
export async function backfill(context: DataContext, options: BackfillOptions): Promise<void> {
  const modelId = options.model ?? (await context.searchedModel.modelId());
  const entities = entitiesOf(options.entity);
  const started = Date.now();
  const before = await totals(context, entities, modelId);

  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    let queued = 0;
    const enqueueBar = startProgress('enqueue', Math.max(1, before.total - before.current), { unit: 'rows' });
    try {
      for (const entity of entities) {
        let after: string | null = null;
        while (!interrupted) {
          const rows = await context.vectors.rowsWithoutCurrentVector(entity, modelId, options.batchSize, after ?? undefined);
          if (rows.length === 0) break;
          await context.producer.enqueue(
            rows.map((row) => ({ entity, id: row.id, contentHash: row.contentHash, modelId })),
          );
          after = rows[rows.length - 1]!.id;
          queued += rows.length;
          enqueueBar.update(queued);
        }
      }
    } finally {
      enqueueBar.stop();
    }

    const finish = (summary: Omit<BackfillSummary, 'modelId' | 'seconds' | 'perSecond'>) => {
      const seconds = (Date.now() - started) / 1000;
      const result: BackfillSummary = {
        modelId,
        ...summary,
        seconds,
        perSecond: seconds > 0 ? Math.round((summary.embedded / seconds) * 10) / 10 : 0,
      };
      process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : describe(result));
      if (result.outcome === 'stalled') process.exitCode = EXIT_FAILED;
      if (result.outcome === 'interrupted') process.exitCode = EXIT_INTERRUPTED;
    };
    if (interrupted)
      return finish({ queued, embedded: 0, remaining: before.total - before.current, outcome: 'interrupted' });
    if (!options.wait)
      return finish({ queued, embedded: 0, remaining: before.total - before.current, outcome: 'not-waited' });

    const bar = startProgress(`backfill ${modelId}`, Math.max(1, before.total - before.current), { unit: 'embedded' });
    let lastCurrent = before.current;
    let lastProgressAt = Date.now();
    try {
      for (;;) {
        const now = await totals(context, entities, modelId);
        const embedded = Math.max(0, now.current - before.current);
        bar.setTotal(Math.max(1, before.total - before.current + (now.total - before.total)));
        bar.update(embedded, now.failed > 0 ? `${now.failed} failed` : undefined);
        const remaining = now.total - now.current;
        if (remaining <= 0) return finish({ queued, embedded, remaining: 0, outcome: 'completed' });
        if (interrupted) return finish({ queued, embedded, remaining, outcome: 'interrupted' });
        if (now.current !== lastCurrent) {
          lastCurrent = now.current;
          lastProgressAt = Date.now();
        } else if (Date.now() - lastProgressAt > options.stallSeconds * 1000) {
          // No vector for a while: nothing left to run (all failed), or no embedder working.
          const counts = await context.queue.counts();
          if (
            counts.waiting + counts.active + counts.delayed + counts.prioritized === 0 ||
            Date.now() - lastProgressAt > options.stallSeconds * 3000
          ) {
            return finish({ queued, embedded, remaining, outcome: 'stalled' });
          }
        }
        await new Promise((resolve) => setTimeout(resolve, options.pollMs));
      }
    } finally {
      bar.stop();
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function describe(summary: BackfillSummary): string {
  const head = `Backfill of ${summary.modelId}: ${summary.queued} rows queued`;
  switch (summary.outcome) {
    case 'completed':
      return `${head}; ${summary.embedded} embedded in ${summary.seconds.toFixed(1)} s (${summary.perSecond}/s). Every row has a current vector.\n`;
    case 'not-waited':
      return `${head} (--no-wait: the embedder works through them; \`queue status\` shows the backlog).\n`;
    case 'interrupted':
      return `${head}; interrupted after ${summary.embedded} embedded. Queued jobs keep running; run backfill again to continue (nothing is queued twice).\n`;
    case 'stalled':
      return `${head}; ${summary.embedded} embedded, then no progress: ${summary.remaining} rows still without a vector. See \`queue status\` (failures and their reasons; \`queue retry-failed\`) and whether an embedder serving ${summary.modelId} runs.\n`;
  }
}
