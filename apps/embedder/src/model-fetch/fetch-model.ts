import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getModelSpec, type ModelFile, type ModelSpec } from '@jobmatch/contracts';
import { FETCH_MANIFEST_FILE, modelPathFor, sha256File, type FetchManifest } from '../inference/model-files';

export interface FetchModelOptions {
  modelId: string;
  /** MODEL_DIR: the files land in `${modelDir}/${modelId}`. */
  modelDir: string;
  /** Also fetch onnx/model_quantized.onnx when the model has one. */
  quantized?: boolean;
  /** Hub base URL; default HF_ENDPOINT or https://huggingface.co. */
  endpoint?: string;
  revision?: string;
  /** Hugging Face token for gated/private repositories (HF_TOKEN). */
  token?: string;
  /** Per-file timeout (ms). */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface FetchModelResult {
  modelPath: string;
  downloaded: string[];
  alreadyPresent: string[];
}

export class ModelFetchError extends Error {
  constructor(
    readonly modelId: string,
    readonly problems: string[],
  ) {
    super(
      `model:fetch ${modelId} failed; nothing was installed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'ModelFetchError';
  }
}

/** fetch() reports "fetch failed" and hides the reason (ECONNREFUSED, ENOTFOUND, …) in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message}: ${cause.code ?? cause.message ?? String(cause)}` : error.message;
}

function filesToFetch(spec: ModelSpec, quantized: boolean): ModelFile[] {
  return spec.files.filter((file) => !file.optional || (quantized && file.path.includes('quantized')));
}

/** Streams one file to `target` while hashing it; returns its SHA-256. */
async function download(url: string, target: string, token: string | undefined, timeoutMs: number): Promise<string> {
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'follow',
  });
  if (!response.ok || !response.body) throw new Error(`GET ${url} answered ${response.status}`);
  const hash = createHash('sha256');
  await mkdir(dirname(target), { recursive: true });
  const source = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  source.on('data', (chunk: Buffer) => hash.update(chunk));
  await pipeline(source, createWriteStream(target));
  return hash.digest('hex');
}

/**
 * Downloads a registry model's files from the Hugging Face hub into MODEL_DIR, all or nothing:
 * every file goes to a temporary name first, pinned SHA-256 sums are verified, and only when every
 * file is good are they renamed into place together with a manifest of the sums (start-up checks the
 * unpinned ONNX files against it). A file already present with its pinned sum is not downloaded again.
 */
export async function fetchModel(options: FetchModelOptions): Promise<FetchModelResult> {
  const spec = getModelSpec(options.modelId);
  const modelPath = modelPathFor(options.modelDir, spec.id);
  const endpoint = (options.endpoint ?? process.env.HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, '');
  const revision = options.revision ?? 'main';
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const log = options.log ?? (() => undefined);
  const staged: Array<{ file: ModelFile; temp: string; sha256: string }> = [];
  const alreadyPresent: Array<{ file: ModelFile; sha256: string }> = [];
  const problems: string[] = [];

  for (const file of filesToFetch(spec, options.quantized ?? false)) {
    const target = join(modelPath, file.path);
    if (file.sha256 && existsSync(target) && (await sha256File(target)) === file.sha256) {
      alreadyPresent.push({ file, sha256: file.sha256 });
      log(`${file.path}: already present, SHA-256 verified`);
      continue;
    }
    const url = `${endpoint}/${spec.hubRepo}/resolve/${revision}/${file.path}`;
    const temp = `${target}.download`;
    try {
      log(`${file.path}: downloading ${url}`);
      const sha256 = await download(url, temp, options.token ?? process.env.HF_TOKEN, timeoutMs);
      if (file.sha256 && sha256 !== file.sha256) {
        problems.push(
          `${file.path}: SHA-256 ${sha256} does not match the pinned ${file.sha256} (corrupt or changed upstream)`,
        );
        await rm(temp, { force: true });
        continue;
      }
      log(
        `${file.path}: ${file.sha256 ? 'SHA-256 verified' : `SHA-256 ${sha256} (not pinned in the registry; recorded in the manifest)`}`,
      );
      staged.push({ file, temp, sha256 });
    } catch (error) {
      problems.push(`${file.path}: ${describeError(error)} (${url})`);
      await rm(temp, { force: true });
    }
  }

  if (problems.length > 0) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw new ModelFetchError(spec.id, problems);
  }
  for (const { file, temp } of staged) await rename(temp, join(modelPath, file.path));
  const manifest: FetchManifest = {
    modelId: spec.id,
    hubRepo: spec.hubRepo,
    fetchedAt: new Date().toISOString(),
    files: Object.fromEntries([...alreadyPresent, ...staged].map(({ file, sha256 }) => [file.path, sha256])),
  };
  await mkdir(modelPath, { recursive: true });
  await writeFile(join(modelPath, FETCH_MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return {
    modelPath,
    downloaded: staged.map(({ file }) => file.path),
    alreadyPresent: alreadyPresent.map(({ file }) => file.path),
  };
}
