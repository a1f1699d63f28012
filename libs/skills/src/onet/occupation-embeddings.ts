import type { OccupationMatch } from './occupations';

/**
 * The embedding model's say where titles alone don't decide: a title O*NET does not list, or one
 * several occupations list (OccupationMatch.candidates), goes to the occupation whose stored vector
 * (the occupation's title and description, embedded once by the model) is nearest to the title's
 * vector, among the candidates when there are some, else among every occupation. A title that
 * decides on its own ('exact' or 'partial' with one occupation) is kept as it is.
 */
export function titleDecides(match: OccupationMatch | null): boolean {
  return match !== null && match.match !== 'word' && (match.candidates === undefined || match.candidates.length < 2);
}

export interface OccupationChoice {
  code: string;
  decidedBy: 'title' | 'embedding';
  /** Cosine similarity of the title to the chosen occupation (embedding decisions only). */
  similarity?: number;
}

/** Cosine of unit vectors. */
function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * `titleVector`: the title embedded by the model (unit length); `occupationVectors`: code → unit
 * vector. Returns the title's own decision when it decides, else the nearest occupation; null only
 * when the title finds nothing and there are no vectors.
 */
export function chooseOccupation(
  match: OccupationMatch | null,
  titleVector: Float32Array | null,
  occupationVectors: ReadonlyMap<string, Float32Array>,
): OccupationChoice | null {
  if (titleDecides(match) || titleVector === null || occupationVectors.size === 0) return match ? { code: match.code, decidedBy: 'title' } : null;
  const pool = match?.candidates?.filter((code) => occupationVectors.has(code)) ?? [];
  const codes = pool.length > 0 ? pool : [...occupationVectors.keys()];
  let best: OccupationChoice | null = null;
  for (const code of codes) {
    const similarity = dot(titleVector, occupationVectors.get(code)!);
    if (!best || similarity > best.similarity!) best = { code, decidedBy: 'embedding', similarity };
  }
  return best;
}
