/**
 * Match quality on the real model (issue 11, items 5–7). One command:
 *
 *   pnpm bench:quality [--no-build] [--strategies truncate,windows,sections] [--concurrency 8]
 *
 * For each long-text strategy (EMBED_LONG_TEXT) it creates a fresh database, starts the real
 * embedder (MODEL_DIR, default the real-model cache that `.ci/run` fills, see libs/testing real-model.ts) and the
 * matcher on ports 3100–3103, loads the labelled relevance set (bench/data/relevance) through the
 * HTTP API (POST /jobs, POST /resumes), waits until every vector is stored, then reads
 * - the explained match of every resume × job pair (POST /matching/calculate): the raw cosine, skill
 *   coverage and other factors, from which rankings over all jobs are computed (semantic only, skills
 *   only, blends under any weights);
 * - the recommendations of every resume (GET /resumes/:id/recommendations?limit=10): what a user sees.
 * It adds a lexical factor (Postgres full-text rank, libs/db LexicalRanker) and a TF-IDF baseline,
 * fits the cosine calibration, and writes bench/results/match-quality.json and
 * bench/results/match-score-distributions.svg. Seeds are fixed (tie-breaks); numbers come from the run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { matcherEnvSchema } from '@jobmatch/config';
import { jobEmbeddingText } from '@jobmatch/contracts';
import { createPgPool, LexicalRanker, type LexicalRankOptions } from '@jobmatch/db';
import { realModelRoot, startEmbedderProcess, startNodeProcess, type NodeProcess } from '@jobmatch/testing';
import { benchOnetDataFile } from './lib/onet-data';
import { databaseUrl, ensureDatabase } from './lib/search-database';
import { fitLogistic, loadRelevanceSet, ndcgAtK, pairedComparison, precisionAtK, rankBy, seededRandom, tfidfSimilarities, type RelevanceSet } from './lib/relevance';
import { renderDistributionsSvg } from './lib/quality-chart';
import { qualityResultsJson, writeQualitySection, type QualityResults } from './lib/quality-report';
import { blendedScore, matchLabel, type FactorName } from '../../apps/matcher/src/matching/match-blend';
import { logisticMap, SEMANTIC_CALIBRATIONS } from '../../apps/matcher/src/matching/semantic-calibration';

const REPO_ROOT = path.resolve(__dirname, '../..');
const RESULTS_FILE = path.join(REPO_ROOT, 'bench/results/match-quality.json');
const CHART_FILE = path.join(REPO_ROOT, 'bench/results/match-score-distributions.svg');
const DATA_DIR = path.join(REPO_ROOT, 'bench/data/relevance');
const MODEL_ID = 'sentence-transformers/all-MiniLM-L6-v2';
const PORTS = { matcher: 3100, embedderHttp: 3102, embedderRpc: 3103 };
const STRATEGIES = ['truncate', 'windows', 'sections'] as const;
type Strategy = (typeof STRATEGIES)[number];
const SEED = 20261201;
const DEFAULT_WEIGHTS: Record<FactorName, number> = { semantic: 0.6, skills: 0.3, other: 0.1 };
const LEXICAL_VARIANTS: (LexicalRankOptions & { name: string })[] = [
  { name: 'ts_rank_cd/32', rank: 'ts_rank_cd', normalization: 32 },
  { name: 'ts_rank_cd/1|32', rank: 'ts_rank_cd', normalization: 33 },
  { name: 'ts_rank/32', rank: 'ts_rank', normalization: 32 },
];

function parseArgs(argv: string[]) {
  const value = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
  const strategies = (value('strategies') ?? STRATEGIES.join(',')).split(',') as Strategy[];
  for (const strategy of strategies) if (!STRATEGIES.includes(strategy)) throw new Error(`--strategies: unknown strategy ${strategy}`);
  const modelDir = process.env.MODEL_DIR ?? realModelRoot();
  return {
    build: !argv.includes('--no-build'),
    onet: !argv.includes('--no-onet'),
    strategies,
    concurrency: Number(value('concurrency') ?? 8),
    modelDir,
    quantized: process.env.MODEL_QUANTIZED ?? 'false',
    serverUrl: process.env.BENCH_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

const started = performance.now();
const log = (message: string) => console.log(`[quality-bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

async function http<T>(base: string, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${base}/api/v1${route}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return (await response.json()) as T;
    const text = await response.text();
    if (response.status === 503 && attempt < 5) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 300)}`);
  }
}

/** Runs `task` over items with at most `concurrency` in flight. */
async function pool<T, R>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

