/** One tokenized text waiting for a batch. */
export interface BatchItem {
  ids: number[];
}

export interface BatchStats {
  /** Texts in the batch. */
  size: number;
  /** Distinct embed() calls served by the batch. */
  callers: number;
  /** Real tokens, and tokens after padding every row to the longest. */
  tokens: number;
  paddedTokens: number;
  /** How long the oldest text waited before its batch started (ms). */
  queueWaitMs: number;
  /** Duration of the model call (ms). */
  inferenceMs: number;
}

export interface MicroBatcherOptions {
  /**
   * How long a request may wait for company when requests are arriving concurrently (ms). A lone
   * caller (the last batch served one caller) is dispatched at once: waiting could only add latency.
   */
  maxWaitMs: number;
  /** Padded tokens (rows × longest row) per model call; reaching it dispatches at once. */
  maxBatchTokens: number;
  /**
   * Rows × longest² per call: attention memory grows with the square of the length, so long texts go
   * in smaller batches (keeps peak memory bounded).
   */
  maxBatchAttentionCells: number;
  /** Most padded/real token ratio accepted when adding a longer text to a batch (length grouping). */
  maxPaddingRatio: number;
  /**
   * Average padding per row (tokens) accepted whatever the ratio: for short texts (queries), a few
   * padded tokens cost less than one more model call (~2-3 ms of fixed cost), and one call per round
   * keeps concurrent callers' tail latency at one round.
   */
  paddingToleranceTokens: number;
  /** Texts allowed to wait at once; beyond it embed() fails fast with InferenceOverloadedError. */
  maxQueuedTexts: number;
  onBatch?: (stats: BatchStats) => void;
}

export const DEFAULT_MICRO_BATCHER_OPTIONS: MicroBatcherOptions = {
  maxWaitMs: 3,
  // Half of the former 2048 / 4×256²: −21 MB peak RSS (int8, arena on), same cost per token
  // (ORT measured per token: 4×256 vs 2×256, 16×128 vs 8×128 within noise).
  maxBatchTokens: 1024,
  // 2 rows of 256 tokens: ~6 MB per attention-score tensor for MiniLM (12 heads), keeping peak RSS low.
  maxBatchAttentionCells: 2 * 256 * 256,
  maxPaddingRatio: 1.25,
  paddingToleranceTokens: 8,
  maxQueuedTexts: 10_000,
};

export class InferenceOverloadedError extends Error {
  constructor(queued: number) {
    super(`Embedding queue is full (${queued} texts waiting); retry later`);
    this.name = 'InferenceOverloadedError';
  }
}

/** Runs one padded batch and returns one vector per item, in order. */
export type BatchRunner = (items: BatchItem[]) => Promise<Float32Array[]>;

interface Waiting {
  item: BatchItem;
  caller: number;
  /** Arrival order (rounds are cut by it). */
  seq: number;
  enqueuedAt: number;
  resolve: (vector: Float32Array) => void;
  reject: (error: Error) => void;
}

/**
 * Dynamic micro-batching: texts from concurrent embed() calls are gathered (for at most maxWaitMs, or
 * until the token budget is reached, or while the previous batch is still running), grouped by length
 * so little padding is wasted, and run as one model call per group, one call at a time. Each caller
 * gets its own vectors back; a failed batch rejects exactly the callers whose texts were in it.
 */
export class MicroBatcher {
  private readonly options: MicroBatcherOptions;
  private queue: Waiting[] = [];
  private queuedTokens = 0;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private nextCaller = 1;
  private nextSeq = 0;
  /** Texts with seq below this belong to the round being served (see takeBatch). */
  private roundEndSeq = 0;
  private lastBatchCallers = 1;
  private closed = false;

  constructor(
    private readonly runBatch: BatchRunner,
    options: Partial<MicroBatcherOptions> = {},
  ) {
    this.options = { ...DEFAULT_MICRO_BATCHER_OPTIONS, ...options };
  }

  get queuedTexts(): number {
    return this.queue.length;
  }

  submit(items: BatchItem[]): Promise<Float32Array[]> {
    if (this.closed) return Promise.reject(new Error('Embedding provider is closed'));
    if (items.length === 0) return Promise.resolve([]);
    if (this.queue.length + items.length > this.options.maxQueuedTexts) {
      return Promise.reject(new InferenceOverloadedError(this.queue.length));
    }
    const caller = this.nextCaller++;
    const now = performance.now();
    const promises = items.map(
      (item) =>
        new Promise<Float32Array>((resolve, reject) => {
          this.queue.push({ item, caller, seq: this.nextSeq++, enqueuedAt: now, resolve, reject });
          this.queuedTokens += item.ids.length;
        }),
    );
    this.schedule();
    return Promise.all(promises);
  }

