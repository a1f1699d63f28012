/**
 * Synthetic sentence-embedding-like vectors for the search benchmark.
 *
 * Real text embeddings (MiniLM included) are not spread uniformly over the 384-d sphere: they
 * share a common direction (random texts have cosine ≈ 0.1–0.2), group by topic, and most of
 * their variance lives in a few dozen directions. Uniform noise would make HNSW look worse
 * than it is (no neighbourhood structure) and exact search look meaningless (every neighbour
 * at cosine ≈ 0), so the generator builds that structure explicitly:
 *
 *   latent z (k dims) = domain centre + topic offset + anisotropic noise (σ_i ∝ (i+1)^-0.6)
 *   x = common direction · g + W·z + small isotropic 384-d noise,   then  x / |x|
 *
 * with W a fixed random 384×k matrix with orthonormal columns. Domains (12) and topics (per
 * domain) mirror job families; topic popularity follows a Zipf law. Everything is seeded.
 */

export const VECTOR_DIMENSION = 384;

export interface VectorModelParams {
  seed: number;
  latentDim: number;
  domains: number;
  topicsPerDomain: number;
  /** Scale of the domain centres, the topic offsets and the per-item latent noise. */
  domainSpread: number;
  topicSpread: number;
  itemSpread: number;
  /** Weight of the direction every vector shares (the "anisotropy" of real embedding spaces). */
  commonWeight: number;
  /** Per-coordinate σ of the full-dimensional noise (relative to a latent of norm ≈ 1). */
  isotropicNoise: number;
}

export const DEFAULT_VECTOR_MODEL: VectorModelParams = {
  seed: 20261121,
  latentDim: 48,
  domains: 12,
  topicsPerDomain: 24,
  domainSpread: 0.55,
  topicSpread: 0.45,
  itemSpread: 0.5,
  commonWeight: 0.35,
  isotropicNoise: 0.02,
};

/** Small, fast, seeded PRNG (mulberry32) with Gaussian draws (Box–Muller). */
export class Rng {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  gaussian(): number {
    if (this.spare !== null) {
      const value = this.spare;
      this.spare = null;
      return value;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }
}

export interface GeneratedVector {
  vector: Float32Array;
  domain: number;
  /** Global topic index in [0, domains × topicsPerDomain). */
  topic: number;
}

export class EmbeddingLikeGenerator {
  readonly topicCount: number;
  private readonly projection: Float64Array[]; // k columns of length 384, orthonormal
  private readonly common: Float64Array;
  private readonly topicCentres: Float64Array[]; // latent, domain centre + topic offset
  private readonly itemSigma: Float64Array;
  private readonly topicCdf: Float64Array;

  constructor(readonly params: VectorModelParams = DEFAULT_VECTOR_MODEL) {
    const rng = new Rng(params.seed);
    const k = params.latentDim;
    this.projection = orthonormalColumns(rng, VECTOR_DIMENSION, k + 1);
    // One extra orthonormal column is the shared direction, so it does not leak into the latent span.
    this.common = this.projection.pop()!;

    const latent = (scale: number) => {
      const v = new Float64Array(k);
      // Divide by √k so a centre's norm is ≈ scale whatever k is.
      for (let i = 0; i < k; i++) v[i] = (rng.gaussian() * scale) / Math.sqrt(k);
      return v;
    };
    this.topicCount = params.domains * params.topicsPerDomain;
    this.topicCentres = [];
    for (let d = 0; d < params.domains; d++) {
      const domainCentre = latent(params.domainSpread);
      for (let t = 0; t < params.topicsPerDomain; t++) {
        const offset = latent(params.topicSpread);
        this.topicCentres.push(domainCentre.map((value, i) => value + offset[i]!));
      }
    }

    // Anisotropic item noise: a few latent directions vary a lot, most vary little.
    this.itemSigma = new Float64Array(k);
    let sumSquares = 0;
    for (let i = 0; i < k; i++) sumSquares += (this.itemSigma[i] = Math.pow(i + 1, -0.6)) ** 2;
    const normalise = params.itemSpread / Math.sqrt(sumSquares);
    for (let i = 0; i < k; i++) this.itemSigma[i]! *= normalise;

    // Zipf(1) topic popularity in a seeded random order (popular topics are spread over domains).
    const weights = Array.from({ length: this.topicCount }, (_, rank) => 1 / (rank + 1));
    shuffle(rng, weights);
    const total = weights.reduce((a, b) => a + b, 0);
    this.topicCdf = new Float64Array(this.topicCount);
    let running = 0;
    weights.forEach((weight, i) => (this.topicCdf[i] = running += weight / total));
  }

  domainOf(topic: number): number {
    return Math.floor(topic / this.params.topicsPerDomain);
  }

