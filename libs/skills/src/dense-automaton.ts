/**
 * Aho–Corasick automaton over a small alphabet, laid out for a taxonomy of any size: the shallow
 * states (where a scan spends nearly all its time) have dense rows with a precomputed next state
 * for every symbol, failure links folded in; the deep states keep only their trie edges (CSR:
 * a few bytes per state) and a failure link. A fully dense table was states × alphabet × 4 bytes,
 * ≈ 80 MB for the O*NET-sized taxonomy (365 000 states); this layout is ≈ 20 bytes per state plus
 * a fixed dense block (DENSE_BYTES), all in typed arrays outside the JS heap.
 *
 * The alphabet is the set of code units that occur in the patterns; all other code units share
 * symbol 0, which always leads back to the root. States are numbered breadth-first, so the dense
 * states are exactly the shallowest ones, and a failure link always points to a smaller number.
 *
 * Hits come out in the same order as the classic goto/fail formulation: by end position, then the
 * state's own patterns (in pattern order) before the ones inherited through failure links.
 *
 * Space and hyphen are one symbol in the trie: a multi-word term and its hyphenated variant
 * ("machine learning", "machine-learning") share their states, which halves the O*NET-sized trie
 * (356 000 → 191 000 states). A hit is then kept only when the text's separators are the
 * pattern's own (sepForm), so the hits are exactly those of the unfolded automaton.
 *
 * States are numbered breadth-first, so the children of a state are consecutive and trie edge e
 * (in CSR order) leads to state e + 1: edges need no target array.
 */

/** No edge found yet (no encoded state is this small). */
const NONE = -0x7fffffff - 1;

/** Bytes of dense rows (shallow states); deeper states are sparse. */
const DENSE_BYTES = 2 * 1024 * 1024;

/** Magic and version of serialize()'s layout. */
const SERIAL_MAGIC = 0x4a4d4132; // "JMA2"
const SERIAL_ARRAYS = ['symbolOf', 'dense', 'edgeStart', 'edgeSymbol', 'fail', 'outStart', 'outList', 'lengths'] as const;

const SPACE = 32;
const HYPHEN = 45;
/** edgeSymbol: the symbol in the low bits, OUT_BIT when some pattern ends at the edge's target. */
const OUT_BIT = 0x8000;
const SYMBOL_MASK = 0x7fff;
/** How a pattern separates its words (sepForm): the trie folds ' ' and '-' into one symbol, a hit checks the text's. */
const SEP_NONE = 0;
const SEP_SPACES = 1;
const SEP_HYPHENS = 2;
const SEP_MIXED = 3;

export class DenseAutomaton {
  /** Code unit → symbol (0 = not in any pattern). */
  private readonly symbolOf: Uint16Array = new Uint16Array(0x10000);
  private readonly alphabetSize: number;
  /** States numbered below this have dense rows: dense[state * alphabetSize + symbol]. */
  private readonly denseStates: number;
  private readonly dense: Int32Array;
  /** Trie edges of state s: edgeSymbol[edgeStart[s] .. edgeStart[s + 1]), edge x leading to state x + 1. */
  private readonly edgeStart: Int32Array;
  /** Symbol | OUT_BIT (a pattern ends at the target): a scan learns "a pattern ends here" without another read. */
  private readonly edgeSymbol: Uint16Array;
  private readonly fail: Int32Array;
  /** Patterns ending at state s: outList[outStart[s] .. outStart[s + 1]). */
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  private readonly lengths: Int32Array;
  /** SEP_* per pattern (derived from the patterns, not serialized). */
  private readonly sepForm: Uint8Array;
  /** Patterns with both spaces and hyphens ("point-of-sale system"): checked against their text. */
  private readonly mixed = new Map<number, string>();
  /** Reused across calls: pairs (pattern, end) of the last scan. */
  private hitBuffer = new Int32Array(2048);

