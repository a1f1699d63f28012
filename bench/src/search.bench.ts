/**
 * Search and recommendation benchmark (issue 4, "Performance"; issue 11: real-model vectors). One command:
 *
 *   pnpm bench:search [--fresh] [--jobs 100000] [--resumes 2000] [--queries 200]
 *                     [--duration 20] [--connections 8] [--rate 300] [--no-build] [--skip-http]
 *                     [--datasets real,synthetic] [--real-precision int8|fp32] [--model-dir DIR]
 *                     [--scenarios recommend-at-rate,…]   (a subset of the HTTP scenarios, for A/B runs)
 *                     [--maintenance-work-mem 3GB]          (the index build's session setting)
 *
 * Another --jobs than 100 000 is a scale run (issue 16): `--jobs 1000000` loads the synthetic
 * dataset only (the real model cannot embed a million texts here in reasonable time) into its own
 * database (jobmatch_bench_1m), through binary COPY with a progress bar, builds the HNSW indexes with
 * a larger maintenance_work_mem, and writes bench/results/search-1m.json, the recall/latency chart
 * (bench/results/search-recall-latency.svg, with the 100 000-job curve of bench/results/search.json)
 * and the "One million jobs" section of BENCHMARKS.md instead of the 100 000-job results.
 *                     [--auth-compare]   (#14: the matcher with API keys + rate limits vs AUTH_DISABLED in the
 *                                         same run, and recall of tenant-filtered search with 2–10 tenants;
 *                                         writes bench/results/search-auth.json, not search.json)
 *
 * 1. Two datasets, each in its own database, each 100 000 jobs and 2 000 resumes:
 *    real (jobmatch_bench_real) — generated postings and resumes embedded by the real all-MiniLM-L6-v2
 *    through the embedder's pipeline, vectors cached under $HOME/.cache/jobmatch/bench (skipped when the
 *    model files are missing: --model-dir / MODEL_DIR, see lib/bench-model.ts);
 *    synthetic (jobmatch_bench) — seeded vectors with the low intrinsic dimension of text embeddings.
 *    A later run reuses a seeded database when the dataset fingerprint matches.
 * 2. Measures recall@10 of HNSW against exact search (VectorStore) for several ef_search values on each
 *    dataset and picks the smallest with recall ≥ 0.95.
 * 3. Starts the real matcher (apps/matcher/dist/main.js) on the first dataset's database with its chosen
 *    HNSW_EF_SEARCH and loads it with autocannon: recommendations for stored resumes and
 *    search with cached query embeddings, sampling the matcher's RSS.
 * 4. Writes bench/results/search.json and prints a table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { DEFAULT_MODEL_ID, DEFAULT_TENANT_ID, encodeFloat32, queryEmbeddingCacheKey } from '@jobmatch/contracts';
import { ApiKeyRepository, createPgPool, VectorStore } from '@jobmatch/db';
import { databaseUrl, DEFAULT_BUILD_SETTINGS, ensureDatabase, seedDataset, storedIds, type DatasetSpec, type SeedReport } from './lib/search-database';
import { realModelDataset, syntheticDataset, type BenchDataset, type DatasetName } from './lib/search-datasets';
import { chooseEfSearch, measureFilteredRecall, measureRecall, type FilteredRecall, type RecallPoint, type RecallReport } from './lib/search-recall';
import { freePort, startNodeProcess, type NodeProcess } from '@jobmatch/testing';
import { closedLoop, readCpuMs, processGroupCpuDelta, readMachineCpuMs, readProcessGroupCpu, readRss, RssSampler, runLoad, type LoadResult } from './lib/search-load';
import { runOpenLoopInChild } from './lib/open-loop';
import { writeBenchmarksSection } from './lib/search-report';
import { scaleLabel, writeScaleReport } from './lib/search-scale-report';
import { DEFAULT_VECTOR_MODEL, dotProduct, pcaVarianceCaptured } from './lib/search-vectors';

const REPO_ROOT = path.resolve(__dirname, '../..');
const RESULTS_FILE = path.join(REPO_ROOT, 'bench/results/search.json');
/** The dataset size of bench/results/search.json; other sizes are scale runs with their own files. */
const BASE_JOBS = 100_000;
// BENCH_MATCHER_MAIN: another checkout's built matcher, to compare two versions on one dataset.
const MATCHER_MAIN = process.env.BENCH_MATCHER_MAIN ?? path.join(REPO_ROOT, 'apps/matcher/dist/main.js');
const BASE_EF_VALUES = [40, 64, 100, 150, 200];
/** A larger graph needs a longer candidate list for the same recall. */
const SCALE_EF_VALUES = [...BASE_EF_VALUES, 300];
const RECALL_TARGET = 0.95;
/** HNSW_EF_SEARCH's default in libs/config (matcher, skill-gap): is it still enough on each dataset? */
const DEFAULT_EF_SEARCH = 100;
const BASE_TARGETS = { recommendP95Ms: 15, recommendRps: 300, searchCachedP95Ms: 25, matcherPeakRssMb: 150 };
/** Issue 16: recommendations p95 ≤ 20 ms at 300 req/s and the jobs' HNSW index within 1.5 GB at 1 000 000 jobs. */
const SCALE_TARGETS = { ...BASE_TARGETS, recommendP95Ms: 20, indexSizeMb: 1536 };
let TARGETS: typeof BASE_TARGETS & { indexSizeMb?: number } = BASE_TARGETS;
let EF_VALUES = BASE_EF_VALUES;

