import { AhoCorasick } from './automaton';
import { WORD_CHAR } from './char-tables';
import { DenseAutomaton } from './dense-automaton';
import { normalizeText } from './normalize';
import { prng } from '../test/prng';

/** The Map-based automaton (automaton.ts) is the reference: same hits, same order. */
function compare(patterns: string[], texts: string[], bounded: boolean): void {
  const reference = new AhoCorasick(patterns);
  const dense = new DenseAutomaton(patterns);
  const flags = new Uint8Array(patterns.length).fill(bounded ? 1 : 0);
  for (const text of texts) {
    const { codes, length } = normalizeText(text);
    const expected = reference.search(codes, length, flags, WORD_CHAR).map((h) => [h.pattern, h.end]);
    const { hits, count } = dense.scan(codes, length, WORD_CHAR, bounded ? patterns.length : 0);
    const actual: number[][] = [];
    for (let k = 0; k < count; k++) actual.push([hits[2 * k]!, hits[2 * k + 1]!]);
    expect(actual).toEqual(expected);
  }
}

describe('DenseAutomaton', () => {
  it('finds overlapping and nested patterns like the reference', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'c', 'c++', 'c#', '.net', 'asp.net', 'a', 'ab', 'bab', 'abab'];
    compare(patterns, ['ushers', 'c++ c# .net asp.net', 'ababab bab', 'hishershe', ''], false);
    compare(patterns, ['ushers', 'c++ c# .net asp.net', 'ababab bab', 'x.net', 'hishershe'], true);
  });

  it('matches the reference on random texts over a small alphabet (dense overlaps)', () => {
    const rand = prng(7);
    const word = (n: number) => Array.from({ length: n }, () => 'ab c.+-'[Math.floor(rand() * 7)]).join('');
    const patterns = [
      ...new Set(Array.from({ length: 60 }, () => word(1 + Math.floor(rand() * 5))).filter((p) => p.trim() === p && p)),
    ];
    const texts = Array.from({ length: 200 }, () => word(Math.floor(rand() * 80)));
    compare(patterns, texts, false);
    compare(patterns, texts, true);
  });

  it('reports duplicate patterns and patterns that are prefixes/suffixes of others', () => {
    compare(['abc', 'bc', 'c', 'abc', 'ab'], ['abcabc', 'xabc', 'ab c'], false);
  });

  it('shares states between spaced and hyphenated spellings but keeps their hits apart', () => {
    const patterns = ['machine learning', 'machine-learning', 'go-to-market', 'point-of-sale system', 'a b-c', 'a-b c', 'b c', 'b-c'];
    const texts = ['machine learning and machine-learning', 'go to market, go-to-market', 'point of sale system point-of-sale-system point-of-sale system', 'a b-c a-b c a b c a-b-c'];
    compare(patterns, texts, false);
    compare(patterns, texts, true);
  });
});