  /**
   * Compiles `patterns`, or, given `compiled` (what serialize() wrote for the same patterns), takes
   * its tables as views into the buffer: no trie build at start-up, whose transient arrays were the
   * largest item of the skill-gap service's peak memory at O*NET scale. `denseBytes` only for tests.
   */
  constructor(patterns: readonly string[], denseBytes = DENSE_BYTES, compiled?: Uint8Array) {
    this.sepForm = new Uint8Array(patterns.length);
    patterns.forEach((pattern, index) => {
      const form = (pattern.includes(' ') ? SEP_SPACES : 0) | (pattern.includes('-') ? SEP_HYPHENS : 0);
      this.sepForm[index] = form;
      if (form === SEP_MIXED) this.mixed.set(index, pattern);
    });
    if (compiled) {
      const tables = DenseAutomaton.readTables(compiled, patterns);
      this.alphabetSize = tables.alphabetSize;
      this.denseStates = tables.denseStates;
      this.symbolOf = tables.symbolOf;
      this.dense = tables.dense;
      this.edgeStart = tables.edgeStart;
      this.edgeSymbol = tables.edgeSymbol;
      this.fail = tables.fail;
      this.outStart = tables.outStart;
      this.outList = tables.outList;
      this.lengths = tables.lengths;
      return;
    }
    let symbols = 0;
    let totalLength = 0;
    for (const pattern of patterns) {
      if (!pattern) throw new Error('empty pattern');
      totalLength += pattern.length;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i) === HYPHEN ? SPACE : pattern.charCodeAt(i);
        if (this.symbolOf[c] === 0) this.symbolOf[c] = ++symbols;
      }
    }
    this.symbolOf[HYPHEN] = this.symbolOf[SPACE]!;
    if (symbols > SYMBOL_MASK) throw new Error('alphabet too large');
    const alphabetSize = symbols + 1;
    this.alphabetSize = alphabetSize;
    this.lengths = Int32Array.from(patterns, (p) => p.length);

    // Trie as child lists (first child / next sibling) in typed arrays: at most one state per pattern code unit.
    const capacity = totalLength + 1;
    const firstChild = new Int32Array(capacity).fill(-1);
    const sibling = new Int32Array(capacity).fill(-1);
    const edgeSym = new Uint16Array(capacity);
    const endState = new Int32Array(patterns.length);
    let stateCount = 1;
    const child = (state: number, symbol: number): number => {
      for (let c = firstChild[state]!; c >= 0; c = sibling[c]!) if (edgeSym[c] === symbol) return c;
      return -1;
    };
    patterns.forEach((pattern, index) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const symbol = this.symbolOf[pattern.charCodeAt(i)]!;
        let next = child(state, symbol);
        if (next < 0) {
          next = stateCount++;
          sibling[next] = firstChild[state]!;
          edgeSym[next] = symbol;
          firstChild[state] = next;
        }
        state = next;
      }
      endState[index] = state;
    });

    // Own patterns per trie state, in pattern order (counting sort by end state).
    const ownStart = new Int32Array(stateCount + 1);
    for (let p = 0; p < patterns.length; p++) ownStart[endState[p]! + 1]!++;
    for (let s = 0; s < stateCount; s++) ownStart[s + 1]! += ownStart[s]!;
    const ownList = new Int32Array(patterns.length);
    const fillAt = ownStart.slice(0, stateCount);
    for (let p = 0; p < patterns.length; p++) ownList[fillAt[endState[p]!]!++] = p;

    // Breadth-first order (= new state numbers) and failure links, in trie numbering.
    const trieFail = new Int32Array(stateCount);
    const order = new Int32Array(stateCount);
    const id = new Int32Array(stateCount);
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const state = order[head]!;
      id[state] = head;
      for (let c = firstChild[state]!; c >= 0; c = sibling[c]!) {
        if (state !== 0) {
          const symbol = edgeSym[c]!;
          let f = trieFail[state]!;
          let target = child(f, symbol);
          while (target < 0 && f !== 0) {
            f = trieFail[f]!;
            target = child(f, symbol);
          }
          trieFail[c] = target < 0 ? 0 : target;
        }
        order[tail++] = c;
      }
    }

    // Outputs per state (own, then the failure state's), sizes first, both in the new numbering.
    this.fail = new Int32Array(stateCount);
    this.outStart = new Int32Array(stateCount + 1);
    const outCount = new Int32Array(stateCount);
    for (let k = 1; k < stateCount; k++) {
      const state = order[k]!;
      const f = id[trieFail[state]!]!;
      this.fail[k] = f;
      outCount[k] = ownStart[state + 1]! - ownStart[state]! + (f === 0 ? 0 : outCount[f]!);
    }
    for (let k = 0; k < stateCount; k++) this.outStart[k + 1] = this.outStart[k]! + outCount[k]!;
    this.outList = new Int32Array(this.outStart[stateCount]!);
    for (let k = 1; k < stateCount; k++) {
      const state = order[k]!;
      let at = this.outStart[k]!;
      for (let o = ownStart[state]!; o < ownStart[state + 1]!; o++) this.outList[at++] = ownList[o]!;
      const f = this.fail[k]!;
      this.outList.copyWithin(at, this.outStart[f]!, this.outStart[f + 1]!);
    }

    // Transitions are stored encoded: ~id (negative) for a state where some pattern ends, id otherwise.
    const encoded = (state: number) => (this.outStart[state + 1]! > this.outStart[state]! ? ~state : state);

    // Sparse edges in the new numbering: edge e leads to state e + 1 (breadth-first numbering).
    this.edgeStart = new Int32Array(stateCount + 1);
    this.edgeSymbol = new Uint16Array(Math.max(0, stateCount - 1));
    let e = 0;
    for (let k = 0; k < stateCount; k++) {
      this.edgeStart[k] = e;
      for (let c = firstChild[order[k]!]!; c >= 0; c = sibling[c]!) {
        if (id[c] !== e + 1) throw new Error('breadth-first numbering broken');
        this.edgeSymbol[e] = edgeSym[c]! | (encoded(e + 1) < 0 ? OUT_BIT : 0);
        e++;
      }
    }
    this.edgeStart[stateCount] = e;

    // Dense rows for the shallowest states (encoded targets): the failure state's row (always shallower), then own edges.
    this.denseStates = Math.max(1, Math.min(stateCount, Math.floor(denseBytes / (alphabetSize * 4))));
    this.dense = new Int32Array(this.denseStates * alphabetSize);
    for (let k = 0; k < this.denseStates; k++) {
      const row = k * alphabetSize;
      if (k !== 0) {
        const f = this.fail[k]! * alphabetSize;
        this.dense.copyWithin(row, f, f + alphabetSize);
      }
      for (let x = this.edgeStart[k]!; x < this.edgeStart[k + 1]!; x++) this.dense[row + (this.edgeSymbol[x]! & SYMBOL_MASK)] = encoded(x + 1);
    }
  }

  /**
   * Scans `codes[0 .. length)` and returns how many hits were found; hit k is pattern
   * `hits[2k]` ending (exclusive) at `hits[2k + 1]`. Hits of patterns numbered below
   * `boundedPatterns` that start right after a code unit flagged in `wordChar` are dropped here
   * (they may not begin inside a word). The returned buffer is reused by the next call.
   */
  scan(
    codes: Uint16Array,
    length: number,
    wordChar: Uint8Array,
    boundedPatterns: number,
  ): { hits: Int32Array; count: number } {
    const dense = this.dense;
    const denseStates = this.denseStates;
    const edgeStart = this.edgeStart;
    const edgeSymbol = this.edgeSymbol;
    const fail = this.fail;
    const sepForm = this.sepForm;
    const symbolOf = this.symbolOf;
    const alphabetSize = this.alphabetSize;
    const outStart = this.outStart;
    const outList = this.outList;
    const lengths = this.lengths;
    let hits = this.hitBuffer;
    let n = 0;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const symbol = symbolOf[codes[i]!]!;
      // Encoded target (see encoded): NONE while not found.
      let next = NONE;
      while (state >= denseStates) {
        for (let x = edgeStart[state]!, end = edgeStart[state + 1]!; x < end; x++) {
          const edge = edgeSymbol[x]!;
          if ((edge & SYMBOL_MASK) === symbol) {
            next = edge & OUT_BIT ? ~(x + 1) : x + 1;
            break;
          }
        }
        if (next !== NONE) break;
        state = fail[state]!;
      }
      if (next === NONE) next = dense[state * alphabetSize + symbol]!;
      if (next >= 0) {
        state = next;
        continue;
      }
      state = ~next;
      const oEnd = outStart[state + 1]!;
      for (let o = outStart[state]!; o < oEnd; o++) {
        const pattern = outList[o]!;
        const start = i + 1 - lengths[pattern]!;
        if (pattern < boundedPatterns && start > 0 && wordChar[codes[start - 1]!] === 1) continue;
        if (sepForm[pattern] !== SEP_NONE && !this.separatorsAgree(pattern, codes, start, i + 1)) continue;
        if (n + 2 > hits.length) {
          const grown = new Int32Array(hits.length * 2);
          grown.set(hits);
          hits = this.hitBuffer = grown;
        }
        hits[n++] = pattern;
        hits[n++] = i + 1;
      }
    }
    return { hits, count: n >> 1 };
  }

  /**
   * Whether codes[start .. end), which matched `pattern` with ' ' and '-' folded, separates its
   * words as the pattern does: only the pattern's separator positions can hold either.
   */
  private separatorsAgree(pattern: number, codes: Uint16Array, start: number, end: number): boolean {
    const form = this.sepForm[pattern];
    if (form === SEP_MIXED) {
      const text = this.mixed.get(pattern)!;
      for (let j = start; j < end; j++) if (codes[j] !== text.charCodeAt(j - start)) return false;
      return true;
    }
    const other = form === SEP_SPACES ? HYPHEN : SPACE;
    for (let j = start; j < end; j++) if (codes[j] === other) return false;
    return true;
  }

  /** The compiled tables in one buffer (header of Int32s, then each array, 8-byte aligned). */
  serialize(): Uint8Array {
    const arrays = SERIAL_ARRAYS.map((name) => this[name]);
    const headerInts = 4 + arrays.length;
    let size = Math.ceil((headerInts * 4) / 8) * 8;
    const offsets = arrays.map((a) => {
      const at = size;
      size += Math.ceil(a.byteLength / 8) * 8;
      return at;
    });
    const out = new Uint8Array(size);
    const header = new Int32Array(out.buffer, 0, headerInts);
    header.set([SERIAL_MAGIC, this.alphabetSize, this.denseStates, arrays.length, ...arrays.map((a) => a.length)]);
    arrays.forEach((a, k) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offsets[k]));
    return out;
  }

  /** Views into a serialize() buffer; throws when it is not one, or not for these patterns. */
  private static readTables(buffer: Uint8Array, patterns: readonly string[]) {
    if (buffer.byteOffset % 8 !== 0) buffer = buffer.slice(); // typed-array views need alignment
    const ints = (at: number, length: number) => new Int32Array(buffer.buffer, buffer.byteOffset + at, length);
    const [magic, alphabetSize, denseStates, count] = ints(0, 4);
    if (magic !== SERIAL_MAGIC || count !== SERIAL_ARRAYS.length) throw new Error('not a compiled automaton');
    const lengths = ints(16, count!);
    let at = Math.ceil(((4 + count!) * 4) / 8) * 8;
    const views: Record<string, Uint16Array | Int32Array> = {};
    SERIAL_ARRAYS.forEach((name, k) => {
      const n = lengths[k]!;
      const wide = name === 'symbolOf' || name === 'edgeSymbol' ? 2 : 4;
      if (at + n * wide > buffer.byteLength) throw new Error('compiled automaton truncated');
      views[name] = wide === 2 ? new Uint16Array(buffer.buffer, buffer.byteOffset + at, n) : new Int32Array(buffer.buffer, buffer.byteOffset + at, n);
      at += Math.ceil((n * wide) / 8) * 8;
    });
    const patternLengths = views.lengths as Int32Array;
    if (patternLengths.length !== patterns.length || patterns.some((p, i) => p.length !== patternLengths[i])) {
      throw new Error('compiled automaton is for other patterns');
    }
    return {
      alphabetSize: alphabetSize!,
      denseStates: denseStates!,
      symbolOf: views.symbolOf as Uint16Array,
      dense: views.dense as Int32Array,
      edgeStart: views.edgeStart as Int32Array,
      edgeSymbol: views.edgeSymbol as Uint16Array,
      fail: views.fail as Int32Array,
      outStart: views.outStart as Int32Array,
      outList: views.outList as Int32Array,
      lengths: patternLengths,
    };
  }

  /** Bytes held in typed arrays (for the benchmark's memory figures). */
  byteSize(): number {
    return [this.symbolOf, this.dense, this.edgeStart, this.edgeSymbol, this.fail, this.outStart, this.outList, this.lengths, this.sepForm].reduce(
      (sum, a) => sum + a.byteLength,
      0,
    );
  }
}