  /** Rejects everything still waiting; the batch already running finishes. */
  close(): void {
    this.closed = true;
    this.clearTimers();
    const error = new Error('Embedding provider is closed');
    for (const waiting of this.queue) waiting.reject(error);
    this.queue = [];
    this.queuedTokens = 0;
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }

  private schedule(): void {
    if (this.running || this.queue.length === 0 || this.closed) return;
    if (this.queuedTokens >= this.options.maxBatchTokens) {
      this.clearTimers();
      void this.dispatch();
      return;
    }
    if (this.timer || this.immediate) return;
    const concurrent = this.lastBatchCallers > 1;
    const waitLeft = concurrent ? this.queue[0].enqueuedAt + this.options.maxWaitMs - performance.now() : 0;
    if (waitLeft > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.dispatch();
      }, waitLeft);
    } else {
      // Still let texts submitted in the same tick (e.g. a burst of callers) join the batch.
      this.immediate = setImmediate(() => {
        this.immediate = null;
        void this.dispatch();
      });
    }
  }

  private async dispatch(): Promise<void> {
    if (this.running || this.queue.length === 0) return;
    this.clearTimers();
    this.running = true;
    const batch = this.takeBatch();
    const started = performance.now();
    try {
      const vectors = await this.runBatch(batch.map((waiting) => waiting.item));
      const inferenceMs = performance.now() - started;
      batch.forEach((waiting, index) => waiting.resolve(vectors[index]));
      const callers = new Set(batch.map((waiting) => waiting.caller)).size;
      this.lastBatchCallers = callers;
      const longest = Math.max(...batch.map((waiting) => waiting.item.ids.length));
      this.options.onBatch?.({
        size: batch.length,
        callers,
        tokens: batch.reduce((sum, waiting) => sum + waiting.item.ids.length, 0),
        paddedTokens: longest * batch.length,
        queueWaitMs: started - Math.min(...batch.map((waiting) => waiting.enqueuedAt)),
        inferenceMs,
      });
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const waiting of batch) waiting.reject(failure);
    } finally {
      this.running = false;
      this.schedule();
    }
  }

  /**
   * Serves the waiting texts in rounds: a round is everything queued when it starts, and texts that
   * arrive meanwhile wait for the next round, so nobody is overtaken twice (under 32 closed-loop
   * callers, letting newcomers join the oldest text's group left other length groups waiting 2-3
   * model calls: p99 about twice the round time). Within the round, texts are sorted by length and cut
   * into groups within the token, attention and padding budgets; the group holding the oldest text runs.
   */
  private takeBatch(): Waiting[] {
    let round = this.queue.filter((waiting) => waiting.seq < this.roundEndSeq);
    if (round.length === 0) {
      this.roundEndSeq = this.nextSeq;
      round = this.queue;
    }
    const oldest = round[0];
    const sorted = [...round].sort((a, b) => a.item.ids.length - b.item.ids.length);
    const { maxBatchTokens, maxBatchAttentionCells, maxPaddingRatio, paddingToleranceTokens } = this.options;
    let group: Waiting[] = [];
    let groupTokens = 0;
    let chosen: Waiting[] | null = null;
    for (const waiting of sorted) {
      const length = waiting.item.ids.length;
      const rows = group.length + 1;
      const fits =
        group.length === 0 ||
        (rows * length <= maxBatchTokens &&
          rows * length * length <= maxBatchAttentionCells &&
          (rows * length <= maxPaddingRatio * (groupTokens + length) ||
            rows * length - (groupTokens + length) <= paddingToleranceTokens * rows));
      if (!fits) {
        if (group.includes(oldest)) {
          chosen = group;
          break;
        }
        group = [];
        groupTokens = 0;
      }
      group.push(waiting);
      groupTokens += length;
    }
    chosen ??= group;
    const taken = new Set(chosen);
    this.queue = this.queue.filter((waiting) => !taken.has(waiting));
    this.queuedTokens -= chosen.reduce((sum, waiting) => sum + waiting.item.ids.length, 0);
    return chosen;
  }
}
