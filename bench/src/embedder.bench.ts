/**
 * pnpm bench:embedder — our ONNX embedding pipeline vs @huggingface/transformers' feature-extraction
 * pipeline, on the same ONNX files (fp32 and int8), the same texts and the same ORT thread count. Each
 * side runs in its own child process (peak RSS is per side). The files are the real all-MiniLM-L6-v2
 * (`--model-dir DIR` / MODEL_DIR, else ./models or $HOME/.cache/jobmatch/models; see lib/bench-model.ts),
 * or, only when none exists, a generated model with random weights, labelled so in the results.
 * Also reports what ONNX Runtime's graph optimizer fuses in each file (lib/ort-graph-fusions.ts).
 * Env: BENCH_TEXTS (default 256), BENCH_THREADS (default: available cores), BENCH_SINGLE_RUNS (200),
 * BENCH_CONCURRENT_ROUNDS (25 per caller); for experiments on our side: BENCH_BATCHING (micro-batcher options as
 * JSON), BENCH_SPIN=0/1 (ORT intra-op spinning), BENCH_ARENA=0/1, BENCH_ONLY=jobmatch-fp32 (one child).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { FP32_FILE, INT8_FILE, resolveBenchModel } from './lib/bench-model';
import type { ChildResult, ChildTask, InterleavedResult } from './lib/embedder-bench-child';
import { jobPostingTexts, searchQueries } from './lib/job-posting-texts';
import { graphFusionReport } from './lib/ort-graph-fusions';

const TEXTS = Number(process.env.BENCH_TEXTS ?? 256);
const THREADS = Number(process.env.BENCH_THREADS ?? availableParallelism());
const SINGLE_RUNS = Number(process.env.BENCH_SINGLE_RUNS ?? 200);
const CONCURRENT_ROUNDS = Number(process.env.BENCH_CONCURRENT_ROUNDS ?? 25);
/** Debugging aid: run a single child (e.g. jobmatch-int8) and print its result only. */
const ONLY = process.env.BENCH_ONLY;
const RESULTS_FILE = resolve(__dirname, '../results/embedder.json');

const round = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((value, index) => {
    dot += value * b[index];
    na += value * value;
    nb += b[index] * b[index];
  });
  return dot / Math.sqrt(na * nb);
};

const REPO_ROOT = resolve(__dirname, '../..');

/** `uptime` as printed (load averages; the machine is shared, so each run records what else was running). */
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

/**
 * Bundles the child (our inference code included) to one CommonJS file run by plain `node`, like the
 * built service: running it under tsx would add tsx's own ~40 MB to the RSS being measured.
 * esbuild is the one tsx already ships with.
 */
