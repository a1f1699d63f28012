/**
 * Cosine similarity → the semantic factor of the match score. Raw MiniLM cosines sit low (unrelated
 * postings ≈ 0.0–0.25, same-occupation ones ≈ 0.35–0.7), so used directly they made every score
 * "Weak" or "Partial" whatever the fit. The map is a logistic curve, p = 1 / (1 + e^−(a + b·cosine)),
 * fitted by maximum likelihood on the labelled relevance set (bench/data/relevance) by
 * `pnpm bench:quality` with target 1 for same-occupation pairs, 0.5 for near misses (adjacent
 * occupations) and 0 for unrelated ones: the factor reads as "how likely this is the same kind of job".
 * Fitted per model: a model without a fitted curve keeps the cosine itself.
 */
export interface LogisticCalibration {
  intercept: number;
  slope: number;
  /** Where the numbers came from. */
  source: string;
}

export const SEMANTIC_CALIBRATIONS: Readonly<Record<string, LogisticCalibration>> = {
  'sentence-transformers/all-MiniLM-L6-v2': {
    // cosine 0.10 → 0.002, 0.30 → 0.07, 0.40 → 0.32, 0.44 → 0.50, 0.50 → 0.76, 0.60 → 0.95.
    intercept: -8.244,
    slope: 18.77,
    source: 'pnpm bench:quality, 2026-12-01: 4 704 pairs of bench/data/relevance, fp32 real weights, EMBED_LONG_TEXT=sections',
  },
};

/** The logistic map of a calibration (exported for the benchmark, which fits and compares curves). */
export function logisticMap({ intercept, slope }: Pick<LogisticCalibration, 'intercept' | 'slope'>): (cosine: number) => number {
  return (cosine) => 1 / (1 + Math.exp(-(intercept + slope * cosine)));
}

/** The semantic factor of a cosine for a model: its fitted curve, or the cosine clamped to [0, 1]. */
export function semanticFactorFor(modelId: string): (cosine: number) => number {
  const calibration = SEMANTIC_CALIBRATIONS[modelId];
  if (!calibration) return (cosine) => Math.min(1, Math.max(0, cosine));
  const map = logisticMap(calibration);
  return (cosine) => map(Math.min(1, Math.max(0, cosine)));
}
