import type { Job } from 'bullmq';
import type { EmbeddableEntity, EmbedEntityPayload } from '@jobmatch/contracts';
import type { DataContext } from '../context';
import { EXIT_FAILED } from '../exit-codes';
import { ENTITIES } from '../options';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const PAGE = 100;

export interface StatusOptions {
  failures: number;
  json?: boolean;
}

export async function status(context: DataContext, options: StatusOptions): Promise<void> {
  const modelId = await context.searchedModel.modelId();
  const [counts, oldest, failures] = await Promise.all([
    context.queue.counts(),
    context.queue.oldestWaitingSince(),
    context.queue.recentFailures(options.failures),
  ]);
  const oldestWaitingSeconds = oldest ? Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000)) : null;
  const rows: Record<string, { total: number; current: number; failed: number }> = {};
  const coverage = await context.vectors.coverage(modelId);
  for (const entity of ENTITIES) rows[entity] = { total: coverage[entity].rows, current: coverage[entity].current, failed: await context.coverage.failedCount(entity) };
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ queue: counts, oldestWaitingSeconds, failures, rows, modelId })}\n`,
    );
    return;
  }
  const lines = [
    `Embedding queue: ${counts.waiting} waiting, ${counts.active} active, ${counts.delayed} delayed (retry backoff), ${counts.failed} failed, ${counts.completed} completed (kept for an hour).`,
    `Oldest waiting job: ${oldestWaitingSeconds === null ? 'none waiting' : `queued ${oldestWaitingSeconds} s ago`}.`,
    `Rows with a current ${modelId} vector: ${ENTITIES.map((entity) => `${rows[entity]!.current}/${rows[entity]!.total} ${entity}s (${rows[entity]!.failed} FAILED)`).join(', ')}.`,
  ];
  if (failures.length > 0) {
    lines.push(`Last ${failures.length} failures (newest first; \`queue retry-failed\` runs them again):`);
    for (const failure of failures)
      lines.push(
        `  ${failure.finishedOn ?? '?'}  ${failure.id}  after ${failure.attemptsMade} attempts: ${failure.failedReason}`,
      );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export interface RetryOptions {
  id?: string[];
  json?: boolean;
}

interface RetrySummary {
  retriedJobs: number;
  requeuedRows: number;
  notFound: string[];
}

function payloadOf(job: Job): EmbedEntityPayload | null {
  const data = job.data as Partial<EmbedEntityPayload> | null;
  return data &&
    (data.entity === 'job' || data.entity === 'resume') &&
    typeof data.id === 'string' &&
    typeof data.contentHash === 'string'
    ? (data as EmbedEntityPayload)
    : null;
}

/** A failed job runs again with all its attempts; its row (FAILED) goes back to PENDING. */
async function retryJob(context: DataContext, job: Job): Promise<boolean> {
  if (!(await context.queue.retry(job))) return false;
  const payload = payloadOf(job);
  if (payload)
    await context.coverage.markPendingAgain(payload.entity, [{ id: payload.id, contentHash: payload.contentHash }]);
  return true;
}

/**
 * FAILED rows are set PENDING again and enqueued (their failed jobs were just retried, so adding
 * is a no-op for those; rows whose job is gone, e.g. after Redis lost its data, get one).
 */
async function requeueRows(
  context: DataContext,
  entity: EmbeddableEntity,
  rows: { id: string; contentHash: string }[],
): Promise<number> {
  const reset = await context.coverage.markPendingAgain(entity, rows);
  const modelId = await context.searchedModel.modelId();
  await context.producer.enqueue(
    rows.map((row) => ({ entity, id: row.id, contentHash: row.contentHash, modelId })),
  );
  return reset;
}

export async function retryFailed(context: DataContext, options: RetryOptions): Promise<void> {
  const summary: RetrySummary = { retriedJobs: 0, requeuedRows: 0, notFound: [] };
  if (options.id && options.id.length > 0) {
    for (const id of options.id) {
      if (await retryOne(context, id, summary)) continue;
      summary.notFound.push(id);
    }
  } else {
    // Retried jobs leave the failed set, so the first page is read again until it is empty.
    const seen = new Set<string>();
    for (;;) {
      const page = (await context.queue.failedPage(0, PAGE)).filter((job) => !seen.has(job.id ?? ''));
      if (page.length === 0) break;
      for (const job of page) {
        seen.add(job.id ?? '');
        if (await retryJob(context, job)) summary.retriedJobs++;
      }
    }
    for (const entity of ENTITIES) {
      let after: string | null = null;
      for (;;) {
        const rows = await context.coverage.failed(entity, after, PAGE);
        if (rows.length === 0) break;
        summary.requeuedRows += await requeueRows(context, entity, rows);
        after = rows[rows.length - 1]!.id;
      }
    }
  }
  process.stdout.write(
    options.json
      ? `${JSON.stringify(summary)}\n`
      : `Retried ${summary.retriedJobs} failed jobs; re-queued ${summary.requeuedRows} FAILED rows.${summary.notFound.length > 0 ? ` Not failed or unknown: ${summary.notFound.join(', ')}.` : ''}\n`,
  );
  if (summary.notFound.length > 0) process.exitCode = EXIT_FAILED;
}

/** One --id: a queue job id (as `queue status` prints it), or the id of a job posting or resume. */
async function retryOne(context: DataContext, id: string, summary: RetrySummary): Promise<boolean> {
  if (!UUID.test(id)) {
    const job = await context.queue.job(id);
    if (!job || !(await retryJob(context, job))) return false;
    summary.retriedJobs++;
    return true;
  }
  const modelId = await context.searchedModel.modelId();
  for (const entity of ENTITIES) {
    const contentHash = await context.coverage.contentHash(entity, id);
    if (contentHash === null) continue;
    const job = await context.queue.job(
      context.queue.jobIdOf({ entity, id, contentHash, modelId }),
    );
    if (job && (await retryJob(context, job))) {
      summary.retriedJobs++;
      return true;
    }
    // No failed job left for it (e.g. Redis lost its data): queue the FAILED row afresh.
    const requeued = (await context.coverage.failed(entity, null, PAGE)).filter((row) => row.id === id);
    if (requeued.length === 0) return false;
    summary.requeuedRows += await requeueRows(context, entity, requeued);
    return true;
  }
  return false;
}
