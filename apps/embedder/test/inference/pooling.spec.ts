import { poolHiddenStates } from '../../src/inference/pooling';

describe('poolHiddenStates', () => {
  // batch 2, seq 3, dim 2. Row 0 attends to 2 tokens, row 1 to 1; padding rows hold large values
  // that must not leak into the result.
  // prettier-ignore
  const hidden = Float32Array.from([
    1, 2, /**/ 3, 4, /**/ 100, 100, // row 0: tokens (1,2) (3,4), padding
    3, 4, /**/ 50, -50, /**/ 7, 7, //  row 1: token (3,4), padding, padding
  ]);
  const mask = BigInt64Array.from([1n, 1n, 0n, 1n, 0n, 0n]);

  it('mean-pools over attended tokens only, then L2-normalizes (hand-computed)', () => {
    const out = poolHiddenStates(hidden, mask, 2, 3, 2, 'mean', true);
    // row 0: mean (2, 3), norm √13; row 1: (3, 4), norm 5.
    expect(Array.from(out.subarray(0, 2))).toEqual([
      expect.closeTo(2 / Math.sqrt(13), 6),
      expect.closeTo(3 / Math.sqrt(13), 6),
    ]);
    expect(Array.from(out.subarray(2, 4))).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
  });

  it('leaves the mean unnormalized when the model says so', () => {
    const out = poolHiddenStates(hidden, mask, 2, 3, 2, 'mean', false);
    expect(Array.from(out)).toEqual([2, 3, 3, 4]);
  });

  it('takes the first token for cls pooling', () => {
    const out = poolHiddenStates(hidden, mask, 2, 3, 2, 'cls', true);
    expect(Array.from(out.subarray(0, 2))).toEqual([
      expect.closeTo(1 / Math.sqrt(5), 6),
      expect.closeTo(2 / Math.sqrt(5), 6),
    ]);
    expect(Array.from(out.subarray(2, 4))).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
  });

  it('never divides by zero: an all-zero vector stays zero instead of NaN', () => {
    const out = poolHiddenStates(new Float32Array(4), BigInt64Array.from([1n, 1n]), 1, 2, 2, 'mean', true);
    expect(Array.from(out)).toEqual([0, 0]);
  });
});