function parseArgs(argv: string[]) {
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')));
  const value = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`);
    const parsed = index >= 0 ? Number(argv[index + 1]) : fallback;
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} needs a positive number`);
    return parsed;
  };
  const textValue = (name: string, fallback: string, allowed: string[]) => {
    const index = argv.indexOf(`--${name}`);
    const chosen = index >= 0 ? argv[index + 1] : fallback;
    if (!chosen || !allowed.includes(chosen)) throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
    return chosen;
  };
  const list = (name: string) => {
    if (!argv.includes(`--${name}`)) return null;
    const names = (argv[argv.indexOf(`--${name}`) + 1] ?? '').split(',').filter(Boolean);
    if (names.length === 0) throw new Error(`--${name} needs a comma-separated list`);
    return names;
  };
  const jobs = value('jobs', BASE_JOBS);
  const scale = jobs === BASE_JOBS ? null : scaleLabel(jobs);
  const memory = argv.includes('--maintenance-work-mem') ? argv[argv.indexOf('--maintenance-work-mem') + 1] ?? '' : scale ? '3GB' : DEFAULT_BUILD_SETTINGS.maintenanceWorkMem;
  const database = process.env.BENCH_DATABASE ?? (scale ? `jobmatch_bench_${scale}` : 'jobmatch_bench');
  return {
    scale,
    buildSettings: { ...DEFAULT_BUILD_SETTINGS, maintenanceWorkMem: memory },
    fresh: flags.has('--fresh'),
    build: !flags.has('--no-build'),
    http: !flags.has('--skip-http'),
    jobs,
    resumes: value('resumes', 2_000),
    // Exact search reads every row: at a million jobs 100 queries keep it to minutes.
    queries: value('queries', scale ? 100 : 200),
    durationSeconds: value('duration', 20),
    connections: value('connections', 8),
    rate: value('rate', TARGETS.recommendRps),
    scenarios: list('scenarios'),
    authCompare: flags.has('--auth-compare'),
    datasets: (list('datasets') ?? (scale ? ['synthetic'] : ['real', 'synthetic'])).map((name) => {
      if (name !== 'real' && name !== 'synthetic') throw new Error(`--datasets: unknown dataset ${name} (real, synthetic)`);
      return name as DatasetName;
    }),
    realPrecision: textValue('real-precision', 'int8', ['int8', 'fp32']),
    database,
    realDatabase: process.env.BENCH_REAL_DATABASE ?? `${database}_real`,
    serverUrl: process.env.BENCH_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

const started = performance.now();
function log(message: string): void {
  console.log(`[search-bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

/** `uptime` as printed: the machine is shared, each run records what else was running. */
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

interface DatasetRun {
  dataset: BenchDataset;
  url: string;
  pool: ReturnType<typeof createPgPool>;
  store: VectorStore;
  seed: SeedReport;
  resumeIds: string[];
  queries: Float32Array[];
  sharedBuffersMb: number;
  pca32: number;
  randomPairCosine: number;
  recall: RecallReport;
  chosen: RecallPoint;
  filtered: FilteredRecall;
}

/** Seeds (or reuses) one dataset's database and measures its recall against exact search. */
async function measureDataset(args: ReturnType<typeof parseArgs>, dataset: BenchDataset): Promise<DatasetRun> {
  log(`[${dataset.name}] ${dataset.description}`);
  log(`[${dataset.name}] database ${dataset.database}${args.fresh ? ' (fresh)' : ''}`);
  await ensureDatabase(args.serverUrl, dataset.database, args.fresh);
  const url = databaseUrl(args.serverUrl, dataset.database);
  const pool = createPgPool({ url, poolSize: 10 });
  const store = new VectorStore(pool);
  const seed = await seedDataset(pool, dataset.fingerprint, () => dataset.rows(), log, args.buildSettings);
  const { resumeIds, jobCount } = await storedIds(pool);
  if (jobCount !== args.jobs) throw new Error(`[${dataset.name}] expected ${args.jobs} embedded jobs, found ${jobCount}`);

  const sharedBuffersMb = await postgresSharedBuffersMb(pool);
  log(`[${dataset.name}] Postgres shared_buffers ${sharedBuffersMb} MB; jobs HNSW index ${seed.indexSizeMb} MB, jobs table with its indexes ${seed.tableSizeMb} MB`);
  if (seed.tableSizeMb > sharedBuffersMb) {
    log('WARNING: the jobs table and its indexes do not fit in shared_buffers; searches re-read pages from the OS cache (scripts/services.sh sets 512 MB)');
  }

  const sample = await dataset.propertySample();
  const pca32 = pcaVarianceCaptured(sample, 32);
  const half = Math.floor(sample.length / 2);
  let randomPairCosine = 0;
  for (let i = 0; i < half; i++) randomPairCosine += dotProduct(sample[i]!, sample[i + half]!) / half;
  log(`[${dataset.name}] top-32 PCA components hold ${(pca32 * 100).toFixed(1)} % of the variance (uniform noise: 8.3 % in the limit, 13.1 % on a 4 000 sample); random-pair cosine ${randomPairCosine.toFixed(3)}`);

  const queries = (await dataset.queries()).slice(0, args.queries);
  log(`[${dataset.name}] recall@10 over ${queries.length} queries (exact search first)…`);
  const { report: recall } = await measureRecall(store, DEFAULT_MODEL_ID, queries, EF_VALUES, log);
  const chosen = chooseEfSearch(recall.points, RECALL_TARGET) ?? recall.points[recall.points.length - 1]!;
  log(`[${dataset.name}] chosen ef_search=${chosen.efSearch} (recall@10 ${chosen.recallAt10.toFixed(4)}); TwoNN intrinsic dimension ≈ ${recall.twoNnIntrinsicDimension.toFixed(1)}`);
  const filtered = await measureFilteredRecall(store, DEFAULT_MODEL_ID, queries.slice(0, 50), { seniority: 'lead' }, chosen.efSearch);
  log(`[${dataset.name}] filtered (seniority=lead, ~10 % of rows): recall@10 ${filtered.recallAt10.toFixed(4)}, full pages ${(filtered.fullPages * 100).toFixed(0)} %`);
  return { dataset, url, pool, store, seed, resumeIds, queries, sharedBuffersMb, pca32, randomPairCosine, recall, chosen, filtered };
}

function datasetSummary(run: DatasetRun) {
  const atDefault = run.recall.points.find((point) => point.efSearch === DEFAULT_EF_SEARCH);
  return {
    description: run.dataset.description,
    database: run.dataset.database,
    seed: run.seed,
    embedding: run.dataset.embedding.map((report) => ({ ...report, textsPerSecond: report.textsPerSecond === null ? null : round(report.textsPerSecond, 1) })),
    chosenEfSearch: run.chosen.efSearch,
    recallAtChosenEfSearch: round(run.chosen.recallAt10, 4),
    recallAtDefaultEfSearch: atDefault ? { efSearch: DEFAULT_EF_SEARCH, recallAt10: round(atDefault.recallAt10, 4), meetsTarget: atDefault.recallAt10 >= RECALL_TARGET } : null,
    properties: {
      pcaTop32VarianceShare: round(run.pca32, 4),
      meanRandomPairCosine: round(run.randomPairCosine, 4),
      meanNearestNeighbourCosine: round(run.recall.meanNearestCosine, 4),
      meanTenthNeighbourCosine: round(run.recall.meanTenthCosine, 4),
      twoNnIntrinsicDimension: round(run.recall.twoNnIntrinsicDimension, 1),
    },
    recall: {
      queries: run.recall.queries,
      exactMeanMs: round(run.recall.exactMeanMs),
      points: run.recall.points.map((p) => ({ ...p, recallAt10: round(p.recallAt10, 4), meanMs: round(p.meanMs), p95Ms: round(p.p95Ms) })),
      filtered: { ...run.filtered, recallAt10: round(run.filtered.recallAt10, 4) },
    },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.scale) {
    TARGETS = SCALE_TARGETS;
    EF_VALUES = SCALE_EF_VALUES;
  }
  const loadAtStart = os.loadavg();
  const uptimeAtStart = uptime();
  const spec: DatasetSpec = { jobs: args.jobs, resumes: args.resumes, model: DEFAULT_VECTOR_MODEL };

  // 1. Datasets: the real model's vectors first (the HTTP load runs on the first one), then the synthetic ones.
  const datasets: BenchDataset[] = [];
  if (args.datasets.includes('real')) {
    const real = await realModelDataset(spec, args.realDatabase, args.queries, { quantized: args.realPrecision === 'int8', log });
    if (real) datasets.push(real.dataset);
  }
  if (args.datasets.includes('synthetic')) datasets.push(syntheticDataset(spec, args.database, args.queries));
  if (datasets.length === 0) throw new Error('no dataset to run (the real model is missing and --datasets excludes synthetic)');

  const runs: DatasetRun[] = [];
  let matcherResults: Awaited<ReturnType<typeof loadMatcher>> | null = null;
  try {
    for (const dataset of datasets) runs.push(await measureDataset(args, dataset));
    const primary = runs[0]!;
    const { store, resumeIds, chosen, recall, filtered, seed } = primary;
    if (args.authCompare) {
      await compareAccessControl(args, primary, { loadAtStart, uptimeAtStart });
      return;
    }

    // The database part of a recommendation, in-process: what HTTP and scoring add on top.
    const directRecommend = await closedLoop(
      (i) => store.nearestWithRows('job', { entity: 'resume', id: resumeIds[i % resumeIds.length]! }, 'candidate', { tenantId: DEFAULT_TENANT_ID, modelId: DEFAULT_MODEL_ID, limit: 30, efSearch: chosen.efSearch }),
      args.connections,
      8,
    );
    log(`VectorStore.nearestWithRows (candidate columns, limit 30, ${args.connections} concurrent): ${directRecommend.requestsPerSecond.toFixed(0)} /s, p95 ${directRecommend.p95Ms.toFixed(2)} ms`);

    // 2. HTTP load through the matcher, on the first dataset.
    if (args.http) matcherResults = await loadMatcher(args, primary.url, chosen.efSearch, resumeIds, primary.queries);

    // 3. Results.
    const recommendAtRate = matcherResults?.loads.find((load) => load.name === 'recommend-at-rate');
    const recommendMax = matcherResults?.loads.find((load) => load.name === 'recommend-saturation');
    const searchAtRate = matcherResults?.loads.find((load) => load.name === 'search-cached-at-rate');
    const summaries = Object.fromEntries(runs.map((run) => [run.dataset.name, datasetSummary(run)]));
    const postgresSettings = await postgresSearchSettings(primary.pool);
    const results = {
      dataset: primary.dataset.name,
      jobs: args.jobs,
      /** Size of the jobs' HNSW index (pg_relation_size) and the time to build both HNSW indexes. */
      indexSizeMb: seed.indexSizeMb,
      buildSeconds: round(seed.indexBuildSeconds, 1),
      loadRowsPerSecond: seed.loadRowsPerSecond,
      recommendP95Ms: recommendAtRate ? round(recommendAtRate.p95Ms) : null,
      recommendRps: recommendMax ? round(recommendMax.requestsPerSecond, 0) : null,
      recallAt10: round(chosen.recallAt10, 4),
      efSearch: chosen.efSearch,
      searchCachedP95Ms: searchAtRate ? round(searchAtRate.p95Ms) : null,
      matcherPeakRssMb: matcherResults ? round(matcherResults.peakRssMb, 1) : null,
      targets: { ...TARGETS, recallAt10: RECALL_TARGET },
      meaning: {
        dataset: 'the dataset of the top-level figures and of the HTTP load; `datasets` holds recall and properties of every dataset run',
        recommendP95Ms: `p95 of GET /api/v1/resumes/:id/recommendations?limit=10 at a steady ${args.rate} req/s (open loop, evenly spaced arrivals, latency from each request's due time)`,
        recommendRps: `requests/s of the same endpoint in a closed loop with ${args.connections} connections (saturation)`,
        searchCachedP95Ms: `p95 of POST /api/v1/search (target jobs, limit 10, query embedding cached in Redis) at a steady ${args.rate} req/s (open loop, as above)`,
        matcherPeakRssMb: 'max of VmRSS samples (100 ms) and VmHWM of the matcher process, start-up to end of load',
      },
      datasets: summaries,
      conditions: {
        timestamp: new Date().toISOString(),
        machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: round(os.totalmem() / 2 ** 30, 1), platform: `${os.platform()} ${os.release()}`, node: process.version },
        loadAverageAtStart: loadAtStart.map((value) => round(value)),
        loadAverageAtEnd: os.loadavg().map((value) => round(value)),
        uptimeAtStart,
        uptimeAtEnd: uptime(),
        sharedMachineNote: 'autocannon, Postgres, Redis and the matcher share the same cores; other work on the machine shows in the load averages',
        connections: args.connections,
        durationSeconds: args.durationSeconds,
        offeredRate: args.rate,
        dataset: { name: primary.dataset.name, jobs: args.jobs, resumes: args.resumes, dimension: 384, generator: spec.model, ...seed },
        hnsw: { m: 16, efConstruction: 64, efSearch: chosen.efSearch, iterativeScan: 'relaxed_order', vectorType: seed.vectorType },
        postgresSharedBuffersMb: primary.sharedBuffersMb,
        // Server-wide settings as the searches saw them; the build's own are per-session (SET).
        postgres: postgresSettings,
        indexBuild: seed.indexBuildSettings ? { ...seed.indexBuildSettings, setPer: 'session (SET before CREATE INDEX)' } : 'unknown (an index built before the settings were recorded)',
      },
      datasetProperties: {
        ...summaries[primary.dataset.name]!.properties,
        // The same measurements on 100 000 uniform-noise unit vectors, computed once with this code.
        uniformNoiseReference: { pcaTop32VarianceShare: 0.131, twoNnIntrinsicDimension: 148, meanNearestNeighbourCosine: 0.223, meanTenthNeighbourCosine: 0.189, meanRandomPairCosine: 0 },
      },
      recall: { queries: recall.queries, exactMeanMs: round(recall.exactMeanMs), points: recall.points.map((p) => ({ ...p, recallAt10: round(p.recallAt10, 4), meanMs: round(p.meanMs), p95Ms: round(p.p95Ms) })), filtered: { ...filtered, recallAt10: round(filtered.recallAt10, 4) } },
      vectorStoreDirect: { call: 'nearestWithRows(job ← resume, candidate columns, limit 30 = the matcher candidate pool for a page of 10): the resume row, and its neighbours with the fields the scorer reads, in one round trip', concurrency: args.connections, ...mapRound(directRecommend) },
      http: matcherResults
        ? {
            efSearch: chosen.efSearch,
            matcherCommand: matcherStart().command,
            matcherStartRssMb: round(matcherResults.startRssMb, 1),
            rssSamples: matcherResults.rssSamples,
            loads: matcherResults.loads.map(mapRound),
          }
        : 'skipped (--skip-http)',
    };
    // A run of a subset of scenarios (--scenarios) is for comparisons: it leaves the committed results alone.
    const resultsFile = args.scenarios
      ? path.join(os.tmpdir(), 'search-bench-partial.json')
      : args.scale
        ? path.join(REPO_ROOT, `bench/results/search-${args.scale}.json`)
        : RESULTS_FILE;
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    printTable(results, runs, matcherResults?.loads ?? []);
    log(`wrote ${resultsFile}`);
    if (args.scale && !args.scenarios) {
      writeScaleReport(REPO_ROOT, args.scale, results, RESULTS_FILE);
      log(`updated the scale section of BENCHMARKS.md and bench/results/search-recall-latency.svg`);
    } else if (args.http && !args.scenarios) {
      writeBenchmarksSection(path.join(REPO_ROOT, 'BENCHMARKS.md'), results);
      log('updated the "Search and recommendations" section of BENCHMARKS.md');
    }
  } finally {
    for (const run of runs) await run.pool.end();
  }
}

