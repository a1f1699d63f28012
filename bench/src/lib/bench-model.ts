/**
 * Which model files a benchmark runs on. The real all-MiniLM-L6-v2 is the default: the folder given by
 * `--model-dir DIR`, else MODEL_DIR, else the places `pnpm model:fetch` and CI put it (the repository's
 * ./models, $HOME/.cache/jobmatch/models). Only when none of them holds the files does a benchmark fall
 * back to the generated model with random weights, labelled as such in its results (speed and memory
 * only: a generated model says nothing about meaning).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_MODEL_ID } from '@jobmatch/contracts';
import { prepareTestModelDir } from '../../../libs/onnx-testkit/src';

const REPO_ROOT = resolve(__dirname, '../../..');
export const FP32_FILE = 'onnx/model.onnx';
export const INT8_FILE = 'onnx/model_quantized.onnx';

export interface BenchModel {
  kind: 'real' | 'generated';
  /** What MODEL_DIR would be: the root holding one sub-folder per model id. */
  modelRoot: string;
  /** `${modelRoot}/${modelId}` (Hugging Face layout). */
  modelPath: string;
  modelId: string;
  /** Spec file for the generated model (its own SHA-256 sums); null: the registry entry for modelId. */
  specFile: string | null;
  tokenizerSource: string;
  /** Human-readable label for logs, results and BENCHMARKS.md. */
  label: string;
}

/** `--model-dir DIR` or `--model-dir=DIR` from argv, if given. */
export function modelDirArgument(argv: string[] = process.argv.slice(2)): string | undefined {
  const index = argv.findIndex((arg) => arg === '--model-dir' || arg.startsWith('--model-dir='));
  if (index < 0) return undefined;
  const value = argv[index].includes('=') ? argv[index].slice('--model-dir='.length) : argv[index + 1];
  if (!value) throw new Error('--model-dir needs a folder');
  return value;
}

const hasFiles = (modelPath: string, files: string[]) => files.every((file) => existsSync(join(modelPath, file)));

/**
 * Resolves the real model folder holding `files` (tokenizer.json always), or the generated fallback.
 * A folder named explicitly (flag or MODEL_DIR) that lacks the files is an error, not a silent fallback.
 */
export async function resolveBenchModel(options: {
  files: string[];
  quantizedFallback?: boolean;
  /** false: throw instead of falling back to the generated model (for figures that need real vectors). */
  allowGenerated?: boolean;
}): Promise<BenchModel> {
  const modelId = process.env.MODEL_ID ?? DEFAULT_MODEL_ID;
  const needed = ['tokenizer.json', ...options.files];
  const explicit = modelDirArgument() ?? process.env.MODEL_DIR;
  const candidates = explicit
    ? [explicit]
    : [join(REPO_ROOT, 'models'), join(homedir(), '.cache', 'jobmatch', 'models')];
  for (const root of candidates) {
    const modelRoot = resolve(root);
    const modelPath = join(modelRoot, ...modelId.split('/'));
    if (hasFiles(modelPath, needed)) {
      return {
        kind: 'real',
        modelRoot,
        modelPath,
        modelId,
        specFile: null,
        tokenizerSource: 'model folder',
        label: `real ${modelId} (${modelPath})`,
      };
    }
  }
  if (explicit || options.allowGenerated === false) {
    throw new Error(
      `No ${needed.join(', ')} under ${candidates.map((root) => resolve(root)).join(' or ')} for ${modelId}: run \`pnpm model:fetch --quantized\` or point --model-dir/MODEL_DIR at the folder holding ${modelId}/`,
    );
  }
  console.warn(
    `\n*** No real ${modelId} files in ${candidates.join(' or ')}: falling back to a GENERATED model with random weights ` +
      `(speed and memory only; run \`pnpm model:fetch --quantized\` or pass --model-dir). ***\n`,
  );
  const generated = await prepareTestModelDir({ preset: 'minilm', quantized: options.quantizedFallback ?? true });
  return {
    kind: 'generated',
    modelRoot: generated.modelRoot,
    modelPath: generated.modelPath,
    modelId: generated.modelId,
    specFile: generated.specFile,
    tokenizerSource: generated.tokenizerSource,
    label: `GENERATED all-MiniLM-L6-v2-shaped model, random weights (${generated.modelPath})`,
  };
}
