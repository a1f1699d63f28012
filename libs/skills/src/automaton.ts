/**
 * Aho–Corasick automaton over UTF-16 code units: all patterns are found in one pass over
 * the text, however many there are. Patterns must already be normalised (see normalize.ts).
 */
export interface AutomatonHit {
  pattern: number;
  /** Normalised index of the first code unit. */
  start: number;
  /** Normalised index just past the last code unit. */
  end: number;
}

export class AhoCorasick {
  /** goto function: key = state * 0x10000 + code unit. One flat map keeps lookups cheap. */
  private readonly transitions = new Map<number, number>();
  private readonly fail: Int32Array;
  /** Patterns ending at each state, including those reached through failure links. */
  private readonly outputs: (number[] | undefined)[];
  private readonly lengths: number[];
  /** Dense goto table for the root, where the scan spends most of its time. */
  private readonly rootNext = new Int32Array(0x10000);

  constructor(patterns: readonly string[]) {
    const outputs: (number[] | undefined)[] = [undefined];
    let stateCount = 1;
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((pattern, index) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const k = state * 0x10000 + pattern.charCodeAt(i);
        let next = this.transitions.get(k);
        if (next === undefined) {
          next = stateCount++;
          this.transitions.set(k, next);
          outputs.push(undefined);
        }
        state = next;
      }
      (outputs[state] ??= []).push(index);
    });

    // Breadth-first construction of failure links; children are grouped per parent state.
    const childrenOf: [number, number][][] = Array.from({ length: stateCount }, () => []);
    for (const [k, child] of this.transitions) childrenOf[Math.floor(k / 0x10000)]!.push([k % 0x10000, child]);
    this.fail = new Int32Array(stateCount);
    const queue: number[] = [];
    for (const [, child] of childrenOf[0]!) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, child] of childrenOf[state]!) {
        let f = this.fail[state]!;
        let target = this.transitions.get(f * 0x10000 + code);
        while (target === undefined && f !== 0) {
          f = this.fail[f]!;
          target = this.transitions.get(f * 0x10000 + code);
        }
        const failTo = target ?? 0;
        this.fail[child] = failTo;
        const inherited = outputs[failTo];
        if (inherited) outputs[child] = [...(outputs[child] ?? []), ...inherited];
        queue.push(child);
      }
    }
    this.outputs = outputs;
    for (const [code, child] of childrenOf[0]!) this.rootNext[code] = child;
  }

  /**
   * Every occurrence of every pattern in `codes` (overlapping hits included). When
   * `needsLeftBoundary[p]` is set, hits of pattern p that start right after a character
   * flagged in `wordChar` are dropped here, so text like "r" inside words costs no allocation.
   */
  search(codes: Uint16Array, length: number, needsLeftBoundary?: Uint8Array, wordChar?: Uint8Array): AutomatonHit[] {
    const hits: AutomatonHit[] = [];
    const transitions = this.transitions;
    const fail = this.fail;
    const rootNext = this.rootNext;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = codes[i]!;
      let next = state === 0 ? undefined : transitions.get(state * 0x10000 + code);
      while (next === undefined && state !== 0) {
        state = fail[state]!;
        if (state !== 0) next = transitions.get(state * 0x10000 + code);
      }
      state = next ?? rootNext[code]!;
      const out = this.outputs[state];
      if (out) {
        for (const pattern of out) {
          const start = i + 1 - this.lengths[pattern]!;
          if (needsLeftBoundary && start > 0 && needsLeftBoundary[pattern] === 1 && wordChar![codes[start - 1]!] === 1) continue;
          hits.push({ pattern, start, end: i + 1 });
        }
      }
    }
    return hits;
  }
}
