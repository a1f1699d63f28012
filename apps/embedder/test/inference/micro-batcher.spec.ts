import {
  InferenceOverloadedError,
  MicroBatcher,
  type BatchItem,
  type BatchStats,
} from '../../src/inference/micro-batcher';

/** A stand-in model: each vector is [length of the text's ids, first id]; records every call's lengths. */
function recordingRunner(calls: number[][], failWhen?: (items: BatchItem[]) => boolean) {
  return async (items: BatchItem[]) => {
    calls.push(items.map((item) => item.ids.length));
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (failWhen?.(items)) throw new Error('model failed');
    return items.map((item) => Float32Array.of(item.ids.length, item.ids[0]));
  };
}

const item = (length: number, first = length): BatchItem => ({
  ids: [first, ...new Array<number>(length - 1).fill(1)],
});

describe('MicroBatcher', () => {
  it('gathers concurrent callers into one model call and returns each caller its own vectors in order', async () => {
    const calls: number[][] = [];
    const stats: BatchStats[] = [];
    const batcher = new MicroBatcher(recordingRunner(calls), { onBatch: (s) => stats.push(s) });
    const results = await Promise.all([
      batcher.submit([item(5, 11)]),
      batcher.submit([item(6, 12), item(5, 13)]),
      batcher.submit([item(7, 14)]),
    ]);
    expect(calls).toHaveLength(1);
    expect(results.map((vectors) => vectors.map((vector) => vector[1]))).toEqual([[11], [12, 13], [14]]);
    expect(stats[0]).toMatchObject({ size: 4, callers: 3, tokens: 23, paddedTokens: 28 });
  });

  it('groups texts by length so short ones are not padded to long ones', async () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher(recordingRunner(calls));
    await Promise.all([5, 100, 6, 98, 7].map((length) => batcher.submit([item(length)])));
    expect(calls.map((lengths) => [...lengths].sort((a, b) => a - b))).toEqual(
      expect.arrayContaining([
        [5, 6, 7],
        [98, 100],
      ]),
    );
    expect(calls).toHaveLength(2);
  });

  it('splits by the padded-token budget and by the attention (length²) budget', async () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher(recordingRunner(calls), { maxBatchTokens: 20, maxBatchAttentionCells: 10_000 });
    await batcher.submit(Array.from({ length: 10 }, () => item(5)));
    expect(calls.map((lengths) => lengths.length)).toEqual([4, 4, 2]);

    calls.length = 0;
    const wide = new MicroBatcher(recordingRunner(calls), {
      maxBatchTokens: 100_000,
      maxBatchAttentionCells: 2 * 100 * 100,
    });
    await wide.submit(Array.from({ length: 5 }, () => item(100)));
    expect(calls.map((lengths) => lengths.length)).toEqual([2, 2, 1]);
  });

  it('serves the oldest text first rather than letting newer short texts overtake it', async () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher(recordingRunner(calls), { maxBatchTokens: 100 });
    const done = [batcher.submit([item(90)]), batcher.submit([item(3)]), batcher.submit([item(4)])];
    await Promise.all(done);
    expect(calls[0]).toEqual([90]);
  });

  it('serves in rounds: texts arriving while a round runs wait for the next round instead of overtaking it', async () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher(recordingRunner(calls), { paddingToleranceTokens: 0 });
    // Round 1 has three length groups, served one call at a time, oldest first.
    const round1 = [batcher.submit([item(5)]), batcher.submit([item(30)]), batcher.submit([item(60)])];
    await new Promise((resolve) => setImmediate(resolve)); // round 1's first call is running
    // Would fit the 30-token group (and delay the 60-token text behind a bigger call), but belongs to round 2.
    const late = batcher.submit([item(30, 99)]);
    await Promise.all([...round1, late]);
    expect(calls).toEqual([[5], [30], [60], [30]]);
  });

  it('accepts a few padded tokens per row (paddingToleranceTokens) to keep short texts in one call', async () => {
    const lengths = [8, 20, 10, 14, 12];
    const calls: number[][] = [];
    const tolerant = new MicroBatcher(recordingRunner(calls), { paddingToleranceTokens: 8 });
    await Promise.all(lengths.map((length) => tolerant.submit([item(length)])));
    expect(calls).toHaveLength(1);

    calls.length = 0;
    const strict = new MicroBatcher(recordingRunner(calls), { paddingToleranceTokens: 0 });
    await Promise.all(lengths.map((length) => strict.submit([item(length)])));
    expect(calls.length).toBeGreaterThan(1);
  });

  it('while callers arrive concurrently, holds a batch open up to maxWaitMs for late arrivals', async () => {
    const calls: number[][] = [];
    // A wide window: the late caller arrives 5 ms in, even on a busy machine.
    const batcher = new MicroBatcher(recordingRunner(calls), { maxWaitMs: 300 });
    await Promise.all([batcher.submit([item(4)]), batcher.submit([item(4)])]); // marks traffic as concurrent
    calls.length = 0;
    const first = batcher.submit([item(5)]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = batcher.submit([item(6)]);
    await Promise.all([first, second]);
    expect(calls).toEqual([[5, 6]]);
  });

  it('rejects exactly the callers whose texts were in a failing batch', async () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher(recordingRunner(calls, (items) => items.some((entry) => entry.ids.length > 50)));
    const [short, long] = await Promise.allSettled([batcher.submit([item(5)]), batcher.submit([item(80)])]);
    expect(short.status).toBe('fulfilled');
    expect(long).toMatchObject({ status: 'rejected', reason: new Error('model failed') });
    await expect(batcher.submit([item(5)])).resolves.toHaveLength(1); // keeps serving afterwards
  });

  it('sheds load with InferenceOverloadedError when too many texts wait', async () => {
    const batcher = new MicroBatcher(recordingRunner([]), { maxQueuedTexts: 3 });
    const accepted = batcher.submit([item(5), item(5)]);
    await expect(batcher.submit([item(5), item(5)])).rejects.toBeInstanceOf(InferenceOverloadedError);
    await expect(accepted).resolves.toHaveLength(2);
  });

  it('rejects waiting texts on close', async () => {
    const batcher = new MicroBatcher(recordingRunner([]), { maxWaitMs: 1_000 });
    await Promise.all([batcher.submit([item(4)]), batcher.submit([item(4)])]);
    const waiting = batcher.submit([item(5)]);
    batcher.close();
    await expect(waiting).rejects.toThrow(/closed/);
    await expect(batcher.submit([item(5)])).rejects.toThrow(/closed/);
  });
});
