/**
 * How factor scores become the 0–100 match score and its label: pure functions, shared by the
 * scorer and by \`pnpm bench:quality\`, which compares weightings on the labelled relevance set.
 */
export type FactorName = 'semantic' | 'skills' | 'other';
export const FACTORS: readonly FactorName[] = ['semantic', 'skills', 'other'];

/** Share of the score a factor gets: its weight over the weights of the known factors (unknown ones hand theirs on). */
export function factorWeight(scores: Readonly<Record<FactorName, number | null>>, weights: Readonly<Record<FactorName, number>>, name: FactorName): number {
  if (scores[name] === null) return 0;
  let knownWeight = 0;
  for (const factor of FACTORS) if (scores[factor] !== null) knownWeight += weights[factor];
  return knownWeight === 0 ? 0 : weights[name] / knownWeight;
}

/** The overall 0–100 score (unrounded) of factor scores under weights. */
export function blendedScore(scores: Readonly<Record<FactorName, number | null>>, weights: Readonly<Record<FactorName, number>>): number {
  let total = 0;
  for (const factor of FACTORS) total += 100 * factorWeight(scores, weights, factor) * (scores[factor] ?? 0);
  return Math.min(100, Math.max(0, total));
}

/** The label an explanation gives a score. */
export function matchLabel(score: number): 'Strong match' | 'Good match' | 'Partial match' | 'Weak match' {
  return score >= 75 ? 'Strong match' : score >= 55 ? 'Good match' : score >= 35 ? 'Partial match' : 'Weak match';
}

