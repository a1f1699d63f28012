import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_MODEL_ID, getModelSpec, type ModelSpec } from '@jobmatch/contracts';
import { BERT_PRESETS, bertConfigJson, buildBertModel, type BertPresetName, type BertShape } from './bert-graph';
import { generateWordPieceTokenizer } from './wordpiece-tokenizer';

/** Bump when the generator's output changes, so stale cached folders are not reused. */
// 2: the int8 variant also quantizes the embedding-table Gathers (quantize_dynamic's GatherQuant).
const GENERATOR_VERSION = 2;

export type TokenizerSource = 'shared' | 'generated';

export interface PrepareTestModelOptions {
  preset?: BertPresetName;
  /** Also write onnx/model_quantized.onnx (the int8 variant of the same weights). */
  quantized?: boolean;
  /** 'auto' (default): the real MiniLM tokenizer from ../shared when present, else a generated one. */
  tokenizer?: 'auto' | TokenizerSource;
  seed?: number;
  /** Registry model the folder stands in for (its sub-folder name and spec). */
  modelId?: string;
}

export interface TestModelDir {
  /** Root holding one sub-folder per model id (what MODEL_DIR points at). */
  modelRoot: string;
  /** The Hugging Face–layout folder itself: `${modelRoot}/${modelId}`. */
  modelPath: string;
  modelId: string;
  shape: BertShape;
  tokenizerSource: TokenizerSource;
  /**
   * The registry spec adjusted to this folder: dimension = generated hidden size and every file's
   * SHA-256 pinned to what was written, so integrity checks run against generated models too.
   */
  spec: ModelSpec;
  /** `spec` as a JSON file (outside the model folder), for a spawned embedder's MODEL_SPEC_FILE. */
  specFile: string;
}

/** The repository root (the folder holding pnpm-workspace.yaml), found upwards from this file. */
export function findRepoRoot(start: string = __dirname): string {
  let current = resolve(start);
  for (;;) {
    if (existsSync(join(current, 'pnpm-workspace.yaml'))) return current;
    const parent = dirname(current);
    if (parent === current) throw new Error(`No pnpm-workspace.yaml above ${start}`);
    current = parent;
  }
}

/** ../shared/models/all-MiniLM-L6-v2 next to the repository, or null when that folder is absent. */
export function sharedMiniLmDir(): string | null {
  const override = process.env.JOBMATCH_SHARED_MODEL_DIR;
  const dir = override ?? resolve(findRepoRoot(), '..', 'shared', 'models', 'all-MiniLM-L6-v2');
  return existsSync(join(dir, 'tokenizer.json')) ? dir : null;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes via a temp file + rename, so parallel test workers never see half a file. */
function writeAtomic(file: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
}

function ensureFile(file: string, produce: () => Uint8Array | string): string {
  if (!existsSync(file)) writeAtomic(file, produce());
  return sha256(readFileSync(file));
}

/**
 * Writes (once, cached under os.tmpdir()) a Hugging Face–layout model folder with a generated BERT
 * encoder: tokenizer.json, tokenizer_config.json, config.json, onnx/model.onnx and, when asked,
 * onnx/model_quantized.onnx. Never writes into the repository.
 */
export async function prepareTestModelDir(options: PrepareTestModelOptions = {}): Promise<TestModelDir> {
  const preset = options.preset ?? 'tiny';
  const seed = options.seed ?? 7;
  const modelId = options.modelId ?? DEFAULT_MODEL_ID;
  const sharedDir = options.tokenizer === 'generated' ? null : sharedMiniLmDir();
  if (options.tokenizer === 'shared' && !sharedDir) {
    throw new Error('tokenizer "shared" requested but ../shared/models/all-MiniLM-L6-v2 is absent');
  }
  const tokenizerSource: TokenizerSource = sharedDir ? 'shared' : 'generated';

  const generated = sharedDir ? null : generateWordPieceTokenizer();
  const tokenizerBytes = sharedDir
    ? readFileSync(join(sharedDir, 'tokenizer.json'))
    : JSON.stringify(generated!.tokenizerJson);
  const tokenizerConfigBytes = sharedDir
    ? readFileSync(join(sharedDir, 'tokenizer_config.json'))
    : JSON.stringify(generated!.tokenizerConfigJson, null, 2);
  const vocabSize = sharedDir
    ? Object.keys((JSON.parse(tokenizerBytes.toString()) as { model: { vocab: object } }).model.vocab).length
    : generated!.vocabSize;
  // minilm keeps the real 30 522-row embedding table (same size and memory as the real model) even
  // with the small generated vocabulary; the other presets size it to the tokenizer.
  const shape: BertShape = {
    ...BERT_PRESETS[preset],
    vocab: preset === 'minilm' ? Math.max(vocabSize, BERT_PRESETS.minilm.vocab) : vocabSize,
  };

  const modelRoot = join(
    tmpdir(),
    'jobmatch-onnx-testkit',
    `v${GENERATOR_VERSION}-${preset}-${tokenizerSource}-seed${seed}`,
  );
  const modelPath = join(modelRoot, modelId);
  // The real config.json describes exactly the minilm shape; other shapes get their own.
  const useRealConfig = sharedDir !== null && preset === 'minilm';

  const sums: Record<string, string> = {
    'tokenizer.json': ensureFile(join(modelPath, 'tokenizer.json'), () => tokenizerBytes),
    'tokenizer_config.json': ensureFile(join(modelPath, 'tokenizer_config.json'), () => tokenizerConfigBytes),
    'config.json': ensureFile(join(modelPath, 'config.json'), () =>
      useRealConfig
        ? readFileSync(join(sharedDir!, 'config.json'))
        : JSON.stringify(bertConfigJson(shape, modelId), null, 2),
    ),
    'onnx/model.onnx': ensureFile(join(modelPath, 'onnx', 'model.onnx'), () => buildBertModel({ shape, seed })),
  };
  const quantizedFile = join(modelPath, 'onnx', 'model_quantized.onnx');
  // An earlier call may have written the int8 file already: list it whenever it exists.
  if (options.quantized || existsSync(quantizedFile)) {
    sums['onnx/model_quantized.onnx'] = ensureFile(quantizedFile, () =>
      buildBertModel({ shape, seed, quantized: true }),
    );
  }

  const base = getModelSpec(modelId);
  const spec: ModelSpec = {
    ...base,
    dimension: shape.hidden,
    // The registry's Maven pins are the real model's files, never these generated ones.
    maven: undefined,
    files: Object.entries(sums).map(([path, sum]) => ({
      path,
      sha256: sum,
      optional: path === 'onnx/model_quantized.onnx',
    })),
  };
  const specFile = join(modelRoot, `${modelId.replace(/\//g, '__')}.spec.json`);
  writeAtomic(specFile, JSON.stringify(spec, null, 2));
  return { modelRoot, modelPath, modelId, shape, tokenizerSource, spec, specFile };
}
