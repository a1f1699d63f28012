import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startNodeProcess, type NodeProcess } from './node-process';

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

export interface EmbedderProcess extends NodeProcess {
  rpcPort: number;
  httpPort: number;
}

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

  try {
    const started = await startNodeProcess({
      name: 'Embedder',
      script: entry,
      env,
      readyUrl: `http://127.0.0.1:${httpPort}/health/ready`,
      readyTimeoutMs: options.readyTimeoutMs,
    });
    if (modelSpecFile) {
      const file = modelSpecFile;
      void started.exited.then(() => rmSync(file, { force: true }));
    }
    return { ...started, rpcPort, httpPort };
  } catch (error) {
    if (modelSpecFile) rmSync(modelSpecFile, { force: true });
    throw error;
  }
}
