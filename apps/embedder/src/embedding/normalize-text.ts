import { preprocessText } from '../inference/text-preprocessing';

/**
 * The text the model actually sees before tokenization (the inference pipeline's own
 * preprocessing: trim, collapse whitespace, cap the raw length). Cache keys are computed on this
 * form, so texts that differ only in whitespace share one entry.
 */
export function normalizeForEmbedding(text: string): string {
  return preprocessText(text);
}
