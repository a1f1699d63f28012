import type { Command } from 'commander';
import type { RetryOptions, StatusOptions } from '../actions/queue';
import { withDataContext } from '../lazy-context';
import { positiveInt } from '../options';

export function registerQueueCommands(program: Command): void {
  const queue = program.command('queue').description('the embedding queue: backlog, failures, retries');
  queue
    .command('status')
    .description(
      'jobs waiting, active, delayed and failed, the oldest waiting job’s age, rows with a current vector, and the last failures with their reasons',
    )
    .option('--failures <n>', 'how many recent failures to show', positiveInt('--failures'), 10)
    .option('--json', 'print one JSON object')
    .action(async (options: StatusOptions) => {
      const { status } = await import('../actions/queue.js');
      await withDataContext((context) => status(context, options));
    });
  queue
    .command('retry-failed')
    .description(
      'run failed embedding jobs again with all their attempts (and FAILED rows whose job is gone); their rows go back to PENDING',
    )
    .option('--id <id...>', 'only these: queue job ids (as `queue status` prints them) or job/resume ids')
    .option('--json', 'print the summary as one JSON object')
    .action(async (options: RetryOptions) => {
      const { retryFailed } = await import('../actions/queue.js');
      await withDataContext((context) => retryFailed(context, options));
    });
}
