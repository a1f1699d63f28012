import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';

/** Repository root: this file lives in libs/testing/src (tests) or libs/testing/dist (built). */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const EMBEDDER_ENTRY = path.join(REPO_ROOT, 'apps', 'embedder', 'dist', 'main.js');

export interface EmbedderProcessOptions {
  databaseUrl: string;
  redisUrl: string;
  redisKeyPrefix: string;
  /** Folder holding one sub-folder per model id (MODEL_DIR of the embedder). */
  modelDir: string;
  modelId?: string;
  /**
   * A model spec to use instead of the registry entry (e.g. `spec` from @jobmatch/onnx-testkit's
   * prepareTestModelDir(), whose checksums match the generated files). Written to a temp file
   * passed as MODEL_SPEC_FILE; its `id` must equal modelId (or the default model id).
   */
  modelSpec?: { id: string };
  rpcPort?: number;
  httpPort?: number;
  /** Extra environment (e.g. QUEUE_CONCURRENCY, LOG_LEVEL); wins over the defaults above. */
  env?: Record<string, string>;
  /** How long to wait for /health/ready (the model loads and answers a probe). Default 60 s. */
  readyTimeoutMs?: number;
  /** Built entry point; defaults to apps/embedder/dist/main.js. */
  entry?: string;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface EmbedderProcess {
  rpcPort: number;
  httpPort: number;
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

/** A port that was free a moment ago (the OS picks it; we release it for the child). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the built embedder (`node apps/embedder/dist/main.js`) as a child process with its
 * own ports, and resolves once GET /health/ready answers 200 (model loaded and embedding,
 * Postgres and Redis reachable). Build first: `pnpm --filter @jobmatch/embedder run build`
 * (turbo does it for packages that depend on @jobmatch/embedder).
 */
export async function startEmbedderProcess(options: EmbedderProcessOptions): Promise<EmbedderProcess> {
  const entry = options.entry ?? EMBEDDER_ENTRY;
  if (!existsSync(entry)) {
    throw new Error(`Embedder is not built (${entry} is missing): run \`pnpm --filter @jobmatch/embedder run build\``);
  }
  const rpcPort = options.rpcPort ?? (await freePort());
  let httpPort = options.httpPort ?? (await freePort());
  while (httpPort === rpcPort) httpPort = await freePort();

  let modelSpecFile: string | undefined;
  if (options.modelSpec) {
    const folder = path.join(tmpdir(), 'jobmatch-embedder-specs');
    mkdirSync(folder, { recursive: true });
    modelSpecFile = path.join(folder, `spec-${randomBytes(6).toString('hex')}.json`);
    writeFileSync(modelSpecFile, JSON.stringify(options.modelSpec));
  }

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: options.redisUrl,
    REDIS_KEY_PREFIX: options.redisKeyPrefix,
    MODEL_DIR: options.modelDir,
    ...(options.modelId || options.modelSpec ? { MODEL_ID: options.modelId ?? options.modelSpec!.id } : {}),
    ...(modelSpecFile ? { MODEL_SPEC_FILE: modelSpecFile } : {}),
    EMBEDDER_RPC_PORT: String(rpcPort),
    PORT: String(httpPort),
    ONNX_INTRA_OP_THREADS: '1',
    ...options.env,
  };

  const child: ChildProcess = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const capture = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    if (modelSpecFile) rmSync(modelSpecFile, { force: true });
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

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let lastProblem = 'no answer yet';
  while (!hasExited) {
    if (Date.now() > deadline) {
      await stop(5_000);
      throw new Error(`Embedder not ready after ${options.readyTimeoutMs ?? 60_000} ms (${lastProblem}). Output:\n${output}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${httpPort}/health/ready`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) {
        return { rpcPort, httpPort, pid: child.pid!, output: () => output, stop, exited };
      }
      lastProblem = `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await sleep(200);
  }
  const { code, signal } = await exited;
  throw new Error(`Embedder exited with ${signal ? `signal ${signal}` : `code ${code}`} before it was ready. Output:\n${output}`);
}