async function bundleChild(workDir: string): Promise<string> {
  const tsxDir = dirname(require.resolve('tsx/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved from tsx's own dependencies
  const esbuild = require(require.resolve('esbuild', { paths: [tsxDir] })) as {
    build(options: Record<string, unknown>): Promise<unknown>;
  };
  const outfile = join(workDir, 'embedder-bench-child.cjs');
  await esbuild.build({
    entryPoints: [join(__dirname, 'lib/embedder-bench-child.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: ['onnxruntime-node', '@huggingface/tokenizers', '@huggingface/transformers'],
    logLevel: 'error',
  });
  return outfile;
}

/**
 * The embedder's production start command (apps/embedder/package.json "start", which
 * scripts/start-service.sh, the Dockerfile and up.sh all run): its `VAR=value` environment and its
 * node flags are applied to our side's child, so the benchmark measures the process as deployed.
 */
function productionStartSettings(startScript: string): { env: Record<string, string>; nodeArgs: string[] } {
  const words = startScript.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let index = 0;
  for (; index < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[index]); index++) {
    const [name, ...value] = words[index].split('=');
    env[name] = value.join('=');
  }
  if (words[index] !== 'node') throw new Error(`Unexpected embedder start script: ${startScript}`);
  const nodeArgs = words.slice(index + 1).filter((word) => word.startsWith('--'));
  return { env, nodeArgs };
}

/** BENCH_START (experiments): a start command to measure instead of the package.json one. */
const EMBEDDER_START = productionStartSettings(
  process.env.BENCH_START ??
    (JSON.parse(readFileSync(join(REPO_ROOT, 'apps/embedder/package.json'), 'utf8')) as { scripts: { start: string } })
      .scripts.start,
);

async function runChild<Result = ChildResult>(
  bundle: string,
  task: Omit<ChildTask, 'outFile'>,
  workDir: string,
): Promise<Result & { wallSeconds: number }> {
  const outFile = join(workDir, `${task.side}-${task.quantized ? 'int8' : 'fp32'}.json`);
  const started = performance.now();
  process.stdout.write(`  ${task.side} ${task.quantized ? 'int8' : 'fp32'} … `);
  // transformers.js runs as plain `node` (its natural use); ours as the embedder's start script runs it.
  const production = task.side === 'transformers' ? { env: {}, nodeArgs: [] } : EMBEDDER_START;
  const args = [...production.nodeArgs, bundle, JSON.stringify({ ...task, outFile })];
  const { stderr } = await promisify(execFile)(process.execPath, args, {
    maxBuffer: 16 * 2 ** 20,
    // The externals resolve from the packages that depend on them.
    env: {
      ...process.env,
      ...production.env,
      NODE_PATH: [join(REPO_ROOT, 'apps/embedder/node_modules'), join(REPO_ROOT, 'bench/node_modules')].join(':'),
    },
  });
  const wallSeconds = (performance.now() - started) / 1000;
  process.stdout.write(`${wallSeconds.toFixed(0)} s\n`);
  if (stderr.trim()) process.stdout.write(`${stderr.trim()}\n`);
  return { ...(JSON.parse(readFileSync(outFile, 'utf8')) as Result), wallSeconds };
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const uptimeBefore = uptime();
  const benchStarted = performance.now();
  const model = await resolveBenchModel({ files: [FP32_FILE, INT8_FILE] });
  console.log(`Model: ${model.label}`);
  const fusions = {
    fp32: await graphFusionReport(join(model.modelPath, FP32_FILE)),
    int8: await graphFusionReport(join(model.modelPath, INT8_FILE)),
  };
  for (const [precision, report] of Object.entries(fusions)) {
    console.log(
      `ORT graph ${precision}: ${report.original.nodes} nodes in the file → ${report.optimized.all.nodes} at level 'all'; fused: ${JSON.stringify(report.fusedAtAll)}; transformers applied: ${report.transformers.applied.join(', ')}; fusions tried without a match: ${report.transformers.triedWithoutMatch.join(', ')}`,
    );
  }
  const workDir = mkdtempSync(join(tmpdir(), 'embedder-bench-'));
  const textsFile = join(workDir, 'texts.json');
  const texts = jobPostingTexts(TEXTS);
  writeFileSync(textsFile, JSON.stringify({ texts, queries: searchQueries(200) }));
  console.log(
    `${TEXTS} job-posting texts (${Math.min(...texts.map((t) => t.length))}–${Math.max(...texts.map((t) => t.length))} chars), ${THREADS} ORT threads, tokenizer: ${model.tokenizerSource}`,
  );

  console.log(`Our side runs as the embedder's start script: ${JSON.stringify(EMBEDDER_START)}`);
  const base = {
    modelRoot: model.modelRoot,
    modelPath: model.modelPath,
    modelId: model.modelId,
    specFile: model.specFile,
    threads: THREADS,
    textsFile,
    singleRuns: SINGLE_RUNS,
    concurrentRounds: CONCURRENT_ROUNDS,
  };
  const results: Record<string, ChildResult & { wallSeconds: number }> = {};
  let interleaved: (InterleavedResult & { wallSeconds: number }) | null = null;
  try {
    const bundle = await bundleChild(workDir);
    if (!ONLY || ONLY === 'interleaved') {
      interleaved = await runChild<InterleavedResult>(bundle, { ...base, side: 'interleaved', quantized: false }, workDir);
    }
    for (const quantized of [false, true]) {
      for (const side of ['jobmatch', 'transformers'] as const) {
        if (ONLY && ONLY !== `${side}-${quantized ? 'int8' : 'fp32'}`) continue;
        results[`${side}-${quantized ? 'int8' : 'fp32'}`] = await runChild(
          bundle,
          { ...base, side, quantized },
          workDir,
        );
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  if (ONLY) {
    console.log(JSON.stringify(ONLY === 'interleaved' ? interleaved : { ...results[ONLY], sampleVectors: undefined }, null, 2));
    return;
  }
  const ours = { fp32: results['jobmatch-fp32'], int8: results['jobmatch-int8'] };
  const theirs = { fp32: results['transformers-fp32'], int8: results['transformers-int8'] };
  const best = (result: ChildResult) =>
    Math.max(result.wholeListTextsPerSec, ...Object.values(result.batchTextsPerSec));
  const agreement = (a: ChildResult, b: ChildResult) =>
    Math.min(...a.sampleVectors.map((vector, index) => cosine(vector, b.sampleVectors[index])));

  const summary = {
    speedupFp32: round(ours.fp32.wholeListTextsPerSec / theirs.fp32.wholeListTextsPerSec, 2),
    speedupInt8: round(ours.int8.wholeListTextsPerSec / theirs.fp32.wholeListTextsPerSec, 2),
    speedupInt8VsTransformersInt8: round(ours.int8.wholeListTextsPerSec / theirs.int8.wholeListTextsPerSec, 2),
    speedupFp32VsTransformersBestBatch: round(ours.fp32.wholeListTextsPerSec / best(theirs.fp32), 2),
    peakRssMbFp32: round(ours.fp32.peakRssMb, 0),
    peakRssMbInt8: round(ours.int8.peakRssMb, 0),
    p50SingleMs: round(ours.fp32.p50SingleMs, 2),
    p50SingleMsInt8: round(ours.int8.p50SingleMs, 2),
    p99Concurrent32Ms: round(ours.fp32.p99Concurrent32Ms, 1),
    p99Concurrent32MsInt8: round(ours.int8.p99Concurrent32Ms, 1),
    textsPerSec: {
      jobmatchFp32: round(ours.fp32.wholeListTextsPerSec),
      jobmatchInt8: round(ours.int8.wholeListTextsPerSec),
      transformersFp32WholeList: round(theirs.fp32.wholeListTextsPerSec),
      transformersInt8WholeList: round(theirs.int8.wholeListTextsPerSec),
      transformersFp32ByBatchSize: Object.fromEntries(
        Object.entries(theirs.fp32.batchTextsPerSec).map(([size, value]) => [size, round(value)]),
      ),
      transformersInt8ByBatchSize: Object.fromEntries(
        Object.entries(theirs.int8.batchTextsPerSec).map(([size, value]) => [size, round(value)]),
      ),
    },
    peakRssMbTransformers: { fp32: round(theirs.fp32.peakRssMb, 0), int8: round(theirs.int8.peakRssMb, 0) },
    p50SingleMsTransformers: { fp32: round(theirs.fp32.p50SingleMs, 2), int8: round(theirs.int8.p50SingleMs, 2) },
    /** fp32 and int8 of our pipeline timed in alternation in one process (robust to the shared host's drift). */
    fp32VsInt8Interleaved: interleaved && {
      rounds: interleaved.rounds,
      textsPerRound: interleaved.textsPerRound,
      fp32TextsPerSec: round(interleaved.fp32TextsPerSec),
      int8TextsPerSec: round(interleaved.int8TextsPerSec),
      int8OverFp32Throughput: round(interleaved.int8OverFp32Throughput, 2),
      fp32SingleMs: round(interleaved.fp32SingleMs, 2),
      int8SingleMs: round(interleaved.int8SingleMs, 2),
      int8OverFp32SingleLatency: round(interleaved.int8OverFp32SingleLatency, 2),
    },
    model: {
      kind: model.kind,
      id: model.modelId,
      path: model.modelPath,
      files: { fp32: FP32_FILE, int8: INT8_FILE },
    },
    /** Node op types in each file and in the graph ORT runs (level 'all' = the embedder's setting). */
    ortGraph: Object.fromEntries(
      Object.entries(fusions).map(([precision, report]) => [
        precision,
        {
          nodesInFile: report.original.nodes,
          nodesByLevel: Object.fromEntries(Object.entries(report.optimized).map(([level, counts]) => [level, counts.nodes])),
          fusedAtLevelAll: report.fusedAtAll,
          absentFusions: ['Attention', 'MultiHeadAttention', 'QAttention', 'SkipLayerNormalization', 'EmbedLayerNormalization', 'FastGelu', 'BiasGelu', 'Gelu'].filter(
            (op) => !Object.keys(report.optimized.all.ops).some((key) => key.replace(/^.*:/, '') === op),
          ),
          ortTransformersApplied: report.transformers.applied,
          ortFusionsTriedWithoutMatch: report.transformers.triedWithoutMatch,
          opsInFile: report.original.ops,
          opsAtLevelAll: report.optimized.all.ops,
        },
      ]),
    ),
    vectorAgreementMinCosine: {
      fp32: round(agreement(ours.fp32, theirs.fp32), 5),
      int8: round(agreement(ours.int8, theirs.int8), 5),
    },
    targets: {
      speedupFp32: '>= 1.5',
      speedupInt8: '>= 2.5',
      p50SingleMs: '<= 5',
      p99Concurrent32Ms: '<= 60',
      peakRssMbFp32: '<= 300',
      peakRssMbInt8: '<= 200',
    },
    conditions: {
      texts: TEXTS,
      singleQueryTokens: ours.fp32.singleQueryTokens,
      threads: THREADS,
      tokenizer: model.tokenizerSource,
      truncation: 256,
      cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
      memoryGb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      loadAverageBefore: loadBefore.map((value) => round(value, 2)),
      loadAverageAfter: loadavg().map((value) => round(value, 2)),
      uptimeBefore,
      uptimeAfter: uptime(),
      durationSeconds: round((performance.now() - benchStarted) / 1000, 0),
      date: new Date().toISOString(),
    },
  };
  mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(summary, null, 2)}\n`);

  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const rows: Array<[string, string, string, string]> = [
    [
      'throughput, whole list in one call',
      `${summary.textsPerSec.jobmatchFp32} texts/s`,
      `${summary.textsPerSec.transformersFp32WholeList} texts/s`,
      `${summary.speedupFp32}× (≥1.5: ${verdict(summary.speedupFp32! >= 1.5)})`,
    ],
    [
      'vs transformers.js best batch size (1/8/32/all)',
      `${summary.textsPerSec.jobmatchFp32}`,
      `${round(best(theirs.fp32))}`,
      `${summary.speedupFp32VsTransformersBestBatch}× (≥1: ${verdict(summary.speedupFp32VsTransformersBestBatch! >= 1)})`,
    ],
    [
      'int8 throughput vs transformers.js fp32',
      `${summary.textsPerSec.jobmatchInt8}`,
      `${summary.textsPerSec.transformersFp32WholeList}`,
      `${summary.speedupInt8}× (≥2.5: ${verdict(summary.speedupInt8! >= 2.5)})`,
    ],
    [
      'int8 vs transformers.js int8 (same file)',
      `${summary.textsPerSec.jobmatchInt8}`,
      `${summary.textsPerSec.transformersInt8WholeList}`,
      `${summary.speedupInt8VsTransformersInt8}× (>1: ${verdict(summary.speedupInt8VsTransformersInt8! > 1)})`,
    ],
    [
      'transformers.js fp32 batch 1 / 8 / 32',
      '',
      Object.values(summary.textsPerSec.transformersFp32ByBatchSize).join(' / '),
      '',
    ],
    [
      'transformers.js int8 batch 1 / 8 / 32',
      '',
      Object.values(summary.textsPerSec.transformersInt8ByBatchSize).join(' / '),
      '',
    ],
    [
      `p50 single ${summary.conditions.singleQueryTokens}-token query (fp32)`,
      `${summary.p50SingleMs} ms`,
      `${summary.p50SingleMsTransformers.fp32} ms`,
      `≤5: ${verdict(summary.p50SingleMs! <= 5)}`,
    ],
    [
      'p99, 32 concurrent callers (fp32)',
      `${summary.p99Concurrent32Ms} ms`,
      '',
      `≤60: ${verdict(summary.p99Concurrent32Ms! <= 60)}`,
    ],
    [
      'peak RSS fp32',
      `${summary.peakRssMbFp32} MB`,
      `${summary.peakRssMbTransformers.fp32} MB`,
      `≤300: ${verdict(summary.peakRssMbFp32! <= 300)}`,
    ],
    [
      'peak RSS int8',
      `${summary.peakRssMbInt8} MB`,
      `${summary.peakRssMbTransformers.int8} MB`,
      `≤200: ${verdict(summary.peakRssMbInt8! <= 200)}`,
    ],
    [
      'interleaved in one process: int8 / fp32 throughput, single-query latency',
      `${interleaved ? `${round(interleaved.int8TextsPerSec)} vs ${round(interleaved.fp32TextsPerSec)} texts/s` : ''}`,
      '',
      interleaved ? `${round(interleaved.int8OverFp32Throughput, 2)}× / ${round(interleaved.int8OverFp32SingleLatency, 2)}×` : '',
    ],
    [
      'same vectors? min cosine fp32 / int8',
      '',
      '',
      `${summary.vectorAgreementMinCosine.fp32} / ${summary.vectorAgreementMinCosine.int8}`,
    ],
  ];
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...[['', 'jobmatch', 'transformers.js', 'ratio / target'], ...rows].map((row) => row[column].length)),
  );
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
  console.log(
    `\n${line(['', 'jobmatch', 'transformers.js', 'ratio / target'])}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`,
  );
  rows.forEach((row) => console.log(line(row)));
  console.log(
    `\nload average before ${summary.conditions.loadAverageBefore.join(' ')}, after ${summary.conditions.loadAverageAfter.join(' ')}; ${summary.conditions.durationSeconds} s; written to ${RESULTS_FILE}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