interface PairFactors {
  cosine: number;
  skills: number | null;
  other: number | null;
  /** The product's score and label for the pair under the running matcher's configuration. */
  score: number;
  semanticFactor: number;
  /** The parts of `other` (null = unknown for this pair); occupation only when O*NET is imported. */
  otherParts: { location: number | null; seniority: number | null; occupation: number | null };
}

interface StrategyRun {
  strategy: Strategy;
  embedSeconds: number;
  textsPerSecond: number;
  /** pairs[resume][job] */
  pairs: PairFactors[][];
  /** Job indexes the recommendations endpoint returned for each resume, in its order. */
  recommended: number[][];
  lexical: Record<string, number[][]> | null;
}

/** Milliseconds per resume of LexicalRanker over all the set's jobs, per variant (filled by the first run). */
const lexicalMsPerResume: Record<string, number> = {};

interface MatchResponse {
  similarity: number;
  score: number;
  factors: Record<FactorName, { score: number | null }> & { other: { location: number | null; seniority: number | null; occupation?: number | null } };
}

async function runStrategy(set: RelevanceSet, strategy: Strategy, args: ReturnType<typeof parseArgs>, withLexical: boolean, onetDataFile: string | null): Promise<StrategyRun> {
  const database = `jobmatch_quality_${strategy}`;
  await ensureDatabase(args.serverUrl, database, true);
  const url = databaseUrl(args.serverUrl, database);
  const redisPrefix = `jobmatch_quality_${strategy}_${process.pid}`;
  const processes: NodeProcess[] = [];
  try {
    log(`${strategy}: starting the embedder (EMBED_LONG_TEXT=${strategy}, MODEL_DIR=${args.modelDir}) and the matcher`);
    processes.push(
      await startEmbedderProcess({
        databaseUrl: url,
        redisUrl: args.redisUrl,
        redisKeyPrefix: redisPrefix,
        modelDir: args.modelDir,
        modelId: MODEL_ID,
        rpcPort: PORTS.embedderRpc,
        httpPort: PORTS.embedderHttp,
        readyTimeoutMs: 120_000,
        env: { EMBED_LONG_TEXT: strategy, MODEL_QUANTIZED: args.quantized, ONNX_INTRA_OP_THREADS: '2', QUEUE_CONCURRENCY: '4', NODE_ENV: 'production' },
      }),
    );
    const base = `http://127.0.0.1:${PORTS.matcher}`;
    processes.push(
      await startNodeProcess({
        name: 'apps/matcher',
        script: path.join(REPO_ROOT, 'apps/matcher/dist/main.js'),
        cwd: REPO_ROOT,
        readyUrl: `${base}/health`,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          PORT: String(PORTS.matcher),
          DATABASE_URL: url,
          REDIS_URL: args.redisUrl,
          REDIS_KEY_PREFIX: redisPrefix,
          EMBEDDER_HOST: '127.0.0.1',
          EMBEDDER_RPC_PORT: String(PORTS.embedderRpc),
          MODEL_ID,
          // Occupations of titles and headlines, and their closeness in the match score's "other" factor.
          ...(onetDataFile ? { ONET_DATA_FILE: onetDataFile } : {}),
        },
      }),
    );

    const loadStarted = performance.now();
    const jobIds = await pool(set.postings, args.concurrency, async (posting) => {
      const body: Record<string, string> = { title: posting.title, company: posting.company, description: posting.description, requirements: posting.requirements };
      if (posting.location) body.location = posting.location;
      if (posting.seniority) body.seniority = posting.seniority;
      if (posting.employmentType) body.employmentType = posting.employmentType;
      return (await http<{ id: string }>(base, 'POST', '/jobs', body)).id;
    });
    const resumeIds = await pool(set.resumes, args.concurrency, async (resume) => (await http<{ id: string }>(base, 'POST', '/resumes', { text: resume.text, fileName: `${resume.id}.txt` })).id);
    let waiting = [...jobIds.map((id) => `/jobs/${id}`), ...resumeIds.map((id) => `/resumes/${id}`)];
    while (waiting.length > 0) {
      const states = await pool(waiting, args.concurrency, async (route) => (await http<{ embedding: { status: string; error?: string | null } }>(base, 'GET', route)).embedding);
      const failed = states.findIndex((state) => state.status === 'FAILED');
      if (failed >= 0) throw new Error(`${waiting[failed]} failed to embed: ${states[failed]!.error}`);
      waiting = waiting.filter((_, index) => states[index]!.status !== 'READY');
      if (waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const embedSeconds = (performance.now() - loadStarted) / 1000;
    const texts = jobIds.length + resumeIds.length;
    log(`${strategy}: ${texts} texts posted and embedded in ${embedSeconds.toFixed(1)} s (${(texts / embedSeconds).toFixed(1)} texts/s)`);

    const pairList = resumeIds.flatMap((resumeId, r) => jobIds.map((jobId, j) => ({ resumeId, jobId, r, j })));
    const matches = await pool(pairList, args.concurrency, ({ resumeId, jobId }) => http<MatchResponse>(base, 'POST', '/matching/calculate', { jobId, resumeId }));
    const pairs: PairFactors[][] = resumeIds.map(() => new Array<PairFactors>(jobIds.length));
    matches.forEach((match, index) => {
      const { r, j } = pairList[index]!;
      const { location, seniority, occupation } = match.factors.other;
      pairs[r]![j] = {
        cosine: match.similarity,
        skills: match.factors.skills.score,
        other: match.factors.other.score,
        score: match.score,
        semanticFactor: match.factors.semantic.score ?? 0,
        otherParts: { location, seniority, occupation: occupation ?? null },
      };
    });
    log(`${strategy}: ${matches.length} explained matches read`);

    const jobIndex = new Map(jobIds.map((id, index) => [id, index]));
    const recommended = await pool(resumeIds, args.concurrency, async (resumeId) => {
      const page = await http<{ results: { job: { id: string } }[] }>(base, 'GET', `/resumes/${resumeId}/recommendations?limit=10`);
      return page.results.map((result) => jobIndex.get(result.job.id)!);
    });

    let lexical: Record<string, number[][]> | null = null;
    if (withLexical) {
      const pgPool = createPgPool({ url, poolSize: 2 });
      try {
        const ranker = new LexicalRanker(pgPool);
        lexical = {};
        for (const variant of LEXICAL_VARIANTS) {
          const rows: number[][] = [];
          // One resume at a time, so each call's time is its own (what a recommendation would add).
          const startedAt = performance.now();
          for (const resumeId of resumeIds) {
            const ranks = await ranker.rankJobsForResume(resumeId, jobIds, variant);
            rows.push(jobIds.map((id) => ranks.get(id) ?? 0));
          }
          lexical[variant.name] = rows;
          lexicalMsPerResume[variant.name] = round((performance.now() - startedAt) / resumeIds.length, 1);
        }
      } finally {
        await pgPool.end();
      }
    }
    return { strategy, embedSeconds, textsPerSecond: texts / embedSeconds, pairs, recommended, lexical };
  } finally {
    for (const child of processes.reverse()) await child.stop().catch(() => undefined);
  }
}

interface StrategyCost {
  textsPerSecond: number;
  longTextsPerSecond: number;
  modelInputsPerText: number;
  modelInputsPerLongText: number;
}

/**
 * What each strategy costs: the built embedder's ONNX pipeline (apps/embedder/dist) in this process
 * on the set's exact texts, all of them and the long ones (over one window) alone; strategies
 * interleaved over three rounds, the fastest round kept (the machine is shared).
 */
async function measureCost(set: RelevanceSet, strategies: Strategy[], args: ReturnType<typeof parseArgs>): Promise<{ cost: Record<string, StrategyCost>; longResumes: number[] }> {
  // The built pipeline, as the embedder process runs it (its worker thread loads the built files too).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { OnnxEmbeddingProvider } = require(path.join(REPO_ROOT, 'apps/embedder/dist/inference/onnx-embedding-provider.js')) as typeof import('../../apps/embedder/src/inference/onnx-embedding-provider');
  const texts = [...set.resumes.map((resume) => resume.text), ...set.postings.map((posting) => jobEmbeddingText(posting))];
  const modelPath = path.join(args.modelDir, MODEL_ID);
  const quantized = args.quantized === 'true' || args.quantized === '1';
  const providers = new Map<Strategy, Awaited<ReturnType<typeof OnnxEmbeddingProvider.create>>>();
  try {
    for (const strategy of strategies) providers.set(strategy, await OnnxEmbeddingProvider.create({ modelPath, modelId: MODEL_ID, quantized, intraOpThreads: 2, longText: strategy }));
    const truncate = providers.get('truncate') ?? providers.values().next().value!;
    // Texts the model's window cannot hold (truncation cut them): where the strategies differ.
    const isLong = (text: string) => truncate.tokenize(text).length >= truncate.maxSeqLength;
    const longTexts = texts.filter(isLong);
    const longResumes = set.resumes.flatMap((resume, index) => (isLong(resume.text) ? [index] : []));
    const best: Record<string, { all: number; long: number }> = {};
    for (let round = 0; round < 3; round++) {
      for (const [strategy, provider] of providers) {
        let startedAt = performance.now();
        await provider.embed(texts);
        const all = (performance.now() - startedAt) / 1000;
        startedAt = performance.now();
        await provider.embed(longTexts);
        const long = (performance.now() - startedAt) / 1000;
        best[strategy] = { all: Math.min(best[strategy]?.all ?? Infinity, all), long: Math.min(best[strategy]?.long ?? Infinity, long) };
      }
    }
    const cost = Object.fromEntries(
      [...providers].map(([strategy, provider]) => {
        const inputs = (list: string[]) => list.reduce((sum, text) => sum + provider.modelInputs(text).length, 0);
        return [
          strategy,
          {
            textsPerSecond: round(texts.length / best[strategy]!.all, 1),
            longTextsPerSecond: round(longTexts.length / best[strategy]!.long, 1),
            modelInputsPerText: round(inputs(texts) / texts.length, 2),
            modelInputsPerLongText: round(inputs(longTexts) / longTexts.length, 2),
            longTexts: longTexts.length,
          },
        ];
      }),
    );
    return { cost, longResumes };
  } finally {
    for (const provider of providers.values()) await provider.close();
  }
}

interface Evaluation {
  ndcgAt10: number;
  precisionAt5: number;
  /** Same-field jobs in the top 10 (the issue's TF-IDF figure is this measure on another data set). */
  fieldPrecisionAt10: number;
  byOccupation: Record<string, { ndcgAt10: number; precisionAt5: number }>;
  /** nDCG@10 of each resume (for paired comparisons; not written to the JSON). */
  perResume: number[];
}

/** Ranks every job for every resume by `score(r, j)` and averages the measures, overall and per occupation. */
function evaluate(set: RelevanceSet, score: (r: number, j: number) => number, tieBreak: number[]): Evaluation {
  return evaluateRankings(
    set,
    set.resumes.map((_, r) => rankBy(set.postings.map((__, j) => score(r, j)), tieBreak)),
  );
}

/** The measures for rankings given as job index lists (all jobs, or the recommendations endpoint's page). */
function evaluateRankings(set: RelevanceSet, rankings: number[][]): Evaluation {
  const perResume = set.resumes.map((resume, r) => {
    const grades = set.postings.map((posting) => set.grade(resume, posting));
    const ranked = rankings[r]!.map((j) => grades[j]!);
    const sameField = rankings[r]!.slice(0, 10).filter((j) => set.sameField(resume, set.postings[j]!)).length / 10;
    return { occupation: resume.occupation, ndcg: ndcgAtK(ranked, grades, 10), p5: precisionAtK(ranked, 5), sameField };
  });
  const byOccupation: Evaluation['byOccupation'] = {};
  for (const { id } of set.occupations) {
    const rows = perResume.filter((row) => row.occupation === id);
    byOccupation[id] = { ndcgAt10: round(mean(rows.map((row) => row.ndcg))), precisionAt5: round(mean(rows.map((row) => row.p5))) };
  }
  const evaluation: Evaluation = {
    ndcgAt10: round(mean(perResume.map((row) => row.ndcg))),
    precisionAt5: round(mean(perResume.map((row) => row.p5))),
    fieldPrecisionAt10: round(mean(perResume.map((row) => row.sameField))),
    byOccupation,
    perResume: [],
  };
  Object.defineProperty(evaluation, 'perResume', { value: perResume.map((row) => row.ndcg), enumerable: false });
  return evaluation;
}

/** nDCG@10 over a subset of resumes (the long ones). */
function subsetNdcg(evaluation: Evaluation, indexes: number[]): number {
  return round(mean(indexes.map((index) => evaluation.perResume[index]!)));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const loadAtStart = os.loadavg();
  const set = loadRelevanceSet(DATA_DIR);
  log(`relevance set: ${set.postings.length} postings, ${set.resumes.length} resumes, ${set.occupations.length} occupations`);
  if (args.build) {
    log('building the embedder, the matcher and their libraries (turbo)…');
    execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@jobmatch/matcher...', '--filter=@jobmatch/embedder...', '--output-logs=errors-only'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    });
  }
  const random = seededRandom(SEED);
  const tieBreak = set.postings.map(() => random());

  const onetDataFile = args.onet ? benchOnetDataFile(REPO_ROOT, 'quality-onet-data.json') : null;
  log(onetDataFile ? `O*NET imported (${onetDataFile}): occupations in the match score` : 'no O*NET release (--no-onet, or neither ONET_DATA_FILE nor ../shared/data/onet-29.2): no occupation factor');
  const runs: StrategyRun[] = [];
  for (const [index, strategy] of args.strategies.entries()) runs.push(await runStrategy(set, strategy, args, index === 0, onetDataFile));
  const lexical = runs[0]!.lexical!;
  log('long-text cost: the built ONNX pipeline in this process, strategies interleaved…');
  const { cost, longResumes } = await measureCost(set, args.strategies, args);
  log(`texts/s: ${Object.entries(cost).map(([strategy, value]) => `${strategy} ${value.textsPerSecond} (long ones ${value.longTextsPerSecond})`).join(', ')}`);

  // Long texts: semantic-only ranking per strategy.
  const longText = Object.fromEntries(runs.map((run) => [run.strategy, evaluate(set, (r, j) => run.pairs[r]![j]!.cosine, tieBreak)]));
  const bestStrategy = runs.reduce((best, run) => (longText[run.strategy]!.ndcgAt10 > longText[best.strategy]!.ndcgAt10 ? run : best), runs[0]!);
  const truncateRun = longText.truncate ?? longText[runs[0]!.strategy]!;
  const longTextSummary = Object.fromEntries(
    runs.map((run) => [
      run.strategy,
      {
        ndcgAt10: longText[run.strategy]!.ndcgAt10,
        precisionAt5: longText[run.strategy]!.precisionAt5,
        longResumesNdcgAt10: subsetNdcg(longText[run.strategy]!, longResumes),
        versusTruncateOnLongResumes: pairedComparison(longResumes.map((r) => truncateRun.perResume[r]!), longResumes.map((r) => longText[run.strategy]!.perResume[r]!), SEED),
        cost: cost[run.strategy],
        throughHttpQueue: { embedSeconds: round(run.embedSeconds, 1), textsPerSecond: round(run.textsPerSecond, 2) },
      },
    ]),
  );
  const main = bestStrategy.pairs;
  log(`long texts, semantic nDCG@10: ${runs.map((run) => `${run.strategy} ${longText[run.strategy]!.ndcgAt10}`).join(', ')}; best ${bestStrategy.strategy}`);

  // Calibration: logistic fit of grade (1, 0.5, 0) on the cosine, on the best strategy's vectors.
  const xs: number[] = [];
  const targets: number[] = [];
  const grades: number[] = [];
  set.resumes.forEach((resume, r) =>
    set.postings.forEach((posting, j) => {
      const grade = set.grade(resume, posting);
      xs.push(main[r]![j]!.cosine);
      targets.push(grade / 2);
      grades.push(grade);
    }),
  );
  const fitted = fitLogistic(xs, targets);
  const calibrate = logisticMap({ intercept: fitted.a, slope: fitted.b });
  log(`calibration fit: intercept ${fitted.a.toFixed(3)}, slope ${fitted.b.toFixed(3)}`);

  const tfidf = tfidfSimilarities(
    set.resumes.map((resume) => resume.text),
    set.postings.map((posting) => [posting.title, posting.description, posting.requirements].join('\n')),
  );

  type Semantic = 'raw' | 'calibrated';
  const semanticOf = (kind: Semantic, r: number, j: number) => (kind === 'raw' ? Math.max(0, main[r]![j]!.cosine) : calibrate(main[r]![j]!.cosine));
  const blend = (weights: Record<FactorName, number>, kind: Semantic, lexicalWeight = 0, lexicalName = LEXICAL_VARIANTS[0]!.name) => (r: number, j: number) => {
    const pair = main[r]![j]!;
    const base = blendedScore({ semantic: semanticOf(kind, r, j), skills: pair.skills, other: pair.other }, weights);
    return (1 - lexicalWeight) * base + lexicalWeight * 100 * lexical[lexicalName]![r]![j]!;
  };

  const semanticOnly = evaluate(set, (r, j) => main[r]![j]!.cosine, tieBreak);
  const skillsOnly = evaluate(set, (r, j) => main[r]![j]!.skills ?? 0, tieBreak);
  const blendedDefault = evaluate(set, blend(DEFAULT_WEIGHTS, 'raw'), tieBreak);
  const blendedDefaultCalibrated = evaluate(set, blend(DEFAULT_WEIGHTS, 'calibrated'), tieBreak);
  const tfidfEval = evaluate(set, (r, j) => tfidf[r]![j]!, tieBreak);
  const lexicalOnly = Object.fromEntries(LEXICAL_VARIANTS.map((variant) => [variant.name, evaluate(set, (r, j) => lexical[variant.name]![r]![j]!, tieBreak)]));

  // Weights: a grid over semantic / skills (other stays 0.1: the labels know occupations, not places
  // or levels), raw and calibrated semantic, and lexical shares on top.
  const grid: { semantic: number; skills: number; other: number; calibrated: boolean; lexical: number; lexicalRank: string; ndcgAt10: number; precisionAt5: number }[] = [];
  for (const kind of ['raw', 'calibrated'] as const) {
    for (let semantic = 0; semantic <= 0.9001; semantic += 0.05) {
      const weights = { semantic: round(semantic, 2), skills: round(0.9 - semantic, 2), other: 0.1 };
      for (const lexicalWeight of [0, 0.1, 0.2, 0.3]) {
        for (const variant of lexicalWeight === 0 ? [LEXICAL_VARIANTS[0]!] : LEXICAL_VARIANTS) {
          const result = evaluate(set, blend(weights, kind, lexicalWeight, variant.name), tieBreak);
          grid.push({ ...weights, calibrated: kind === 'calibrated', lexical: lexicalWeight, lexicalRank: lexicalWeight === 0 ? '-' : variant.name, ndcgAt10: result.ndcgAt10, precisionAt5: result.precisionAt5 });
        }
      }
    }
  }
  const bestOf = (rows: typeof grid) => rows.reduce((best, row) => (row.ndcgAt10 > best.ndcgAt10 ? row : best), rows[0]!);
  const bestWithoutLexical = bestOf(grid.filter((row) => row.lexical === 0));
  const bestWithLexical = bestOf(grid.filter((row) => row.lexical > 0));

  const weightsOf = (row: (typeof grid)[number]) => ({ semantic: row.semantic, skills: row.skills, other: row.other });
  const bestBlend = evaluate(set, blend(weightsOf(bestWithoutLexical), bestWithoutLexical.calibrated ? 'calibrated' : 'raw'), tieBreak);
  const bestLexicalBlend = evaluate(set, blend(weightsOf(bestWithLexical), bestWithLexical.calibrated ? 'calibrated' : 'raw', bestWithLexical.lexical, bestWithLexical.lexicalRank), tieBreak);
  const sameWeightsNoLexical = evaluate(set, blend(weightsOf(bestWithLexical), bestWithLexical.calibrated ? 'calibrated' : 'raw'), tieBreak);

  // What the running product returned (its configured weights and calibration).
  const productRecommendations = evaluateRankings(set, bestStrategy.recommended);
  const productAllJobs = evaluate(set, (r, j) => main[r]![j]!.score, tieBreak);
  const paired = (a: Evaluation, b: Evaluation) => pairedComparison(a.perResume, b.perResume, SEED);
  const comparisons = {
    note: 'per-resume nDCG@10, b − a: mean difference, resumes better / worse / equal, seeded bootstrap 95 % interval of the mean',
    productVersusTfidf: paired(tfidfEval, productAllJobs),
    productVersusSemantic: paired(semanticOnly, productAllJobs),
    productVersusSkills: paired(skillsOnly, productAllJobs),
    semanticVersusTfidf: paired(tfidfEval, semanticOnly),
    bestBlendVersusOldDefault: paired(blendedDefault, bestBlend),
    lexicalVersusSameWeightsWithout: paired(sameWeightsNoLexical, bestLexicalBlend),
  };
  writeFileSync(path.join(os.tmpdir(), 'quality-bench-pairs.json'), JSON.stringify({ grades, pairs: main, lexical }));

  // The occupation factor, with and without, same run and vectors: the product's score recomputed
  // from its own factors, with "other" once as the matcher computed it and once without occupation.
  const occupationFactor = occupationFactorComparison(set, main, tieBreak, onetDataFile !== null);
  if (occupationFactor.with) log(`occupation factor: nDCG@10 with ${occupationFactor.with.ndcgAt10}, without ${occupationFactor.without.ndcgAt10}`);

  // Score distributions and labels before (raw cosine, 0.6/0.3/0.1) and as the product scores now.
  const before = set.resumes.flatMap((_, r) => set.postings.map((__, j) => blend(DEFAULT_WEIGHTS, 'raw')(r, j)));
  const after = set.resumes.flatMap((_, r) => set.postings.map((__, j) => main[r]![j]!.score));
  const calibratedSemantic = xs.map(calibrate);
  const labelShares = (scores: number[]) => {
    const table: Record<string, Record<string, number>> = {};
    for (const grade of [2, 1, 0]) {
      const ofGrade = scores.filter((_, index) => grades[index] === grade);
      const counts: Record<string, number> = { 'Strong match': 0, 'Good match': 0, 'Partial match': 0, 'Weak match': 0 };
      for (const score of ofGrade) counts[matchLabel(score)]! += 1;
      table[`grade${grade}`] = Object.fromEntries(Object.entries(counts).map(([label, count]) => [label, round(count / ofGrade.length, 3)]));
    }
    return table;
  };
  const quantiles = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!, 3);
    return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
  };
  const byGrade = (values: number[]) => Object.fromEntries([2, 1, 0].map((grade) => [`grade${grade}`, quantiles(values.filter((_, index) => grades[index] === grade))]));

  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    CHART_FILE,
    renderDistributionsSvg(
      [
        { title: 'Cosine similarity (raw)', values: xs, max: 1 },
        { title: 'Semantic factor after calibration', values: calibratedSemantic, max: 1 },
        { title: 'Match score before (raw cosine, 0.6/0.3/0.1)', values: before, max: 100, thresholds: [35, 55, 75] },
        { title: 'Match score now (product, /matching/calculate)', values: after, max: 100, thresholds: [35, 55, 75] },
      ],
      grades,
    ),
  );

  const productCalibration = SEMANTIC_CALIBRATIONS[MODEL_ID] ?? null;
  const results = {
    ndcgAt10: { semantic: semanticOnly.ndcgAt10, skills: skillsOnly.ndcgAt10, blended: productAllJobs.ndcgAt10, blendedRecommendations: productRecommendations.ndcgAt10, tfidf: tfidfEval.ndcgAt10 },
    precisionAt5: { semantic: semanticOnly.precisionAt5, skills: skillsOnly.precisionAt5, blended: productAllJobs.precisionAt5, blendedRecommendations: productRecommendations.precisionAt5, tfidf: tfidfEval.precisionAt5 },
    longText: Object.fromEntries(runs.map((run) => [run.strategy, longText[run.strategy]!.ndcgAt10])),
    fieldPrecisionAt10: { semantic: semanticOnly.fieldPrecisionAt10, skills: skillsOnly.fieldPrecisionAt10, blended: productAllJobs.fieldPrecisionAt10, blendedRecommendations: productRecommendations.fieldPrecisionAt10, tfidf: tfidfEval.fieldPrecisionAt10 },
    weights: { product: productWeights(), productCalibrated: SEMANTIC_CALIBRATIONS[MODEL_ID] !== undefined, best: bestWithoutLexical, bestWithLexical, default060: { raw: blendedDefault, calibrated: blendedDefaultCalibrated } },
    meaning: {
      ndcgAt10: 'mean over the 42 resumes of nDCG@10 over all 112 jobs, gains 2^grade − 1 (grade 2 same occupation, 1 adjacent occupation, 0 unrelated)',
      precisionAt5: 'share of same-occupation jobs in the top 5',
      semantic: 'jobs ranked by the raw cosine of the stored vectors (best long-text strategy)',
      skills: 'jobs ranked by skill coverage alone (factors.skills.score; null counted as 0)',
      blended: "jobs ranked by the product's match score (POST /matching/calculate) over all jobs",
      blendedRecommendations: 'the top 10 of GET /resumes/:id/recommendations (HNSW candidates re-ranked by the match score)',
      tfidf: 'plain TF-IDF cosine (sublinear tf, smooth idf) computed in the bench on the same texts',
    },
    longTextDetail: longTextSummary,
    longResumes: longResumes.map((index) => set.resumes[index]!.id),
    bestLongText: bestStrategy.strategy,
    byOccupation: Object.fromEntries(
      set.occupations.map(({ id }) => [
        id,
        {
          semantic: semanticOnly.byOccupation[id],
          skills: skillsOnly.byOccupation[id],
          blended: productAllJobs.byOccupation[id],
          blendedRecommendations: productRecommendations.byOccupation[id],
          tfidf: tfidfEval.byOccupation[id],
        },
      ]),
    ),
    comparisons,
    occupationFactor,
    lexical: { only: lexicalOnly, bestBlend: bestWithLexical, sameWeightsWithoutLexical: sameWeightsNoLexical, msPerResumeOverAllJobs: lexicalMsPerResume, note: 'blend = (1 − w) × match score + w × 100 × lexical rank; other factors as in the grid row' },
    tfidf: tfidfEval,
    calibration: {
      fitted: { intercept: round(fitted.a, 4), slope: round(fitted.b, 4), fittedOn: `${xs.length} resume × job pairs, targets grade / 2, vectors of the ${bestStrategy.strategy} strategy` },
      product: productCalibration,
      cosineByGrade: byGrade(xs),
      calibratedByGrade: byGrade(calibratedSemantic),
      scoreByGrade: { before: byGrade(before), now: byGrade(after) },
      labels: { before: labelShares(before), now: labelShares(after) },
      chart: path.relative(REPO_ROOT, CHART_FILE),
    },
    grid,
    conditions: {
      timestamp: new Date().toISOString(),
      model: `${MODEL_ID} (real weights, ${args.quantized === 'true' || args.quantized === '1' ? 'int8' : 'fp32'} onnx/model${args.quantized === 'true' || args.quantized === '1' ? '_quantized' : ''}.onnx from ${args.modelDir})`,
      dataset: { postings: set.postings.length, resumes: set.resumes.length, occupations: set.occupations.length, pairs: xs.length, folder: 'bench/data/relevance' },
      seed: SEED,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      loadAverageAtStart: loadAtStart.map((value) => round(value, 2)),
      loadAverageAtEnd: os.loadavg().map((value) => round(value, 2)),
      embedder: 'services: ONNX_INTRA_OP_THREADS=2, QUEUE_CONCURRENCY=4 (throughHttpQueue texts/s = jobs + resumes / first POST → last READY); cost: the built OnnxEmbeddingProvider in the bench process, 2 intra-op threads, fastest of 3 interleaved rounds',
    },
  };
  writeFileSync(RESULTS_FILE, qualityResultsJson(results));
  writeQualitySection(path.join(REPO_ROOT, 'BENCHMARKS.md'), results as unknown as QualityResults);
  log(`wrote ${path.relative(REPO_ROOT, RESULTS_FILE)} and ${path.relative(REPO_ROOT, CHART_FILE)}`);
  console.table({
    semantic: { ndcgAt10: semanticOnly.ndcgAt10, precisionAt5: semanticOnly.precisionAt5 },
    skills: { ndcgAt10: skillsOnly.ndcgAt10, precisionAt5: skillsOnly.precisionAt5 },
    'blended 0.6/0.3/0.1 raw': { ndcgAt10: blendedDefault.ndcgAt10, precisionAt5: blendedDefault.precisionAt5 },
    'blended 0.6/0.3/0.1 calibrated': { ndcgAt10: blendedDefaultCalibrated.ndcgAt10, precisionAt5: blendedDefaultCalibrated.precisionAt5 },
    'product (all jobs)': { ndcgAt10: productAllJobs.ndcgAt10, precisionAt5: productAllJobs.precisionAt5 },
    'product (recommendations)': { ndcgAt10: productRecommendations.ndcgAt10, precisionAt5: productRecommendations.precisionAt5 },
    tfidf: { ndcgAt10: tfidfEval.ndcgAt10, precisionAt5: tfidfEval.precisionAt5 },
    ...Object.fromEntries(Object.entries(lexicalOnly).map(([name, result]) => [`lexical ${name}`, { ndcgAt10: result.ndcgAt10, precisionAt5: result.precisionAt5 }])),
  });
  console.log('best grid row without lexical:', bestWithoutLexical, '\nbest with lexical:', bestWithLexical);
}