/** The server settings that decide search and build speed, as this run's connections saw them. */
async function postgresSearchSettings(pool: ReturnType<typeof createPgPool>): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM pg_settings
      WHERE name = ANY($1::text[]) ORDER BY name`,
    [['shared_buffers', 'effective_cache_size', 'work_mem', 'max_parallel_workers_per_gather', 'max_parallel_maintenance_workers', 'max_worker_processes', 'maintenance_work_mem', 'jit', 'server_version']],
  );
  const { rows: vector } = await pool.query<{ extversion: string }>(`SELECT extversion FROM pg_extension WHERE extname = 'vector'`);
  return { ...Object.fromEntries(rows.map((row) => [row.name, row.setting])), pgvector: vector[0]?.extversion ?? 'missing' };
}

/** Recall@10 and latency of job search within one tenant, HNSW (iterative scan) against exact. */
async function tenantRecall(store: VectorStore, queries: Float32Array[], efSearch: number, tenantId: string) {
  let hits = 0;
  let full = 0;
  const times: number[] = [];
  for (const query of queries) {
    const exact = await store.nearest('job', query, { tenantId, modelId: DEFAULT_MODEL_ID, limit: 10, exact: true });
    const startedAt = performance.now();
    const approximate = await store.nearest('job', query, { tenantId, modelId: DEFAULT_MODEL_ID, limit: 10, efSearch });
    times.push(performance.now() - startedAt);
    const truth = new Set(exact.map((row) => row.id));
    hits += approximate.filter((row) => truth.has(row.id)).length;
    if (approximate.length === 10) full++;
  }
  times.sort((a, b) => a - b);
  return { recallAt10: round(hits / (queries.length * 10), 4), fullPages: round(full / queries.length, 3), meanMs: round(times.reduce((a, b) => a + b, 0) / times.length), p95Ms: round(percentileOf(times, 95)) };
}

const percentileOf = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

/**
 * --auth-compare (#14): what API keys, rate limits and tenants cost. (1) Recall and latency of
 * tenant-filtered vector search with the jobs spread over 2, 5 and 10 tenants (the dataset's
 * rows are moved back to the default tenant afterwards), against the same queries with every row
 * in one tenant. (2) The matcher over HTTP at the offered rate, AUTH_DISABLED (no key, no limit)
 * against API keys + Redis rate limits, alternating twice so drift on the shared machine shows.
 */
async function compareAccessControl(args: ReturnType<typeof parseArgs>, primary: DatasetRun, started: { loadAtStart: number[]; uptimeAtStart: string }): Promise<void> {
  const queries = primary.queries.slice(0, 50);
  const efSearch = primary.chosen.efSearch;
  const keys = new ApiKeyRepository(primary.pool);
  const tenantRuns: Array<{ tenants: number; tenant: string; shareOfJobs: number; recallAt10: number; fullPages: number; meanMs: number; p95Ms: number }> = [];
  log(`[tenants] one tenant (every row passes the filter), ef_search ${efSearch}, ${queries.length} queries…`);
  const single = await tenantRecall(primary.store, queries, efSearch, DEFAULT_TENANT_ID);
  tenantRuns.push({ tenants: 1, tenant: 'default', shareOfJobs: 1, ...single });
  log(`  recall@10 ${single.recallAt10}, full pages ${single.fullPages}, mean ${single.meanMs} ms, p95 ${single.p95Ms} ms`);
  try {
    for (const count of [2, 5, 10]) {
      const ids = [DEFAULT_TENANT_ID];
      for (let i = 2; i <= count; i++) ids.push((await keys.ensureTenant(`bench-tenant-${i}`)).id);
      // Rows spread evenly by a hash of their id; ANALYZE so the planner sees the new spread.
      await primary.pool.query(`UPDATE jobs SET tenant_id = ($1::uuid[])[1 + abs(hashtext(id::text)) % $2] WHERE tenant_id <> ($1::uuid[])[1 + abs(hashtext(id::text)) % $2]`, [ids, count]);
      await primary.pool.query('ANALYZE jobs');
      for (const [index, tenantId] of [[0, ids[0]!], [count - 1, ids[count - 1]!]] as const) {
        const { rows } = await primary.pool.query<{ share: number }>('SELECT avg((tenant_id = $1)::int)::float8 AS share FROM jobs', [tenantId]);
        const measured = await tenantRecall(primary.store, queries, efSearch, tenantId);
        tenantRuns.push({ tenants: count, tenant: index === 0 ? 'default' : `bench-tenant-${count}`, shareOfJobs: round(rows[0]!.share, 3), ...measured });
        log(`[tenants] ${count} tenants, ${index === 0 ? 'default' : `bench-tenant-${count}`} (${(rows[0]!.share * 100).toFixed(1)} % of jobs): recall@10 ${measured.recallAt10}, full pages ${measured.fullPages}, mean ${measured.meanMs} ms, p95 ${measured.p95Ms} ms`);
      }
    }
  } finally {
    await primary.pool.query(`UPDATE jobs SET tenant_id = $1 WHERE tenant_id <> $1`, [DEFAULT_TENANT_ID]);
    await primary.pool.query(`DELETE FROM tenants WHERE name LIKE 'bench-tenant-%'`);
    await primary.pool.query('ANALYZE jobs');
  }

  const scenarioArgs = { ...args, scenarios: args.scenarios ?? ['recommend-at-rate', 'search-cached-at-rate'] };
  const http: Array<{ round: number; access: AccessMode; loads: LoadResult[]; peakRssMb: number }> = [];
  if (args.http) {
    for (const round of [1, 2]) {
      for (const access of ['auth-disabled', 'keys'] as const) {
        log(`[http] round ${round}: ${access}`);
        const result = await loadMatcher(round === 1 && access === 'auth-disabled' ? scenarioArgs : { ...scenarioArgs, build: false }, primary.url, efSearch, primary.resumeIds, primary.queries, access);
        http.push({ round, access, loads: result.loads.map(mapRound), peakRssMb: round2(result.peakRssMb) });
      }
    }
  }
  const p95 = (access: AccessMode, scenario: string) => http.filter((run) => run.access === access).map((run) => run.loads.find((load) => load.name === scenario)?.p95Ms ?? NaN);
  const summary = Object.fromEntries(
    scenarioArgs.scenarios.map((scenario) => {
      const off = p95('auth-disabled', scenario);
      const on = p95('keys', scenario);
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
      return [scenario, { p95MsAuthDisabled: off, p95MsKeys: on, ratioOfMeans: round2(on.reduce((a, b) => a + b, 0) / off.reduce((a, b) => a + b, 0)), ratioOfLowerMedians: round2(median(on) / median(off)) }];
    }),
  );
  const results = {
    what: 'cost of API keys + rate limits (HTTP, same run, alternating) and of tenant filters (recall and latency of tenant-filtered HNSW search)',
    dataset: { name: primary.dataset.name, jobs: args.jobs, resumes: args.resumes },
    efSearch,
    tenantFilteredSearch: tenantRuns,
    http: { offeredRate: args.rate, durationSeconds: args.durationSeconds, runs: http, p95: summary },
    conditions: {
      timestamp: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      loadAverageAtStart: started.loadAtStart.map((value) => round2(value)),
      loadAverageAtEnd: os.loadavg().map((value) => round2(value)),
      uptimeAtStart: started.uptimeAtStart,
      uptimeAtEnd: uptime(),
      note: 'shared 2-core machine: the load generator, Postgres, Redis and the matcher share the cores with six other engineers\' work',
    },
  };
  const file = path.join(REPO_ROOT, 'bench/results/search-auth.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.table(tenantRuns);
  console.log(JSON.stringify(summary, null, 2));
  log(`wrote ${file}`);
}

const round2 = (value: number) => round(value, 2);

/** Postgres's buffer cache: whether the HNSW index fits in it decides how much CPU a search costs. */
async function postgresSharedBuffersMb(pool: ReturnType<typeof createPgPool>): Promise<number> {
  const { rows } = await pool.query<{ mb: number }>(`SELECT (setting::bigint * 8 / 1024)::int AS mb FROM pg_settings WHERE name = 'shared_buffers'`);
  return rows[0]!.mb;
}

function mapRound<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, typeof v === 'number' ? round(v) : v])) as T;
}

/**
 * The environment (MALLOC_ARENA_MAX=…) and node flags (--max-old-space-size=…) of apps/matcher's
 * `start` script, the way scripts/start-service.sh and the Dockerfile start it: the matcher is
 * measured as it runs in production. BENCH_MATCHER_NODE_OPTIONS="…" replaces the flags to try others,
 * and BENCH_MATCHER_ENV="NAME=value …" adds settings (e.g. DATABASE_POOL_SIZE=4).
 */
function matcherStart(): { env: Record<string, string>; flags: string[]; command: string } {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'apps/matcher/package.json'), 'utf8')) as { scripts: { start: string } };
  const tokens = manifest.scripts.start.split(/\s+/);
  const env = Object.fromEntries(tokens.filter((token) => /^[A-Z_]+=/.test(token)).map((token) => token.split('=', 2) as [string, string]));
  const override = process.env.BENCH_MATCHER_NODE_OPTIONS;
  const flags = override === undefined ? tokens.filter((token) => token.startsWith('--')) : override.split(/\s+/).filter(Boolean);
  const command = [...Object.entries(env).map(([name, value]) => `${name}=${value}`), 'node', ...flags, 'apps/matcher/dist/main.js'].join(' ');
  return { env, flags, command };
}

/** BENCH_MATCHER_ENV="NAME=value NAME2=value": more settings for the matcher, to compare configurations. */
function extraMatcherEnv(): Record<string, string> {
  const pairs = (process.env.BENCH_MATCHER_ENV ?? '').split(/\s+/).filter(Boolean);
  return Object.fromEntries(
    pairs.map((pair) => {
      const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
      if (!match) throw new Error(`BENCH_MATCHER_ENV: expected NAME=value, got "${pair}"`);
      return [match[1]!, match[2]!];
    }),
  );
}

/**
 * How the matcher is started: `keys` (the default, as deployed: every request carries an API key,
 * looked up and rate-limited) or `auth-disabled` (AUTH_DISABLED=true, limits off: the baseline of
 * --auth-compare). The tenant filter is in every statement either way.
 */
type AccessMode = 'keys' | 'auth-disabled';

async function loadMatcher(
  args: ReturnType<typeof parseArgs>,
  url: string,
  efSearch: number,
  resumeIds: string[],
  queries: Float32Array[],
  access: AccessMode = 'keys',
): Promise<{ loads: LoadResult[]; peakRssMb: number; startRssMb: number; rssSamples: number }> {
  if ((args.build || !existsSync(MATCHER_MAIN)) && access === 'keys') {
    log('building the matcher and its libraries (turbo, cached when unchanged)…');
    try {
      execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@jobmatch/matcher...', '--output-logs=errors-only'], {
        cwd: REPO_ROOT,
        stdio: 'inherit',
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
      });
    } catch (error) {
      if (!existsSync(MATCHER_MAIN)) throw error;
      log('build failed; using the existing apps/matcher/dist');
    }
  }

  // Cache the query embeddings exactly where the matcher looks first (contracts/query-cache).
  const redisPrefix = `jobmatch_bench_${process.pid}`;
  const redis = new Redis(args.redisUrl, { maxRetriesPerRequest: 2 });
  const queryTexts = queries.map((_, i) => `bench query ${i}: senior engineer with relevant skills`);
  const writes = redis.pipeline();
  queries.forEach((vector, i) => writes.set(queryEmbeddingCacheKey(redisPrefix, DEFAULT_MODEL_ID, queryTexts[i]!), encodeFloat32(vector), 'EX', 3600));
  await writes.exec();

  // The bench's key: admin, default tenant (where the dataset lives), a limit far above the load.
  const headers: Record<string, string> = {};
  if (access === 'keys') {
    const keyPool = createPgPool({ url, poolSize: 1 });
    try {
      const { token } = await new ApiKeyRepository(keyPool).create({ tenant: 'default', name: `bench:search ${process.pid}`, scopes: ['admin'], rateLimitPerMinute: 10_000_000 });
      headers.authorization = `Bearer ${token}`;
    } finally {
      await keyPool.end();
    }
  }

  const loads: LoadResult[] = [];
  let matcher: NodeProcess | null = null;
  let sampler: RssSampler | null = null;
  let startRssMb: number;
  try {
    const port = await freePort();
    const embedderRpcPort = await freePort(); // nothing listens: every search must be served from the cache
    const base = `http://127.0.0.1:${port}`;
    const start = matcherStart();
    log(`starting the matcher on :${port} (HNSW_EF_SEARCH=${efSearch}): ${start.command}`);
    matcher = await startNodeProcess({
      name: 'apps/matcher',
      script: MATCHER_MAIN,
      nodeFlags: start.flags,
      cwd: REPO_ROOT,
      readyUrl: `${base}/health`,
      env: {
        ...start.env,
        PATH: process.env.PATH,
        // --auth-compare runs both modes under one NODE_ENV (AUTH_DISABLED is refused in production).
        NODE_ENV: args.authCompare ? 'benchmark' : 'production',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        DATABASE_URL: url,
        REDIS_URL: args.redisUrl,
        REDIS_KEY_PREFIX: redisPrefix,
        EMBEDDER_HOST: '127.0.0.1',
        EMBEDDER_RPC_PORT: String(embedderRpcPort),
        HNSW_EF_SEARCH: String(efSearch),
        ...(access === 'auth-disabled' ? { AUTH_DISABLED: 'true', RATE_LIMIT_PER_MINUTE: '0' } : {}),
        ...extraMatcherEnv(),
      },
    });
    startRssMb = readRss(matcher.pid)?.rssMb ?? NaN;
    log(`matcher RSS after start-up: ${startRssMb.toFixed(0)} MB`);
    sampler = new RssSampler(matcher.pid);
    sampler.start(100);
    const recommend = (i: number) => ({ path: `/api/v1/resumes/${resumeIds[i % resumeIds.length]}/recommendations?limit=10` });
    const search = (i: number) => ({ path: '/api/v1/search', body: JSON.stringify({ query: queryTexts[i % queryTexts.length], target: 'jobs', limit: 10 }) });

    const probe = await fetch(`${base}${recommend(0).path}`, { headers });
    if (!probe.ok) throw new Error(`recommendations probe answered ${probe.status}: ${await probe.text()}`);
    const searchProbe = await fetch(`${base}/api/v1/search`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: search(0).body });
    if (!searchProbe.ok) throw new Error(`search probe answered ${searchProbe.status}: ${await searchProbe.text()}`);

    const common = { url: base, connections: args.connections, headers };
    log('warm-up (5 s each, not recorded)…');
    await runLoad({ ...common, name: 'warm-up', durationSeconds: 5, next: recommend });
    await runLoad({ ...common, name: 'warm-up', durationSeconds: 5, method: 'POST', next: search });

    // Saturation: a closed loop of `connections` (throughput, and latency when the server is the
    // bottleneck). At rate: open loop, evenly spaced arrivals, latency from each request's due time.
    const scenarios = [
      { name: 'recommend-saturation', method: 'GET' as const, next: recommend },
      { name: 'recommend-at-rate', method: 'GET' as const, next: recommend, rate: args.rate },
      { name: 'search-cached-saturation', method: 'POST' as const, next: search },
      { name: 'search-cached-at-rate', method: 'POST' as const, next: search, rate: args.rate },
    ];
    const unknown = (args.scenarios ?? []).filter((name) => !scenarios.some((scenario) => scenario.name === name));
    if (unknown.length > 0) throw new Error(`unknown --scenarios ${unknown.join(', ')}; known: ${scenarios.map((scenario) => scenario.name).join(', ')}`);
    for (const scenario of scenarios.filter((candidate) => !args.scenarios || args.scenarios.includes(candidate.name))) {
      log(`${scenario.name}: ${scenario.rate ? `open loop, ${scenario.rate} req/s` : `closed loop, ${args.connections} connections`}, ${args.durationSeconds} s…`);
      const cpuBefore = readCpuMs(matcher.pid);
      const postgresBefore = readProcessGroupCpu('postgres');
      const machineBefore = readMachineCpuMs();
      const result = scenario.rate
        ? await runOpenLoopInChild({ name: scenario.name, method: scenario.method, url: base, rate: scenario.rate, durationSeconds: args.durationSeconds, headers, requests: Array.from({ length: 2000 }, (_, i) => scenario.next(i)) })
        : await runLoad({ ...common, ...scenario, durationSeconds: args.durationSeconds });
      const cpuAfter = readCpuMs(matcher.pid);
      if (cpuBefore !== null && cpuAfter !== null && result.requests > 0) result.serverCpuMsPerRequest = (cpuAfter - cpuBefore) / result.requests;
      if (result.requests > 0) {
        result.postgresCpuMsPerRequest = processGroupCpuDelta(postgresBefore, readProcessGroupCpu('postgres')) / result.requests;
        result.machineCpuMsPerRequest = (readMachineCpuMs() - machineBefore) / result.requests;
      }
      result.serverPeakRssMb = sampler.peakMb;
      result.loadAverage1m = os.loadavg()[0];
      log(`  ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, non-2xx ${result.non2xx}, errors ${result.errors}; CPU ms/request: matcher ${result.serverCpuMsPerRequest?.toFixed(2)}, Postgres ${result.postgresCpuMsPerRequest?.toFixed(2)}, machine ${result.machineCpuMsPerRequest?.toFixed(2)}; RSS peak so far ${sampler.peakMb.toFixed(0)} MB`);
      loads.push(result);
    }
  } finally {
    sampler?.stop();
    await matcher?.stop();
    // Everything under this run's prefix: the cached queries and whatever the matcher created (queue metadata).
    await deleteKeys(redis, `${redisPrefix}:*`).catch(() => undefined);
    redis.disconnect();
  }
  const failed = loads.filter((load) => load.non2xx > 0 || load.errors > 0);
  if (failed.length > 0) log(`WARNING: non-2xx answers or errors in ${failed.map((load) => `${load.name} ${JSON.stringify(load.statusCodes)}`).join(', ')}`);
  return { loads, peakRssMb: sampler!.peakMb, startRssMb, rssSamples: sampler!.samples };
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

