/**
 * One side of the embedder benchmark, in its own process so its peak RSS (VmHWM) is its own.
 * argv[2]: JSON ChildTask. Writes a ChildResult JSON to task.outFile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { getModelSpec, type ModelSpec } from '@jobmatch/contracts';
import { OnnxEmbeddingProvider } from '../../../apps/embedder/src/inference/onnx-embedding-provider';

export interface ChildTask {
  side: 'jobmatch' | 'transformers';
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

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2]) as ChildTask;
  const { texts, queries } = JSON.parse(readFileSync(task.textsFile, 'utf8')) as { texts: string[]; queries: string[] };
  const result =
    task.side === 'jobmatch' ? await runJobmatch(task, texts, queries) : await runTransformers(task, texts);
  writeFileSync(task.outFile, JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
