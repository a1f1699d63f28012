import { AhoCorasick } from '../src/automaton';
import { WORD_CHAR } from '../src/char-tables';
import { DenseAutomaton } from '../src/dense-automaton';
import { normalizeText } from '../src/normalize';
import { prng } from './prng';

/**
 * The taxonomy-sized layout keeps dense rows only for the shallowest states; with a tiny dense
 * block nearly every state is sparse (edges + failure link). Same hits in the same order as the
 * Map-based reference either way.
 */
function compare(patterns: string[], texts: string[], denseBytes: number): void {
  const reference = new AhoCorasick(patterns);
  const automaton = new DenseAutomaton(patterns, denseBytes);
  const flags = new Uint8Array(patterns.length).fill(1);
  for (const text of texts) {
    const { codes, length } = normalizeText(text);
    for (const bounded of [false, true]) {
      const expected = reference.search(codes, length, bounded ? flags : undefined, WORD_CHAR).map((h) => [h.pattern, h.end]);
      const { hits, count } = automaton.scan(codes, length, WORD_CHAR, bounded ? patterns.length : 0);
      const actual: number[][] = [];
      for (let k = 0; k < count; k++) actual.push([hits[2 * k]!, hits[2 * k + 1]!]);
      expect(actual).toEqual(expected);
    }
  }
}

describe('DenseAutomaton with sparse deep states', () => {
  it.each([0, 64, 1024])('matches the reference with a %i-byte dense block', (denseBytes) => {
    const rand = prng(11);
    const word = (n: number) => Array.from({ length: n }, () => 'ab c.+x-'[Math.floor(rand() * 8)]).join('');
    const patterns = [...new Set(Array.from({ length: 120 }, () => word(1 + Math.floor(rand() * 7))).filter((p) => p.trim() === p && p))];
    const texts = Array.from({ length: 200 }, () => word(Math.floor(rand() * 120)));
    compare(patterns, texts, denseBytes);
    compare(['he', 'she', 'his', 'hers', 'abc', 'bc', 'c', 'abc', 'ab'], ['ushers', 'hishershe', 'abcabc xabc ab c'], denseBytes);
  });

  it('stays small for a taxonomy-sized pattern set', () => {
    const rand = prng(3);
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789 -.+#/';
    const patterns = Array.from({ length: 30_000 }, () =>
      Array.from({ length: 8 + Math.floor(rand() * 20) }, () => letters[Math.floor(rand() * letters.length)]).join('').trim() || 'x',
    );
    const automaton = new DenseAutomaton(patterns);
    // ~500 000 states: a fully dense Int32 table would be ~90 MB.
    expect(automaton.byteSize()).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('DenseAutomaton serialized (the O*NET data file sidecar)', () => {
  const patterns = ['he', 'she', 'his', 'hers', 'abc', 'bc', 'c', 'c++', 'c#'];
  const texts = ['ushers', 'hishershe', 'abcabc xabc ab c', 'c++ c# c'];
  const hitsOf = (automaton: DenseAutomaton, text: string) => {
    const { codes, length } = normalizeText(text);
    const { hits, count } = automaton.scan(codes, length, WORD_CHAR, patterns.length);
    return Array.from(hits.subarray(0, 2 * count));
  };

  it('scans the same from views into its buffer as when compiled', () => {
    const compiled = new DenseAutomaton(patterns, 64);
    // An unaligned copy, as a file read into a pooled buffer could be.
    const bytes = compiled.serialize();
    const unaligned = new Uint8Array(bytes.byteLength + 3).subarray(3);
    unaligned.set(bytes);
    for (const buffer of [bytes, unaligned]) {
      const loaded = new DenseAutomaton(patterns, undefined, buffer);
      for (const text of texts) expect(hitsOf(loaded, text)).toEqual(hitsOf(compiled, text));
    }
  });

  it('refuses a buffer for other patterns or not an automaton', () => {
    const bytes = new DenseAutomaton(patterns).serialize();
    expect(() => new DenseAutomaton([...patterns, 'x'], undefined, bytes)).toThrow(/other patterns/);
    expect(() => new DenseAutomaton(patterns, undefined, new Uint8Array(64))).toThrow(/not a compiled automaton/);
  });
});
