import { FOLD, JS_SPACE, NormalizedBuffer, SPACE, WORD_CHAR } from './char-tables';
import { isSpaceCode, isWordCode, normalizeText } from './normalize';

describe('char-tables', () => {
  it('agree with normalize.ts and /\\s/ on every UTF-16 code unit', () => {
    const mismatches: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const ref = normalizeText(`x${ch}`); // leading x: a lone space is kept, not trimmed
      const folded = isSpaceCode(c) ? 32 : ref.codes[1];
      if (!isSpaceCode(c) && FOLD[c] !== folded) mismatches.push(`fold ${c.toString(16)}`);
      if ((SPACE[c] === 1) !== isSpaceCode(c)) mismatches.push(`space ${c.toString(16)}`);
      if ((WORD_CHAR[c] === 1) !== isWordCode(c)) mismatches.push(`word ${c.toString(16)}`);
      if ((JS_SPACE[c] === 1) !== /\s/.test(ch)) mismatches.push(`\\s ${c.toString(16)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('NormalizedBuffer gives normalizeText output, also when its buffers are reused and grown', () => {
    const buffer = new NormalizedBuffer();
    const texts = [
      '  Senior  C++\tdev —\u00a0Node.JS\n\n',
      'x'.repeat(5000) + ' Ünïcode ’quotes’ ＋',
      'short',
      '',
      '\u2003\u3000lead',
    ];
    for (const text of texts) {
      buffer.load(text);
      const ref = normalizeText(text);
      expect(buffer.length).toBe(ref.length);
      expect(Array.from(buffer.codes.subarray(0, buffer.length))).toEqual(
        Array.from(ref.codes.subarray(0, ref.length)),
      );
      expect(Array.from(buffer.offsets.subarray(0, buffer.length))).toEqual(
        Array.from(ref.offsets.subarray(0, ref.length)),
      );
    }
  });
});