  /** Draws a topic by popularity, then a vector around it; `rng` is the caller's stream. */
  sample(rng: Rng, topic = this.sampleTopic(rng)): GeneratedVector {
    const { latentDim: k, commonWeight, isotropicNoise } = this.params;
    const centre = this.topicCentres[topic]!;
    const x = new Float64Array(VECTOR_DIMENSION);
    for (let j = 0; j < VECTOR_DIMENSION; j++) x[j] = commonWeight * this.common[j]! + isotropicNoise * rng.gaussian();
    for (let i = 0; i < k; i++) {
      const z = centre[i]! + this.itemSigma[i]! * rng.gaussian();
      const column = this.projection[i]!;
      for (let j = 0; j < VECTOR_DIMENSION; j++) x[j]! += z * column[j]!;
    }
    let norm = 0;
    for (let j = 0; j < VECTOR_DIMENSION; j++) norm += x[j]! * x[j]!;
    norm = Math.sqrt(norm);
    const vector = new Float32Array(VECTOR_DIMENSION);
    for (let j = 0; j < VECTOR_DIMENSION; j++) vector[j] = x[j]! / norm;
    return { vector, domain: this.domainOf(topic), topic };
  }

  sampleTopic(rng: Rng): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.topicCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.topicCdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function shuffle<T>(rng: Rng, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** `count` random orthonormal vectors of length `dim` (Gram–Schmidt on Gaussian draws). */
function orthonormalColumns(rng: Rng, dim: number, count: number): Float64Array[] {
  const columns: Float64Array[] = [];
  while (columns.length < count) {
    const v = new Float64Array(dim);
    for (let j = 0; j < dim; j++) v[j] = rng.gaussian();
    for (const column of columns) {
      const dot = dotProduct(v, column);
      for (let j = 0; j < dim; j++) v[j]! -= dot * column[j]!;
    }
    const norm = Math.sqrt(dotProduct(v, v));
    for (let j = 0; j < dim; j++) v[j]! /= norm;
    columns.push(v);
  }
  return columns;
}

export function dotProduct(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * Share of the total variance captured by the top `components` principal components
 * (subspace iteration on the covariance of `sample`). Uniform noise on the 384-d sphere gives
 * components/384 (8.3 % for 32); real sentence embeddings give far more.
 */
export function pcaVarianceCaptured(sample: Float32Array[], components: number, iterations = 40): number {
  const n = sample.length;
  const d = sample[0]!.length;
  const mean = new Float64Array(d);
  for (const v of sample) for (let j = 0; j < d; j++) mean[j]! += v[j]! / n;
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (const v of sample) {
    for (let j = 0; j < d; j++) centred[j] = v[j]! - mean[j]!;
    for (let a = 0; a < d; a++) {
      const ca = centred[a]!;
      const row = a * d;
      for (let b = a; b < d; b++) cov[row + b]! += ca * centred[b]!;
    }
  }
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) cov[b * d + a] = cov[a * d + b]!;
  let trace = 0;
  for (let a = 0; a < d; a++) trace += cov[a * d + a]!;

  const rng = new Rng(7);
  let basis: Float64Array[] = Array.from({ length: components }, () => Float64Array.from({ length: d }, () => rng.gaussian()));
  for (let it = 0; it < iterations; it++) {
    basis = basis.map((q) => multiply(cov, q, d));
    gramSchmidt(basis);
  }
  let captured = 0;
  for (const q of basis) captured += dotProduct(q, multiply(cov, q, d));
  return captured / trace;
}

function multiply(matrix: Float64Array, v: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d);
  for (let a = 0; a < d; a++) {
    let sum = 0;
    const row = a * d;
    for (let b = 0; b < d; b++) sum += matrix[row + b]! * v[b]!;
    out[a] = sum;
  }
  return out;
}

function gramSchmidt(vectors: Float64Array[]): void {
  vectors.forEach((v, i) => {
    for (let p = 0; p < i; p++) {
      const dot = dotProduct(v, vectors[p]!);
      for (let j = 0; j < v.length; j++) v[j]! -= dot * vectors[p]![j]!;
    }
    const norm = Math.sqrt(dotProduct(v, v));
    for (let j = 0; j < v.length; j++) v[j]! /= norm;
  });
}

/**
 * TwoNN intrinsic-dimension estimate (Facco et al. 2017): with r1, r2 the distances to the
 * first and second neighbours, d ≈ N / Σ ln(r2 / r1). Uniform points on the 384-d sphere give
 * a value in the hundreds; a low-dimensional manifold gives its own dimension.
 */
export function twoNnIntrinsicDimension(pairs: Array<{ r1: number; r2: number }>): number {
  let sum = 0;
  let n = 0;
  for (const { r1, r2 } of pairs) {
    if (r1 > 0 && r2 > r1) {
      sum += Math.log(r2 / r1);
      n++;
    }
  }
  return n / sum;
}

/** pgvector's text form of a vector ('[x,y,…]', 7 significant digits): bound as a parameter in SQL. */
export function toPgVector(vector: Float32Array): string {
  let text = '[';
  for (let i = 0; i < vector.length; i++) text += (i ? ',' : '') + vector[i]!.toPrecision(7);
  return text + ']';
}
