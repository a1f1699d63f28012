import { normalizeEmbeddingInput } from '@jobmatch/contracts';
import { preprocessText } from '../src/inference/text-preprocessing';

describe('query-embedding cache keys', () => {
  it('hashes exactly the text the model sees (one normalization for cache keys and inference)', () => {
    const samples = [
      '  Senior\t\tengineer \n\n remote\u00a0ok  ',
      `${'word '.repeat(1_700)}\u{1F600} tail`,
      'x'.repeat(8_010),
    ];
    for (const text of samples) expect(normalizeEmbeddingInput(text)).toBe(preprocessText(text));
  });
});
