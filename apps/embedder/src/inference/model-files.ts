import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelFile, ModelSpec } from '@jobmatch/contracts';

/**
 * Written by `pnpm model:fetch` next to the files it downloaded: the SHA-256 of every file as
 * received. For files the registry does not pin (the ONNX weights), start-up checks against this
 * manifest, which catches a truncated or partly overwritten copy after the download.
 */
export const FETCH_MANIFEST_FILE = '.model-fetch.json';

export interface FetchManifest {
  modelId: string;
  hubRepo: string;
  fetchedAt: string;
  files: Record<string, string>;
}

export const ONNX_MODEL_FILE = 'onnx/model.onnx';
export const ONNX_QUANTIZED_MODEL_FILE = 'onnx/model_quantized.onnx';

/** The model folder for a model id under MODEL_DIR (one sub-folder per id, e.g. sentence-transformers/all-MiniLM-L6-v2). */
export function modelPathFor(modelDir: string, modelId: string): string {
  return join(modelDir, ...modelId.split('/'));
}

export function fetchCommandFor(modelId: string, quantized: boolean): string {
  return `pnpm model:fetch ${modelId}${quantized ? ' --quantized' : ''}`;
}

export class ModelFilesError extends Error {
  constructor(
    readonly modelId: string,
    readonly modelPath: string,
    readonly problems: string[],
    quantized: boolean,
  ) {
    super(
      `Model files for "${modelId}" in ${modelPath} are missing or corrupt:\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        `\nRun \`${fetchCommandFor(modelId, quantized)}\` to download and verify them (MODEL_DIR must point at the same folder).`,
    );
    this.name = 'ModelFilesError';
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readManifest(modelPath: string): Promise<FetchManifest | null> {
  const file = join(modelPath, FETCH_MANIFEST_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as FetchManifest;
  } catch {
    return null;
  }
}

/** Files the service needs: the tokenizer/config files and the one ONNX file it will load. */
export function requiredFiles(spec: ModelSpec, quantized: boolean): ModelFile[] {
  const onnxFile = quantized ? ONNX_QUANTIZED_MODEL_FILE : ONNX_MODEL_FILE;
  const needed = spec.files.filter((file) => !file.path.startsWith('onnx/'));
  const onnx = spec.files.find((file) => file.path === onnxFile) ?? { path: onnxFile, sha256: null };
  return [...needed, onnx];
}

/**
 * Checks the files the service is about to load. Policy:
 * - every required file must exist;
 * - a file with a pinned SHA-256 in the registry must match it;
 * - an unpinned file (ONNX weights: sums vary between exports) must match the sum model:fetch
 *   recorded in the manifest when there is one; without a manifest (files placed by hand) only
 *   presence is checked here, and ONNX Runtime's own parse catches a broken file at load.
 * Throws ModelFilesError listing every problem and naming `pnpm model:fetch`.
 */
export async function verifyModelFiles(modelPath: string, spec: ModelSpec, quantized: boolean): Promise<void> {
  const manifest = await readManifest(modelPath);
  const problems: string[] = [];
  for (const file of requiredFiles(spec, quantized)) {
    const fullPath = join(modelPath, file.path);
    if (!existsSync(fullPath)) {
      problems.push(`${file.path}: missing`);
      continue;
    }
    const expected = file.sha256 ?? manifest?.files[file.path] ?? null;
    if (!expected) continue;
    const actual = await sha256File(fullPath);
    if (actual !== expected) {
      problems.push(
        `${file.path}: SHA-256 ${actual} does not match the ${file.sha256 ? 'pinned' : 'downloaded'} ${expected}`,
      );
    }
  }
  if (problems.length > 0) throw new ModelFilesError(spec.id, modelPath, problems, quantized);
}
