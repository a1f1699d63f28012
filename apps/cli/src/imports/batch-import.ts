import type { UpsertOutcome } from '@jobmatch/db';
import type { RecordPosition } from './record-source';
import { describePosition } from './record-source';

/** One record to import, or why it cannot be. */
export type PreparedRecord<T> =
  { externalId: string; item: T; at: RecordPosition } | { error: string; at: RecordPosition };

/** What writing one batch did (JobsService/ResumesService.upsertMany). */
export interface BatchWrite {
  outcomes: UpsertOutcome[];
  /** Embedding jobs sent to the queue. */
  enqueued: number;
  /** False when Redis was unreachable: the rows stay PENDING (the sweeper and `backfill` enqueue them). */
  queued: boolean;
}

export interface ImportSummary {
  read: number;
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  enqueued: number;
  /** Written rows whose embedding job could not be queued (Redis down). */
  notEnqueued: number;
  batches: number;
  seconds: number;
}

export interface Rejection {
  at: RecordPosition;
  reason: string;
}

export interface BatchImportOptions<T> {
  /** Rows per upsert statement and per queue call. */
  batchSize: number;
  /** Records prepared at once (document parsing runs in the parser pool's processes). */
  concurrency?: number;
  write(items: T[]): Promise<BatchWrite>;
  onRejected(rejection: Rejection): void;
  onProgress?(summary: ImportSummary): void;
}

/**
 * Streams prepared records into batched upserts: a bad record is reported and skipped, the good
 * ones go on; a batch is written when full, or early when an external id repeats within it (an
 * upsert statement cannot touch a row twice, and the later record must win). Memory holds one
 * batch, whatever the size of the input. A write that fails (database down) stops the import; the
 * batches before it are committed, and running the import again upserts the same rows.
 */
export async function batchImport<T>(
  records: AsyncIterable<PreparedRecord<T> | Promise<PreparedRecord<T>>>,
  options: BatchImportOptions<T>,
): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = {
    read: 0,
    imported: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    enqueued: 0,
    notEnqueued: 0,
    batches: 0,
    seconds: 0,
  };
  let batch = new Map<string, T>();

  const flush = async () => {
    if (batch.size === 0) return;
    const items = [...batch.values()];
    batch = new Map();
    const result = await options.write(items);
    summary.batches++;
    summary.imported += items.length;
    for (const outcome of result.outcomes) summary[outcome]++;
    summary.enqueued += result.enqueued;
    if (!result.queued) summary.notEnqueued += result.outcomes.filter((outcome) => outcome !== 'unchanged').length;
    options.onProgress?.(summary);
  };

  const take = async (record: PreparedRecord<T>) => {
    summary.read++;
    if ('error' in record) {
      summary.rejected++;
      options.onRejected({ at: record.at, reason: record.error });
      return;
    }
    if (batch.has(record.externalId)) await flush();
    batch.set(record.externalId, record.item);
    if (batch.size >= options.batchSize) await flush();
  };

  const concurrency = Math.max(1, options.concurrency ?? 1);
  let inFlight: Promise<PreparedRecord<T>>[] = [];
  for await (const record of records as AsyncIterable<PreparedRecord<T> | Promise<PreparedRecord<T>>>) {
    if (concurrency === 1) {
      await take(await record);
      continue;
    }
    inFlight.push(Promise.resolve(record));
    if (inFlight.length >= concurrency) {
      for (const prepared of await Promise.all(inFlight)) await take(prepared);
      inFlight = [];
    }
  }
  for (const prepared of await Promise.all(inFlight)) await take(prepared);
  await flush();
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

export function formatRejection(rejection: Rejection): string {
  return `rejected ${describePosition(rejection.at)}: ${rejection.reason}`;
}

export function formatSummary(what: string, summary: ImportSummary): string {
  const rate = summary.seconds > 0 ? Math.round(summary.read / summary.seconds) : summary.read;
  const lines = [
    `Imported ${summary.imported} of ${summary.read} ${what} in ${summary.seconds.toFixed(1)} s (${rate}/s): ` +
      `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged; ${summary.rejected} rejected.`,
    `Embedding jobs queued: ${summary.enqueued}.`,
  ];
  if (summary.notEnqueued > 0)
    lines.push(
      `Not queued (Redis unreachable): ${summary.notEnqueued} rows stay PENDING; run \`backfill\` once Redis is back.`,
    );
  return `${lines.join('\n')}\n`;
}
