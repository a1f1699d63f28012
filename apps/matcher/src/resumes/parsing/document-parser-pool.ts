import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DocumentReadError,
  PARSE_MESSAGES,
  type ParseFailureReason,
  type ParseRequest,
  type ParseResult,
} from './parse-protocol';

export interface ParserPoolOptions {
  /** Parser processes, hence documents parsed at once; other documents wait their turn. */
  concurrency: number;
  /** Resident memory one parser process may reach before it is killed (MB). */
  memoryBudgetMb: number;
  timeoutMs: number;
  /** A parser process that has been idle this long exits, giving its memory back (ms). */
  idleMs?: number;
}

const PAGE_SIZE = 4096;
const RSS_POLL_MS = 20;
/** A parser is retired after this many documents, or when it holds more than RECYCLE_SHARE of its budget after one. */
const MAX_DOCUMENTS_PER_PARSER = 100;
const RECYCLE_SHARE = 0.6;

/** Resident set of a process in MB from /proc (Linux); null where /proc is not there. */
function residentMb(pid: number): number | null {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return (pages * PAGE_SIZE) / (1024 * 1024);
  } catch {
    return null;
  }
}

/** The child's entry: compiled JavaScript in production; the TypeScript source (through tsx) under jest. */
function childEntry(): { script: string; execArgv: string[] } {
  const compiled = join(__dirname, 'parser-child.js');
  if (existsSync(compiled)) return { script: compiled, execArgv: [] };
  return { script: join(__dirname, 'parser-child.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

/** One parser process: started on demand, ready once it has loaded the parsers. */
class ParserProcess {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  documents = 0;
  idleTimer: NodeJS.Timeout | null = null;
  private dead = false;

  constructor(
    entry: { script: string; execArgv: string[] },
    heapMb: number,
    readonly onExit: (parser: ParserProcess) => void,
  ) {
    this.child = fork(entry.script, [], {
      // A heap cap below the RSS budget, so V8 gives up (and the process dies) before the watchdog has to.
      execArgv: [...entry.execArgv, `--max-old-space-size=${heapMb}`, '--max-semi-space-size=2'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env: { PATH: process.env.PATH, NODE_ENV: process.env.NODE_ENV },
    });
    this.ready = new Promise((resolve, reject) => {
      this.child.once('message', (message) =>
        message === 'ready' ? resolve() : reject(new Error('parser did not start')),
      );
      this.child.once('exit', () => reject(new Error('parser exited while starting')));
    });
    this.ready.catch(() => undefined);
    this.child.once('exit', () => {
      this.dead = true;
      onExit(this);
    });
  }

  get alive(): boolean {
    return !this.dead;
  }

  kill(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (!this.dead) this.child.kill('SIGKILL');
  }
}

/**
 * Parses untrusted documents in separate processes, with limits the API's own memory never
 * depends on: each parser's V8 heap is capped by a flag, its whole resident memory (native zlib
 * and Buffer memory included) is watched from here and the process is killed past the budget,
 * and a timer kills it past the time limit. At most `concurrency` parsers exist, so the pool's
 * memory is bounded by concurrency × budget. Parsers are reused (starting Node and PDF.js costs
 * hundreds of milliseconds) and retired after a hostile document, after many documents, when
 * they have grown, and when idle.
 */
export class DocumentParserPool {
  private readonly idle: ParserProcess[] = [];
  private readonly all = new Set<ParserProcess>();
  private readonly waiting: (() => void)[] = [];
  private busy = 0;
  private closed = false;
  private readonly entry = childEntry();
  private readonly heapMb: number;

  constructor(private readonly options: ParserPoolOptions) {
    this.heapMb = Math.max(32, Math.floor(options.memoryBudgetMb * 0.6));
  }

  /** Peak budget of the whole pool (MB), for the README and the bench. */
  get budgetMb(): number {
    return this.options.concurrency * this.options.memoryBudgetMb;
  }

  async parse(request: ParseRequest): Promise<{ text: string; pages: number | null }> {
    const parser = await this.acquire();
    try {
      await parser.ready;
      return await this.run(parser, request);
    } catch (error) {
      if (error instanceof DocumentReadError) throw error;
      throw new DocumentReadError('unreadable', PARSE_MESSAGES.damaged);
    } finally {
      // A parser that answered (text or a refusal) stays; one that was killed or died is replaced.
      this.release(parser);
    }
  }

  /** Starts the parsers ahead of the first upload (Node and PDF.js take a while to load), in the background. */
  warmUp(): void {
    while (this.all.size < this.options.concurrency) {
      const parser = new ParserProcess(this.entry, this.heapMb, (gone) => this.forget(gone));
      this.all.add(parser);
      this.idle.push(parser);
      this.scheduleIdleExit(parser);
    }
  }

  /** Stops every parser (shutdown). */
  close(): void {
    this.closed = true;
    for (const parser of this.all) parser.kill();
  }

  private run(parser: ParserProcess, request: ParseRequest): Promise<{ text: string; pages: number | null }> {
    return new Promise((resolve, reject) => {
      const { child } = parser;
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watchdog);
        child.off('message', onMessage);
        child.off('exit', onExit);
        outcome();
      };
      // A parser that misbehaved is killed at once; release() then drops it from the pool.
      const fail = (reason: ParseFailureReason, message: string) => {
        parser.kill();
        finish(() => reject(new DocumentReadError(reason, message)));
      };
      const timer = setTimeout(() => fail('timeout', PARSE_MESSAGES.timeout), this.options.timeoutMs);
      const watchdog = setInterval(() => {
        const rss = child.pid ? residentMb(child.pid) : null;
        if (rss !== null && rss > this.options.memoryBudgetMb) fail('too-complex', PARSE_MESSAGES.tooComplex);
      }, RSS_POLL_MS);
      const onMessage = (result: ParseResult) =>
        finish(() =>
          result.ok
            ? resolve({ text: result.text, pages: result.pages })
            : reject(new DocumentReadError(result.reason, result.message)),
        );
      // Died without an answer: V8's heap cap (out of memory) or a crash inside a parser.
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        const outOfMemory = code === 134 || signal === 'SIGABRT';
        fail(
          outOfMemory ? 'too-complex' : 'unreadable',
          outOfMemory ? PARSE_MESSAGES.tooComplex : PARSE_MESSAGES.damaged,
        );
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(request, (error) => {
        if (error) fail('unreadable', PARSE_MESSAGES.damaged);
      });
    });
  }

  private async acquire(): Promise<ParserProcess> {
    if (this.busy >= this.options.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy++;
    for (let parser = this.idle.shift(); parser; parser = this.idle.shift()) {
      if (parser.idleTimer) clearTimeout(parser.idleTimer);
      if (parser.alive) return parser;
    }
    const parser = new ParserProcess(this.entry, this.heapMb, (gone) => this.forget(gone));
    this.all.add(parser);
    return parser;
  }

  private release(parser: ParserProcess): void {
    parser.documents++;
    const rss = parser.child.pid ? (residentMb(parser.child.pid) ?? 0) : 0;
    const retire =
      this.closed || parser.documents >= MAX_DOCUMENTS_PER_PARSER || rss > this.options.memoryBudgetMb * RECYCLE_SHARE;
    if (retire || !parser.alive || parser.child.killed) parser.kill();
    else {
      this.scheduleIdleExit(parser);
      this.idle.push(parser);
    }
    this.busy--;
    this.waiting.shift()?.();
  }

  private scheduleIdleExit(parser: ParserProcess): void {
    parser.idleTimer = setTimeout(() => parser.kill(), this.options.idleMs ?? 10 * 60_000);
    parser.idleTimer.unref();
  }

  private forget(parser: ParserProcess): void {
    this.all.delete(parser);
    const index = this.idle.indexOf(parser);
    if (index >= 0) this.idle.splice(index, 1);
  }
}
