import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface NodeProcessOptions {
  /** Built entry point, run as `node <nodeFlags> <script>`. */
  script: string;
  /** Node flags before the script (e.g. --max-old-space-size=…, as in a package's start script). */
  nodeFlags?: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Polled until it answers 2xx: the process counts as started then. */
  readyUrl: string;
  /** Default 60 s. */
  readyTimeoutMs?: number;
  /** For error messages; defaults to the script's file name. */
  name?: string;
}

export interface NodeProcess {
  pid: number;
  /** Output of the process so far (stdout + stderr, last ~64 KB), for assertions and failures. */
  output(): string;
  /**
   * SIGTERM, then wait for the exit (SIGKILL after `timeoutMs`, default 30 s). Nest re-raises
   * SIGTERM after its graceful shutdown, so a clean stop ends with `{ code: null, signal: 'SIGTERM' }`.
   */
  stop(timeoutMs?: number): Promise<ProcessExit>;
  /** Resolves once the process has ended (for whatever reason). */
  exited: Promise<ProcessExit>;
}

/**
 * A port that was free a moment ago (released again for the child). The OS picks it, unless
 * JOBMATCH_PORT_RANGE ("3400-3499") confines it to a range, for machines where each user of the
 * loopback interface has ports of its own; the range is tried from a random start.
 */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.JOBMATCH_PORT_RANGE ?? '');
  if (!range) return listenOnce(0);
  const low = Number(range[1]);
  const size = Number(range[2]) - low + 1;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = await listenOnce(low + ((start + i) % size)).catch(() => null);
    if (port !== null) return port;
  }
  throw new Error(`JOBMATCH_PORT_RANGE ${process.env.JOBMATCH_PORT_RANGE}: no free port`);
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a built service as a child process and resolves once `readyUrl` answers 2xx. Rejects
 * (with the process output) when it exits first or is not ready in time; it is stopped then.
 */
export async function startNodeProcess(options: NodeProcessOptions): Promise<NodeProcess> {
  const name = options.name ?? path.basename(options.script);
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), options.script], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const capture = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout.on('data', capture);
  child.stderr.on('data', capture);
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const stop = async (timeoutMs = 30_000): Promise<ProcessExit> => {
    if (hasExited) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (!hasExited) {
    if (Date.now() > deadline) {
      await stop(5_000);
      throw new Error(`${name} not ready after ${timeoutMs} ms (${lastProblem}). Output:\n${output}`);
    }
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return { pid: child.pid!, output: () => output, stop, exited };
      lastProblem = `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await sleep(200);
  }
  const { code, signal } = await exited;
  throw new Error(`${name} exited with ${signal ? `signal ${signal}` : `code ${code}`} before it was ready. Output:\n${output}`);
}