function printTable(
  results: { recommendP95Ms: number | null; recommendRps: number | null; recallAt10: number; efSearch: number; searchCachedP95Ms: number | null; matcherPeakRssMb: number | null },
  runs: DatasetRun[],
  loads: LoadResult[],
): void {
  const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'ok' : 'MISS');
  const rows = [
    ['recall@10 (chosen ef_search)', `${results.recallAt10} (ef ${results.efSearch})`, `≥ ${RECALL_TARGET}`, verdict(results.recallAt10 >= RECALL_TARGET)],
    ['recommend p95 @ offered rate', fmt(results.recommendP95Ms, ' ms'), `≤ ${TARGETS.recommendP95Ms} ms`, verdict(results.recommendP95Ms === null ? null : results.recommendP95Ms <= TARGETS.recommendP95Ms)],
    ['recommend req/s (saturation)', fmt(results.recommendRps, ''), `≥ ${TARGETS.recommendRps}`, verdict(results.recommendRps === null ? null : results.recommendRps >= TARGETS.recommendRps)],
    ['search (cached) p95 @ rate', fmt(results.searchCachedP95Ms, ' ms'), `≤ ${TARGETS.searchCachedP95Ms} ms`, verdict(results.searchCachedP95Ms === null ? null : results.searchCachedP95Ms <= TARGETS.searchCachedP95Ms)],
    ['matcher peak RSS', fmt(results.matcherPeakRssMb, ' MB'), `≤ ${TARGETS.matcherPeakRssMb} MB`, verdict(results.matcherPeakRssMb === null ? null : results.matcherPeakRssMb <= TARGETS.matcherPeakRssMb)],
  ];
  console.log(`\nSearch and recommendations (HTTP on the ${runs[0]!.dataset.name} dataset)`);
  console.table(rows.map(([metric, value, target, status]) => ({ metric, value, target, status })));
  console.table(
    EF_VALUES.map((efSearch) => ({
      ef_search: efSearch,
      ...Object.fromEntries(
        runs.flatMap((run) => {
          const point = run.recall.points.find((p) => p.efSearch === efSearch)!;
          return [[`${run.dataset.name} recall@10`, round(point.recallAt10, 4)], [`${run.dataset.name} mean ms`, round(point.meanMs)]];
        }),
      ),
    })),
  );
  if (loads.length) console.table(loads.map((l) => ({ scenario: l.name, 'req/s': round(l.requestsPerSecond, 0), 'p50 ms': round(l.p50Ms), 'p95 ms': round(l.p95Ms), 'p99 ms': round(l.p99Ms), non2xx: l.non2xx })));
}

function fmt(value: number | null, unit: string): string {
  return value === null ? 'n/a' : `${value}${unit}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
