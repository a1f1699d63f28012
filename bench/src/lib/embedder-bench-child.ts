/**
 * One side of the embedder benchmark, in its own process so its peak RSS (VmHWM) is its own.
 * argv[2]: JSON ChildTask. Writes a ChildResult JSON to task.outFile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { getModelSpec, type ModelSpec } from '@jobmatch/contracts';
import { OnnxEmbeddingProvider } from '../../../apps/embedder/src/inference/onnx-embedding-provider';

export interface ChildTask {
  /** 'interleaved': our pipeline, fp32 and int8 loaded side by side and timed in alternation. */
  side: 'jobmatch' | 'transformers' | 'interleaved';
  quantized: boolean;
  modelRoot: string;
  modelPath: string;
  modelId: string;
  /** The generated model's spec file; null: the registry entry for modelId (the real model). */
  specFile: string | null;
  threads: number;
  textsFile: string;
  outFile: string;
  /** Sequential single-query runs for p50. */
  singleRuns: number;
  /** Queries per caller in the 32-caller run. */
  concurrentRounds: number;
}

export interface ChildResult {
  side: string;
  quantized: boolean;
  texts: number;
  /** "Embed these N texts": the whole list in one call. */
  wholeListTextsPerSec: number;
  /** transformers.js only: the same list in consecutive calls of this size. */
  batchTextsPerSec: Record<string, number>;
  singleQueryTokens: number;
  p50SingleMs: number;
  p99SingleMs: number;
  p50Concurrent32Ms: number | null;
  p99Concurrent32Ms: number | null;
  peakRssMb: number;
  /** First few vectors (cross-check that both sides compute the same embedding). */
  sampleVectors: number[][];
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Peak resident set size of this process so far (kernel's high-water mark), in MB. */
function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / 2 ** 20;
}

/** A query of exactly 12 tokens with [CLS]/[SEP] under the real MiniLM tokenizer. */
const SINGLE_QUERY = 'senior java developer for payment systems in berlin, remote';

/** BENCH_DEBUG=1: memory at each phase on stderr (to see where RSS goes). */
function debugMemory(phase: string): void {
  if (!process.env.BENCH_DEBUG) return;
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  const heap = process.memoryUsage();
  console.error(
    `[mem] ${phase}: rss ${kb('VmRSS').toFixed(0)} hwm ${kb('VmHWM').toFixed(0)} heapUsed ${(heap.heapUsed / 2 ** 20).toFixed(0)} MB`,
  );
}

async function timeIt(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function latencies(embedOne: (text: string) => Promise<unknown>, task: ChildTask) {
  for (let index = 0; index < 20; index++) await embedOne(SINGLE_QUERY); // warm-up
  const single: number[] = [];
  for (let index = 0; index < task.singleRuns; index++) single.push(await timeIt(() => embedOne(SINGLE_QUERY)));
  return { single };
}

async function runJobmatch(task: ChildTask, texts: string[], queries: string[]): Promise<ChildResult> {
  const spec = task.specFile
    ? (JSON.parse(readFileSync(task.specFile, 'utf8')) as ModelSpec)
    : getModelSpec(task.modelId);
  debugMemory('start');
  const batching = process.env.BENCH_BATCHING ? (JSON.parse(process.env.BENCH_BATCHING) as Record<string, number>) : {};
  const arena = process.env.BENCH_ARENA === undefined ? undefined : process.env.BENCH_ARENA === '1';
  const provider = await OnnxEmbeddingProvider.create({
    modelPath: task.modelPath,
    spec,
    quantized: task.quantized,
    intraOpThreads: task.threads,
    batching,
    enableCpuMemArena: arena,
    allowSpinning: process.env.BENCH_SPIN === undefined ? undefined : process.env.BENCH_SPIN === '1',
  });
  try {
    debugMemory('created');
    await provider.embed(texts.slice(0, 16)); // warm-up
    const wholeMs = await timeIt(() => provider.embed(texts));
    debugMemory('whole list');
    const { single } = await latencies((text) => provider.embed([text], 'query'), task);
    debugMemory('single');
    // 32 callers, each sending its queries one after another (closed loop).
    const concurrent: number[] = [];
    await Promise.all(
      Array.from({ length: 32 }, async (_, caller) => {
        for (let round = 0; round < task.concurrentRounds; round++) {
          const query = queries[(caller * task.concurrentRounds + round) % queries.length];
          concurrent.push(await timeIt(() => provider.embed([query], 'query')));
        }
      }),
    );
    const sample = await provider.embed(texts.slice(0, 4));
    return {
      side: 'jobmatch',
      quantized: task.quantized,
      texts: texts.length,
      wholeListTextsPerSec: texts.length / (wholeMs / 1000),
      batchTextsPerSec: {},
      singleQueryTokens: provider.tokenize(SINGLE_QUERY, 'query').length,
      p50SingleMs: percentile(single, 50),
      p99SingleMs: percentile(single, 99),
      p50Concurrent32Ms: percentile(concurrent, 50),
      p99Concurrent32Ms: percentile(concurrent, 99),
      peakRssMb: peakRssMb(),
      sampleVectors: sample.map((vector) => Array.from(vector)),
    };
  } finally {
    await provider.close();
  }
}

async function runTransformers(task: ChildTask, texts: string[]): Promise<ChildResult> {
  // require, not import(): the bundled child resolves its externals through NODE_PATH (CommonJS only).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pipeline, env } = require('@huggingface/transformers') as typeof import('@huggingface/transformers', {
    with: { 'resolution-mode': 'import' },
  });
  env.allowRemoteModels = false;
  env.localModelPath = `${task.modelRoot}/`;
  const extractor = await pipeline('feature-extraction', task.modelId, {
    dtype: task.quantized ? 'q8' : 'fp32',
    local_files_only: true,
    session_options: { intraOpNumThreads: task.threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' },
  });
  // Same truncation as our side (sentence-transformers' 256 for this model), instead of tokenizer_config's 512.
  (
    extractor.tokenizer as unknown as { _tokenizerConfig: { model_max_length: number } }
  )._tokenizerConfig.model_max_length = 256;
  const probe = extractor.tokenizer(
    texts.reduce((a, b) => (a.length > b.length ? a : b)),
    { truncation: true },
  ) as { input_ids: { dims: number[] } };
  if (probe.input_ids.dims[1] > 256) throw new Error('transformers.js truncation is not 256 tokens');
  const embed = (batch: string[]) => extractor(batch, { pooling: 'mean', normalize: true });

  await embed(texts.slice(0, 16)); // warm-up
  const wholeMs = await timeIt(() => embed(texts));
  const batchTextsPerSec: Record<string, number> = {};
  for (const size of [1, 8, 32]) {
    const ms = await timeIt(async () => {
      for (let start = 0; start < texts.length; start += size) await embed(texts.slice(start, start + size));
    });
    batchTextsPerSec[String(size)] = texts.length / (ms / 1000);
  }
  const { single } = await latencies((text) => embed([text]), task);
  const sample = (await embed(texts.slice(0, 4))).tolist() as number[][];
  const tokens = (extractor.tokenizer(SINGLE_QUERY) as { input_ids: { dims: number[] } }).input_ids.dims.at(-1)!;
  return {
    side: 'transformers',
    quantized: task.quantized,
    texts: texts.length,
    wholeListTextsPerSec: texts.length / (wholeMs / 1000),
    batchTextsPerSec,
    singleQueryTokens: tokens,
    p50SingleMs: percentile(single, 50),
    p99SingleMs: percentile(single, 99),
    p50Concurrent32Ms: null,
    p99Concurrent32Ms: null,
    peakRssMb: peakRssMb(),
    sampleVectors: sample,
  };
}

export interface InterleavedResult {
  side: 'interleaved';
  rounds: number;
  textsPerRound: number;
  /** Median over rounds of texts/s for each precision, and of the per-round int8 / fp32 ratio. */
  fp32TextsPerSec: number;
  int8TextsPerSec: number;
  int8OverFp32Throughput: number;
  /** Single 12-token query: median latency each, and the median of per-pair ratios. */
  fp32SingleMs: number;
  int8SingleMs: number;
  int8OverFp32SingleLatency: number;
}

const median = (values: number[]) => percentile(values, 50);

/**
 * fp32 and int8 in one process, timed in strict alternation (A B A B …), so both see the same
 * machine: on a shared host the load changes within seconds, and two separate runs compare the hour,
 * not the files. Each round embeds the same slice of texts with each model.
 */
async function runInterleaved(task: ChildTask, texts: string[]): Promise<InterleavedResult> {
  const spec = task.specFile ? (JSON.parse(readFileSync(task.specFile, 'utf8')) as ModelSpec) : getModelSpec(task.modelId);
  const create = (quantized: boolean) =>
    OnnxEmbeddingProvider.create({ modelPath: task.modelPath, spec, quantized, intraOpThreads: task.threads });
  const fp32 = await create(false);
  const int8 = await create(true);
  try {
    const perRound = 32;
    const rounds = Math.max(4, Math.floor(texts.length / perRound));
    const ratios: number[] = [];
    const rates = { fp32: [] as number[], int8: [] as number[] };
    await fp32.embed(texts.slice(0, 16));
    await int8.embed(texts.slice(0, 16));
    for (let round = 0; round < rounds; round++) {
      const slice = texts.slice((round * perRound) % texts.length, ((round * perRound) % texts.length) + perRound);
      // Alternate which precision goes first, so neither always runs right after the other.
      const order = round % 2 === 0 ? (['fp32', 'int8'] as const) : (['int8', 'fp32'] as const);
      const ms: Record<string, number> = {};
      for (const precision of order) {
        ms[precision] = await timeIt(() => (precision === 'fp32' ? fp32 : int8).embed(slice));
      }
      rates.fp32.push(slice.length / (ms.fp32 / 1000));
      rates.int8.push(slice.length / (ms.int8 / 1000));
      ratios.push(ms.fp32 / ms.int8);
    }
    const single = { fp32: [] as number[], int8: [] as number[] };
    const singleRatios: number[] = [];
    for (let index = 0; index < task.singleRuns; index++) {
      const a = await timeIt(() => fp32.embed([SINGLE_QUERY], 'query'));
      const b = await timeIt(() => int8.embed([SINGLE_QUERY], 'query'));
      single.fp32.push(a);
      single.int8.push(b);
      singleRatios.push(b / a);
    }
    return {
      side: 'interleaved',
      rounds,
      textsPerRound: perRound,
      fp32TextsPerSec: median(rates.fp32),
      int8TextsPerSec: median(rates.int8),
      int8OverFp32Throughput: median(ratios),
      fp32SingleMs: median(single.fp32),
      int8SingleMs: median(single.int8),
      int8OverFp32SingleLatency: median(singleRatios),
    };
  } finally {
    await fp32.close();
    await int8.close();
  }
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2]) as ChildTask;
  const { texts, queries } = JSON.parse(readFileSync(task.textsFile, 'utf8')) as { texts: string[]; queries: string[] };
  const result =
    task.side === 'interleaved'
      ? await runInterleaved(task, texts)
      : task.side === 'jobmatch'
        ? await runJobmatch(task, texts, queries)
        : await runTransformers(task, texts);
  writeFileSync(task.outFile, JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
