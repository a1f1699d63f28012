/**
 * Normalised view of a text for matching: lower case, typographic dashes/quotes folded,
 * whitespace runs collapsed to one space, with a map back to original offsets so evidence
 * spans point into the caller's string.
 */
export interface NormalizedText {
  codes: Uint16Array;
  /** offsets[i] = index in the original text of normalised code unit i. */
  offsets: Int32Array;
  length: number;
}

const SPACE = 32;

export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

/** Letters and digits (ASCII, plus any non-ASCII letter-like code unit). */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !isSpaceCode(c) && !(c >= 0x2010 && c <= 0x206f));
}

/** Case and punctuation folding of one UTF-16 code unit (char-tables.ts tabulates it). */
export function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  if (c >= 0x2010 && c <= 0x2015) return 45; // hyphens and dashes → '-'
  if (c === 0x2018 || c === 0x2019) return 39; // curly apostrophes → "'"
  if (c === 0xff0b) return 43; // fullwidth plus
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

export function normalizeText(text: string): NormalizedText {
  const codes = new Uint16Array(text.length);
  const offsets = new Int32Array(text.length);
  let n = 0;
  let lastWasSpace = true; // also trims leading whitespace
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (!lastWasSpace) {
        codes[n] = SPACE;
        offsets[n++] = i;
        lastWasSpace = true;
      }
      continue;
    }
    codes[n] = foldCode(c);
    offsets[n++] = i;
    lastWasSpace = false;
  }
  return { codes, offsets, length: n };
}

/** Normalises a pattern the same way as text (used for taxonomy terms): one flat string, no buffers per call. */
export function normalizePattern(term: string): string {
  const trimmed = term.trim();
  const codes: number[] = [];
  let lastWasSpace = true;
  let changed = false;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (c !== SPACE || lastWasSpace) changed = true;
      if (!lastWasSpace) codes.push(SPACE);
      lastWasSpace = true;
      continue;
    }
    const folded = foldCode(c);
    if (folded !== c) changed = true;
    codes.push(folded);
    lastWasSpace = false;
  }
  // The caller's string when nothing changed (most terms), else one flat string.
  return changed ? String.fromCharCode(...codes) : trimmed;
}
