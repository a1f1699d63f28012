import { foldCode, isSpaceCode, isWordCode } from './normalize';

/**
 * Per-code-unit lookup tables for the extractor's hot loops (built once, ~260 KB in total), and
 * a normaliser that writes into reused buffers. Behaviour is identical to normalize.ts
 * (normalizeText), which stays the reference; char-tables.spec.ts checks every code unit.
 */

function table<T extends Uint8Array | Uint16Array>(out: T, value: (c: number) => number): T {
  for (let c = 0; c < out.length; c++) out[c] = value(c);
  return out;
}

/** Case/typography fold of each code unit (see normalize.ts). */
export const FOLD = table(new Uint16Array(0x10000), foldCode);
/** 1 where normalize.ts's isSpaceCode holds (runs collapse to one space). */
export const SPACE = table(new Uint8Array(0x10000), (c) => (isSpaceCode(c) ? 1 : 0));
/** 1 where isWordCode holds (letters and digits). */
export const WORD_CHAR = table(new Uint8Array(0x10000), (c) => (isWordCode(c) ? 1 : 0));
/**
 * 1 where the regex class `\s` matches (what String#trim and /\s+/ treat as white space): the
 * ECMAScript WhiteSpace and LineTerminator code points (char-tables.spec.ts checks it against /\s/).
 */
export const JS_SPACE = table(new Uint8Array(0x10000), (c) =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff
    ? 1
    : 0,
);

/** Normalised view written into buffers that the next call reuses (extraction is synchronous). */
export class NormalizedBuffer {
  codes = new Uint16Array(4096);
  /** offsets[i] = index in the original text of normalised code unit i. */
  offsets = new Int32Array(4096);
  length = 0;

  /** Same output as normalizeText(text): folded, whitespace runs collapsed to one space, leading space trimmed. */
  load(text: string): void {
    if (text.length > this.codes.length) {
      const size = Math.max(text.length, this.codes.length * 2);
      this.codes = new Uint16Array(size);
      this.offsets = new Int32Array(size);
    }
    const codes = this.codes;
    const offsets = this.offsets;
    const space = SPACE; // locals: compiled CommonJS would otherwise re-read `exports.X` per character
    const fold = FOLD;
    let n = 0;
    let lastWasSpace = true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (space[c] === 1) {
        if (!lastWasSpace) {
          codes[n] = 32;
          offsets[n++] = i;
          lastWasSpace = true;
        }
        continue;
      }
      codes[n] = fold[c]!;
      offsets[n++] = i;
      lastWasSpace = false;
    }
    this.length = n;
  }
}
