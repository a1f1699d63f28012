import { Inject, Injectable } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { APP_CONFIG, type AppConfig } from '../../config';
import { workerScriptPath } from '@jobmatch/nest-common';
import type { ParserRequest, ParserResult } from './parser-protocol';

export type DocumentKind = 'pdf' | 'docx' | 'text';

/** Why a document gave no text; each maps to an HTTP status with a message for people. */
export class DocumentReadError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'encrypted' | 'too-many-pages' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'DocumentReadError';
  }
}

const PARSE_TIMEOUT_MS = 20_000;
/** Parsers of untrusted files get a bounded heap; a zip bomb or a hostile PDF kills its worker, not the API. */
const WORKER_HEAP_MB = 128;
const MAX_CONCURRENT_PARSES = 2;

/**
 * Extracts plain text from uploaded documents. PDF (unpdf) and DOCX (mammoth) parsing runs in a
 * short-lived worker thread: it keeps the event loop free, bounds memory per document, and the
 * heavy parser modules are loaded only there and released when the worker exits, so they never
 * add to the API's resident memory between uploads.
 */
@Injectable()
export class DocumentTextExtractor {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly maxPages: number;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'UPLOAD_MAX_PAGES'>) {
    this.maxPages = config.UPLOAD_MAX_PAGES;
  }

  async extract(kind: DocumentKind, bytes: Buffer): Promise<{ text: string; pages: number | null }> {
    if (kind === 'text') return { text: decodeText(bytes), pages: null };
    await this.acquire();
    try {
      return await this.runWorker({ kind, bytes: new Uint8Array(bytes), maxPages: this.maxPages });
    } finally {
      this.release();
    }
  }

  private runWorker(request: ParserRequest): Promise<{ text: string; pages: number | null }> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(workerScriptPath(__dirname, 'parser.worker'), {
        // Absolute paths resolved here, so the worker loads the parsers from this package's dependencies.
        workerData: { unpdfPath: require.resolve('unpdf'), mammothPath: require.resolve('mammoth') },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        stdout: true,
        stderr: true,
      });
      // Parser warnings are noise in the API's logs; drain and drop them.
      worker.stdout.resume();
      worker.stderr.resume();
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        outcome();
      };
      const timer = setTimeout(
        () => finish(() => reject(new DocumentReadError('timeout', 'The document took too long to read. Try a smaller or simpler file.'))),
        PARSE_TIMEOUT_MS,
      );
      worker.once('message', (result: ParserResult) =>
        finish(() => (result.ok ? resolve({ text: result.text, pages: result.pages }) : reject(new DocumentReadError(result.reason, result.message)))),
      );
      worker.once('error', (error) =>
        finish(() =>
          reject(
            new DocumentReadError(
              'unreadable',
              /memory/i.test(error.message)
                ? 'The document is too complex to read within the memory limit.'
                : 'The document could not be read; it may be damaged.',
            ),
          ),
        ),
      );
      worker.once('exit', () => finish(() => reject(new DocumentReadError('unreadable', 'The document could not be read; it may be damaged.'))));
      worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
    });
  }

  private async acquire(): Promise<void> {
    if (this.running < MAX_CONCURRENT_PARSES) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

/** UTF-8 text (BOM stripped); anything with NUL bytes or invalid UTF-8 is not plain text. */
export function decodeText(bytes: Buffer): string {
  if (bytes.includes(0)) throw new DocumentReadError('unreadable', 'The file is not plain text (it contains binary data).');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DocumentReadError('unreadable', 'The text file is not valid UTF-8. Save it as UTF-8 and upload it again.');
  }
}
