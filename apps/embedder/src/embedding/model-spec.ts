import { readFileSync } from 'node:fs';
import { getModelSpec, type ModelSpec } from '@jobmatch/contracts';
import type { AppConfig } from '../config';

/**
 * The spec of the model to serve: the registry entry for MODEL_ID, or the JSON file named by
 * MODEL_SPEC_FILE (a model the registry does not know: fine-tuned, self-made, generated for tests).
 * The file must describe MODEL_ID, so the id stored with every vector stays truthful.
 */
export function resolveModelSpec(
  config: Pick<AppConfig, 'MODEL_ID' | 'MODEL_SPEC_FILE'>,
  /** The variables the values came from, for the messages (NEXT_MODEL_ID / NEXT_MODEL_SPEC_FILE for the next model). */
  names: { id: string; file: string } = { id: 'MODEL_ID', file: 'MODEL_SPEC_FILE' },
): ModelSpec {
  if (!config.MODEL_SPEC_FILE) return getModelSpec(config.MODEL_ID);
  const file = config.MODEL_SPEC_FILE;
  let spec: Partial<ModelSpec>;
  try {
    spec = JSON.parse(readFileSync(file, 'utf8')) as Partial<ModelSpec>;
  } catch (error) {
    throw new Error(`${names.file} ${file} is not readable JSON: ${(error as Error).message}`, { cause: error });
  }
  const problems: string[] = [];
  if (spec.id !== config.MODEL_ID) problems.push(`id is ${JSON.stringify(spec.id)} but ${names.id} is "${config.MODEL_ID}"`);
  if (!Number.isInteger(spec.dimension) || spec.dimension! <= 0) problems.push('dimension must be a positive integer');
  if (!Number.isInteger(spec.maxSeqLength) || spec.maxSeqLength! <= 0) problems.push('maxSeqLength must be a positive integer');
  if (spec.pooling !== 'mean' && spec.pooling !== 'cls') problems.push('pooling must be "mean" or "cls"');
  if (typeof spec.normalize !== 'boolean') problems.push('normalize must be a boolean');
  if (typeof spec.queryPrefix !== 'string' || typeof spec.passagePrefix !== 'string') problems.push('queryPrefix and passagePrefix must be strings');
  if (!Array.isArray(spec.files) || spec.files.some((entry) => typeof entry?.path !== 'string')) problems.push('files must list { path, sha256 }');
  if (problems.length > 0) throw new Error(`${names.file} ${file} is not a valid model spec: ${problems.join('; ')}`);
  return { hubRepo: '', ...spec } as ModelSpec;
}
