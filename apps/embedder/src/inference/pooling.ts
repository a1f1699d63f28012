import type { Pooling } from '@jobmatch/contracts';

/**
 * Sentence-transformers pooling over a [batch, seq, dim] hidden-state tensor: 'mean' is the
 * attention-mask-weighted mean of token vectors (padding contributes nothing), 'cls' takes token 0;
 * then optional L2 normalization (x / max(‖x‖, 1e-12), as torch.nn.functional.normalize).
 * Returns the vectors back to back in one Float32Array of batch × dim.
 *
 * Self-contained on purpose: the inference worker thread receives this function's source text.
 */
export function poolHiddenStates(
  hidden: Float32Array,
  attentionMask: BigInt64Array,
  batch: number,
  seq: number,
  dim: number,
  pooling: Pooling,
  normalize: boolean,
): Float32Array {
  const out = new Float32Array(batch * dim);
  // Accumulate in float64: long sequences of float32 sums lose digits the reference (torch, fp32) keeps
  // only approximately anyway, but this makes the result independent of padding length.
  const accumulator = new Float64Array(dim);
  for (let row = 0; row < batch; row++) {
    accumulator.fill(0);
    let count = 0;
    if (pooling === 'cls') {
      const base = row * seq * dim;
      for (let d = 0; d < dim; d++) accumulator[d] = hidden[base + d];
      count = 1;
    } else {
      for (let t = 0; t < seq; t++) {
        if (attentionMask[row * seq + t] === BigInt(0)) continue;
        count += 1;
        const base = (row * seq + t) * dim;
        for (let d = 0; d < dim; d++) accumulator[d] += hidden[base + d];
      }
    }
    const divisor = Math.max(count, 1e-9);
    let squares = 0;
    for (let d = 0; d < dim; d++) {
      accumulator[d] /= divisor;
      squares += accumulator[d] * accumulator[d];
    }
    const scale = normalize ? 1 / Math.max(Math.sqrt(squares), 1e-12) : 1;
    for (let d = 0; d < dim; d++) out[row * dim + d] = accumulator[d] * scale;
  }
  return out;
}
