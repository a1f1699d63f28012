/**
 * Aho–Corasick automaton compiled into a dense DFA over a small alphabet: every state has a
 * precomputed next state for every symbol (failure links folded in at build time), so a scan is
 * one table lookup per code unit with no failure-chain walk and no Map lookups.
 *
 * The alphabet is the set of code units that occur in the patterns (≈ 50 for the taxonomy); all
 * other code units share symbol 0, which always leads back to the root. States are numbered
 * breadth-first (shallow, hot states share cache lines), except that every state where a pattern
 * ends is numbered after all the others, so "does anything end here?" is one comparison. With
 * ~50 000 states the table is states × alphabet × 2 bytes (Uint16Array while the state count
 * allows it) ≈ 5 MB, outside the JS heap.
 *
 * Hits come out in the same order as the classic goto/fail formulation: by end position, then the
 * state's own patterns (in pattern order) before the ones inherited through failure links.
 */
export class DenseAutomaton {
  /** Code unit → symbol (0 = not in any pattern). */
  private readonly symbolOf = new Uint8Array(0x10000);
  private readonly alphabetSize: number;
  /** next[state * alphabetSize + symbol]. */
  private readonly next: Uint16Array | Int32Array;
  /** States numbered from here on have outputs. */
  private readonly firstOutputState: number;
  /** Patterns ending at output state s: outList[outStart[s - firstOutputState] .. outStart[s - firstOutputState + 1]). */
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  private readonly lengths: Int32Array;
  /** Reused across calls: pairs (pattern, end) of the last scan. */
  private hitBuffer = new Int32Array(2048);

  constructor(patterns: readonly string[]) {
    const symbols: number[] = [];
    for (const pattern of patterns) {
      if (!pattern) throw new Error('empty pattern');
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        if (this.symbolOf[c] === 0) {
          symbols.push(c);
          this.symbolOf[c] = symbols.length;
        }
      }
    }
    if (symbols.length > 254) throw new Error(`pattern alphabet too large (${symbols.length} code units)`);
    const alphabetSize = symbols.length + 1;
    this.alphabetSize = alphabetSize;
    this.lengths = Int32Array.from(patterns, (p) => p.length);

    // Trie as child lists (first child / next sibling): small while building, unlike a dense goto table.
    const firstChild: number[] = [-1];
    const sibling: number[] = [-1];
    const edgeSymbol: number[] = [0];
    const own: number[][] = [[]];
    const child = (state: number, symbol: number): number => {
      for (let c = firstChild[state]!; c >= 0; c = sibling[c]!) if (edgeSymbol[c] === symbol) return c;
      return -1;
    };
    patterns.forEach((pattern, index) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const symbol = this.symbolOf[pattern.charCodeAt(i)]!;
        let next = child(state, symbol);
        if (next < 0) {
          next = firstChild.length;
          firstChild.push(-1);
          sibling.push(firstChild[state]!);
          edgeSymbol.push(symbol);
          own.push([]);
          firstChild[state] = next;
        }
        state = next;
      }
      own[state]!.push(index);
    });
    const trieStates = firstChild.length;

    // Breadth-first: failure links and outputs (own patterns, then the failure state's outputs).
    const fail = new Int32Array(trieStates);
    const outputs: number[][] = new Array<number[]>(trieStates);
    outputs[0] = [];
    const order = new Int32Array(trieStates);
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const state = order[head]!;
      if (state !== 0) outputs[state] = [...own[state]!, ...outputs[fail[state]!]!];
      for (let c = firstChild[state]!; c >= 0; c = sibling[c]!) {
        if (state !== 0) {
          const symbol = edgeSymbol[c]!;
          let f = fail[state]!;
          let target = child(f, symbol);
          while (target < 0 && f !== 0) {
            f = fail[f]!;
            target = child(f, symbol);
          }
          fail[c] = target < 0 ? 0 : target;
        }
        order[tail++] = c;
      }
    }

    // Renumber: states without outputs first, then states with outputs, each group breadth-first.
    const id = new Int32Array(trieStates);
    let nextId = 0;
    for (let k = 0; k < trieStates; k++) if (outputs[order[k]!]!.length === 0) id[order[k]!] = nextId++;
    this.firstOutputState = nextId;
    for (let k = 0; k < trieStates; k++) if (outputs[order[k]!]!.length > 0) id[order[k]!] = nextId++;

    // Complete transition table, rows filled in breadth-first order so failure rows are ready.
    const next =
      trieStates <= 0xffff ? new Uint16Array(trieStates * alphabetSize) : new Int32Array(trieStates * alphabetSize);
    for (let k = 0; k < trieStates; k++) {
      const state = order[k]!;
      const row = id[state]! * alphabetSize;
      // Root: no edge leads back to the root (0). Others: inherit the failure state's row, then own edges.
      if (state !== 0)
        next.copyWithin(row, id[fail[state]!]! * alphabetSize, id[fail[state]!]! * alphabetSize + alphabetSize);
      for (let c = firstChild[state]!; c >= 0; c = sibling[c]!) next[row + edgeSymbol[c]!] = id[c]!;
    }
    this.next = next;

    const outputStates = trieStates - this.firstOutputState;
    this.outStart = new Int32Array(outputStates + 1);
    const byId: number[][] = new Array<number[]>(outputStates);
    for (let s = 0; s < trieStates; s++)
      if (id[s]! >= this.firstOutputState) byId[id[s]! - this.firstOutputState] = outputs[s]!;
    let total = 0;
    for (let k = 0; k < outputStates; k++) {
      this.outStart[k] = total;
      total += byId[k]!.length;
    }
    this.outStart[outputStates] = total;
    this.outList = new Int32Array(total);
    for (let k = 0; k < outputStates; k++) this.outList.set(byId[k]!, this.outStart[k]!);
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
    const next = this.next;
    const symbolOf = this.symbolOf;
    const alphabetSize = this.alphabetSize;
    const firstOutputState = this.firstOutputState;
    const outStart = this.outStart;
    const outList = this.outList;
    const lengths = this.lengths;
    let hits = this.hitBuffer;
    let n = 0;
    let state = 0;
    for (let i = 0; i < length; i++) {
      state = next[state * alphabetSize + symbolOf[codes[i]!]!]!;
      if (state < firstOutputState) continue;
      const oEnd = outStart[state - firstOutputState + 1]!;
      for (let o = outStart[state - firstOutputState]!; o < oEnd; o++) {
        const pattern = outList[o]!;
        const start = i + 1 - lengths[pattern]!;
        if (pattern < boundedPatterns && start > 0 && wordChar[codes[start - 1]!] === 1) continue;
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
}