/** Mean of the known parts, as the matcher's "other" factor (null when none is known). */
function otherOf(parts: (number | null)[]): number | null {
  const known = parts.filter((part): part is number => part !== null);
  return known.length > 0 ? known.reduce((sum, part) => sum + part, 0) / known.length : null;
}

function occupationFactorComparison(set: RelevanceSet, pairs: PairFactors[][], tieBreak: number[], onet: boolean) {
  const weights = productWeights();
  const score = (withOccupation: boolean) => (r: number, j: number) => {
    const pair = pairs[r]![j]!;
    const { location, seniority, occupation } = pair.otherParts;
    return blendedScore({ semantic: pair.semanticFactor, skills: pair.skills, other: otherOf(withOccupation ? [location, seniority, occupation] : [location, seniority]) }, weights);
  };
  const all = pairs.flat();
  const known = all.filter((pair) => pair.otherParts.occupation !== null);
  const withOccupation = evaluate(set, score(true), tieBreak);
  const withoutOccupation = evaluate(set, score(false), tieBreak);
  return {
    onetImported: onet,
    pairsWithOccupation: known.length,
    pairs: all.length,
    closeness: { same: known.filter((p) => p.otherParts.occupation === 1).length, related: known.filter((p) => p.otherParts.occupation === 0.5).length, unrelated: known.filter((p) => p.otherParts.occupation === 0).length },
    with: onet ? { ndcgAt10: withOccupation.ndcgAt10, precisionAt5: withOccupation.precisionAt5 } : null,
    without: { ndcgAt10: withoutOccupation.ndcgAt10, precisionAt5: withoutOccupation.precisionAt5 },
    withMinusWithout: onet ? pairedComparison(withoutOccupation.perResume, withOccupation.perResume, SEED) : null,
    note: "the product's score from its own factors (calibrated semantic factor, skills, other) with its weights; 'without' drops occupation from the other factor's mean",
  };
}

/** The weights the matcher ran with: the defaults of libs/config (the bench sets no MATCH_WEIGHT_*). */
function productWeights(): Record<FactorName, number> {
  const config = matcherEnvSchema.parse({ DATABASE_URL: 'postgresql://unused' });
  return { semantic: config.MATCH_WEIGHT_SEMANTIC, skills: config.MATCH_WEIGHT_SKILLS, other: config.MATCH_WEIGHT_OTHER };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
