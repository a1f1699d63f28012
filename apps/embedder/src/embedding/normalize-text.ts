import { MAX_RAW_TEXT_CHARS } from '@jobmatch/contracts';

/**
 * The text the model actually sees, before tokenization: trimmed, whitespace runs collapsed to
 * one space, capped at MAX_RAW_TEXT_CHARS. Cache keys are computed on this form so that texts
 * differing only in whitespace share one entry.
 */
export function normalizeForEmbedding(text: string): string {
  return text.trim().replace(/\s+/gu, ' ').slice(0, MAX_RAW_TEXT_CHARS);
}
