import type { Logger } from '@nestjs/common';

/**
 * A background task of the matcher (the sweeps): one run at a time, on an interval that never
 * keeps the process alive; a failed run is logged and the next one tries again.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  /** Runs `task` every `intervalMs`, the first time after `firstDelayMs` when given. */
  start(intervalMs: number, task: () => Promise<unknown>, firstDelayMs?: number): void {
    const run = () => void task().catch((error: unknown) => this.logger.warn(`${this.name} failed: ${(error as Error).message}`));
    if (firstDelayMs !== undefined) setTimeout(run, firstDelayMs).unref();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** `task`, unless a run is still going (then `busy`). */
  async exclusive<T>(busy: T, task: () => Promise<T>): Promise<T> {
    if (this.running) return busy;
    this.running = true;
    try {
      return await task();
    } finally {
      this.running = false;
    }
  }
}
