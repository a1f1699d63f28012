import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { formatRejection, type Rejection } from './batch-import';

/**
 * Where rejections go: one line each on stderr as they happen (never collected in memory), and
 * with --rejects also a JSON Lines file ({"line"|"record"|"file", "reason"}) to fix and re-import.
 */
export class RejectionReport {
  private readonly file?: WriteStream;

  constructor(path?: string) {
    if (path) this.file = createWriteStream(path);
  }

  add(rejection: Rejection): void {
    process.stderr.write(`${formatRejection(rejection)}\n`);
    this.file?.write(`${JSON.stringify({ ...rejection.at, reason: rejection.reason })}\n`);
  }

  async close(): Promise<void> {
    if (!this.file) return;
    this.file.end();
    await once(this.file, 'close');
  }
}
