import { writeMarkedSection } from './benchmarks-md';
import type { LoadResult } from './search-load';
import type { RecallPoint } from './search-recall';
import type { VectorModelParams } from './search-vectors';

/**
 * Regenerates the "Search and recommendations" section of BENCHMARKS.md from a run's results,
 * between its own markers, leaving the other sections as they are.
 */

const START = '<!-- search:start -->';
const END = '<!-- search:end -->';

export interface DatasetSummary {
  description: string;
  database: string;
  seed: { reused: boolean; loadSeconds: number | null; indexBuildSeconds: number; indexBuiltAt: string; indexSizeMb: number; tableSizeMb: number };
  embedding: Array<{ file: string; texts: number; embeddedNow: number; textsPerSecond: number | null; quantized: boolean }>;
  chosenEfSearch: number;
  recallAtChosenEfSearch: number;
  recallAtDefaultEfSearch: { efSearch: number; recallAt10: number; meetsTarget: boolean } | null;
  properties: { pcaTop32VarianceShare: number; meanRandomPairCosine: number; meanNearestNeighbourCosine: number; meanTenthNeighbourCosine: number; twoNnIntrinsicDimension: number };
  recall: { queries: number; exactMeanMs: number; points: RecallPoint[]; filtered: { recallAt10: number; fullPages: number; efSearch: number } };
}

export interface SearchResults {
  dataset: string;
  datasets: Record<string, DatasetSummary>;
  recommendP95Ms: number | null;
  recommendRps: number | null;
  recallAt10: number;
  efSearch: number;
  searchCachedP95Ms: number | null;
  matcherPeakRssMb: number | null;
  targets: { recommendP95Ms: number; recommendRps: number; searchCachedP95Ms: number; matcherPeakRssMb: number; recallAt10: number };
  conditions: {
    timestamp: string;
    machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    uptimeAtStart?: string;
    connections: number;
    durationSeconds: number;
    offeredRate: number;
    postgresSharedBuffersMb: number;
    dataset: { jobs: number; resumes: number; generator: VectorModelParams; reused: boolean; loadSeconds: number | null; indexBuildSeconds: number; indexBuiltAt: string; indexSizeMb: number; tableSizeMb: number };
  };
  datasetProperties: {
    pcaTop32VarianceShare: number;
    meanRandomPairCosine: number;
    meanNearestNeighbourCosine: number;
    meanTenthNeighbourCosine: number;
    twoNnIntrinsicDimension: number;
  };
  recall: { queries: number; exactMeanMs: number; points: RecallPoint[]; filtered: { recallAt10: number; fullPages: number; efSearch: number } };
  vectorStoreDirect: { concurrency: number; requestsPerSecond: number; p50Ms: number; p95Ms: number };
  http: { matcherCommand: string; matcherStartRssMb: number; loads: LoadResult[] } | string;
}

const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? '**met**' : '**missed**');
const value = (v: number | null, unit: string) => (v === null ? 'n/a' : `${v}${unit}`);
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const round1 = (v: number) => Math.round(v * 10) / 10;

export function renderSection(r: SearchResults): string {
  const c = r.conditions;
  const names = Object.keys(r.datasets);
  const embeddedNow = (r.datasets.real?.embedding ?? []).filter((e) => e.embeddedNow > 0);
  const g = c.dataset.generator;
  const http = typeof r.http === 'string' ? null : r.http;
  const lines = [
    START,
    '## Search and recommendations',
    '',
    '`pnpm bench:search` (bench/src/search.bench.ts → bench/results/search.json; this section is rewritten by each run).',
    'Self-contained: creates and migrates its own databases (`jobmatch_bench_real`, `jobmatch_bench`; `BENCH_REAL_DATABASE`, `BENCH_DATABASE`) with the repository\'s migration runner, seeds them,',
    'measures recall through `VectorStore`, then starts the built matcher (apps/matcher/dist/main.js, built first with turbo, with the environment and node flags of its package.json `start` script)',
    'as a child process on that database and loads it over HTTP: throughput with autocannon (a closed loop of `--connections`), latency at the',
    'target rate with an open-loop generator (bench/src/lib/open-loop.ts, undici, in a process of its own) that sends evenly spaced requests',
    'and times each one from the moment it was due, so queueing anywhere counts (no coordinated omission). A seeded database is reused while the dataset fingerprint',
    '(generator version, parameters, counts) is unchanged; `--fresh` rebuilds it. Other flags: `--duration S` (per scenario, default 20),',
    '`--connections N` (default 8), `--rate R` (offered req/s, default 300), `--queries N` (default 200), `--jobs`, `--resumes`,',
    '`--no-build`, `--skip-http`, `--datasets real,synthetic` (default both; the HTTP load runs on the first), `--real-precision int8|fp32` (default int8, the file render.yaml deploys),',
    '`--model-dir DIR` (else MODEL_DIR, ./models, $HOME/.cache/jobmatch/models; without the real files the real dataset is skipped, never replaced by a generated model); `BENCH_MATCHER_NODE_OPTIONS="…"` replaces the node flags of the start script to try others, and',
    '`BENCH_MATCHER_ENV="NAME=value …"` adds settings (e.g. `DATABASE_POOL_SIZE=4`). For A/B runs:',
    '`--scenarios a,b` runs only those HTTP scenarios (results go to the temp directory, not to the files here) and `BENCH_MATCHER_MAIN=…/dist/main.js`',
    'loads another checkout\'s built matcher on the same dataset.',
    'On a quiet machine a full rerun takes about 4 minutes with a seeded database, about 6 from scratch.',
    '',
    '### Results',
    '',
    `Run ${c.timestamp}, HTTP load on the **${r.dataset}** dataset (below): ${c.machine.cpus} × ${c.machine.cpuModel}, ${c.machine.memoryGb} GB, Node ${c.machine.node}, PostgreSQL 15 + pgvector 0.8.`,
    `Load average (1/5/15 min) ${c.loadAverageAtStart.join(' / ')} at the start and ${c.loadAverageAtEnd.join(' / ')} at the end (\`uptime\`: ${c.uptimeAtStart ?? 'n/a'}) — the machine was`,
    `shared with other work; autocannon, Postgres, Redis and the matcher all run on the same ${c.machine.cpus} cores.`,
    '',
    '| Figure (key in search.json) | Measured | Target | |',
    '| --- | ---: | ---: | --- |',
    `| recall@10 vs exact search at the chosen \`ef_search\` (\`recallAt10\`, \`efSearch\`) | ${r.recallAt10} at ef_search = ${r.efSearch} | ≥ ${r.targets.recallAt10} | ${verdict(r.recallAt10 >= r.targets.recallAt10)} |`,
    `| GET /api/v1/resumes/:id/recommendations?limit=10, p95 at a steady ${c.offeredRate} req/s, open loop (\`recommendP95Ms\`) | ${value(r.recommendP95Ms, ' ms')} | ≤ ${r.targets.recommendP95Ms} ms | ${verdict(r.recommendP95Ms === null ? null : r.recommendP95Ms <= r.targets.recommendP95Ms)} |`,
    `| same endpoint, requests/s at saturation, ${c.connections} connections (\`recommendRps\`) | ${value(r.recommendRps, '')} | ≥ ${r.targets.recommendRps} | ${verdict(r.recommendRps === null ? null : r.recommendRps >= r.targets.recommendRps)} |`,
    `| POST /api/v1/search, cached query, p95 at a steady ${c.offeredRate} req/s, open loop (\`searchCachedP95Ms\`) | ${value(r.searchCachedP95Ms, ' ms')} | ≤ ${r.targets.searchCachedP95Ms} ms | ${verdict(r.searchCachedP95Ms === null ? null : r.searchCachedP95Ms <= r.targets.searchCachedP95Ms)} |`,
    `| matcher peak RSS, start-up to end of load (\`matcherPeakRssMb\`) | ${value(r.matcherPeakRssMb, ' MB')}${http ? ` (${http.matcherStartRssMb} MB after start-up)` : ''} | ≤ ${r.targets.matcherPeakRssMb} MB | ${verdict(r.matcherPeakRssMb === null ? null : r.matcherPeakRssMb <= r.targets.matcherPeakRssMb)} |`,
    '',
  ];
  if (http) {
    lines.push(
      `HTTP scenarios (${c.durationSeconds} s each after a 5 s warm-up per endpoint; p50/p95/p99 from every response time). Saturation: autocannon, closed loop of`,
      `${c.connections} connections. At rate: the open-loop generator (autocannon's own \`overallRate\` is not used: its limiter resets a per-connection counter`,
      'once a second, so each connection sends its share of the second back to back at full speed and then idles — the "p95 at 300 req/s" it reports is',
      'a p95 under saturation bursts). CPU columns: user + system CPU per answered request from /proc — the matcher process, all PostgreSQL processes,',
      `and the whole machine (every process and the kernel, both cores); matcher started as \`${http.matcherCommand}\`:`,
      '',
      '| Scenario | Load | Achieved req/s | p50 ms | p95 ms | p99 ms | CPU ms/req matcher / Postgres / machine | RSS peak so far MB | non-2xx + errors | load avg 1 min |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...http.loads.map(
        (l) =>
          `| ${l.name} | ${l.offeredRate === null ? `closed loop, ${l.connections} connections` : `open loop, ${l.offeredRate} req/s (peak ${l.loadGenerator?.maxInFlight ?? '?'} in flight)`} | ${Math.round(l.requestsPerSecond)} | ${l.p50Ms} | ${l.p95Ms} | ${l.p99Ms} | ${l.serverCpuMsPerRequest ?? 'n/a'} / ${l.postgresCpuMsPerRequest ?? 'n/a'} / ${l.machineCpuMsPerRequest ?? 'n/a'} | ${l.serverPeakRssMb ?? 'n/a'} | ${l.non2xx + l.errors} | ${l.loadAverage1m ?? 'n/a'} |`,
      ),
      '',
      'Memory flags (apps/matcher/package.json `start`): old generation capped at 96 MB, semi-spaces 8 MB, MALLOC_ARENA_MAX=2; and, for',
      'the GC pauses that set the tail, no allocation-site pretenuring and 60 % old-generation growth between full GCs (the notes below).',
      'Without flags V8 grows the heap lazily under load (peak RSS 250–390 MB in earlier runs while only 40–60 MB of heap was live).',
      'Peak RSS in paired 8 s recommendation runs on this machine: semi-spaces 4 MB ≈ 123 MB, 8 MB ≈ 131 MB, 16 MB ≈ 150 MB; old-space',
      'cap 96 vs 128 MB made no difference to the peak. CPU per request differed by less than the noise of the shared machine (±30 %);',
      '8 MB semi-spaces are the middle ground (half the scavenges of 4 MB) with about 20 MB of margin under the 150 MB budget.',
      '',
      `Budget: ${c.machine.cpus} cores at ${c.offeredRate} req/s give ${round1((1000 * c.machine.cpus) / c.offeredRate)} ms of CPU per request for everything (matcher, Postgres, the load generator, the kernel).`,
      'The machine column shows how much of it a request uses; when it nears the budget, requests queue and the tail grows far faster than the median.',
      'The matcher is one event loop, so its own column against 1000 / rate ms shows how busy that single thread is.',
      '',
      'A recommendation costs the database four statements in one round trip on one connection — `BEGIN; SET LOCAL hnsw.ef_search …` (one simple query),',
      'the prepared resume-row read, the prepared search statement (the resume\'s stored vector read inside it as an InitPlan, the candidate fields in the',
      'same rows) and `COMMIT` — written together with node-postgres\' pipeline mode, corked into one socket write.',
      `Postgres ran with shared_buffers = ${c.postgresSharedBuffersMb} MB, which holds the ${c.dataset.indexSizeMb} MB job index (with the 128 MB default, buffer churn cost about a quarter of Postgres's CPU per search).`,
      '',
    );
  }
  lines.push(
    `The database part of a recommendation measured in-process (\`VectorStore.nearestWithRows\`: the resume row, and its neighbours with the fields the scorer reads, in one round trip; job ← resume, limit 30 — the matcher's candidate pool for a page of 10 — ef_search ${r.efSearch},`,
    `${r.vectorStoreDirect.concurrency} concurrent callers, no HTTP): ${Math.round(r.vectorStoreDirect.requestsPerSecond)} calls/s, p50 ${r.vectorStoreDirect.p50Ms} ms, p95 ${r.vectorStoreDirect.p95Ms} ms.`,
    '',
    '### Recall and the choice of ef_search',
    '',
    `Per dataset, ${r.recall.queries} query vectors drawn like the stored rows but not stored (real: generated resumes embedded by the model — a recommendation searches`,
    'jobs with a resume\'s vector; synthetic: draws from the generator). Ground truth: `VectorStore.nearest(…, { exact: true })` (index scans disabled).',
    'HNSW index: m = 16, ef_construction = 64 (the migration\'s), cosine. Mean and p95 ms per query, sequential:',
    '',
    `| ef_search | ${names.map((name) => `${name}: recall@10 | ms mean / p95`).join(' | ')} |`,
    `| ---: | ${names.map(() => '---: | ---:').join(' | ')} |`,
    ...r.recall.points.map((p) => `| ${p.efSearch} | ${names.map((name) => { const q = r.datasets[name]!.recall.points.find((point) => point.efSearch === p.efSearch)!; return `${q.recallAt10} | ${q.meanMs} / ${q.p95Ms}`; }).join(' | ')} |`),
    `| exact | ${names.map((name) => `1 | ${r.datasets[name]!.recall.exactMeanMs}`).join(' | ')} |`,
    '',
    ...names.map((name) => {
      const d = r.datasets[name]!;
      const atDefault = d.recallAtDefaultEfSearch;
      return `- **${name}**: the smallest ef_search with recall@10 ≥ ${r.targets.recallAt10} is **${d.chosenEfSearch}** (${d.recallAtChosenEfSearch})` +
        (atDefault ? `; the default \`HNSW_EF_SEARCH=${atDefault.efSearch}\` gives ${atDefault.recallAt10} (${atDefault.meetsTarget ? 'meets' : '**misses**'} the target)` : '') +
        `. Filtered search (seniority = lead, ≈ 10 % of jobs; pgvector iterative scan, relaxed order) at ef_search ${d.recall.filtered.efSearch}: recall@10 ${d.recall.filtered.recallAt10}, ${pct(d.recall.filtered.fullPages)} of queries got a full page of 10.`;
    }),
    '',
    `The HTTP load above ran on the **${r.dataset}** dataset with \`HNSW_EF_SEARCH=${r.efSearch}\`.`,
    '',
    '### Datasets',
    '',
    `${c.dataset.jobs.toLocaleString('en-US')} jobs and ${c.dataset.resumes.toLocaleString('en-US')} resumes each, 384-d, unit length, seeded (seed ${g.seed}), each in a database of its own.`,
    'Rows come from bench/src/lib/search-content.ts: 12 job domains × 24 topics (topic popularity Zipf(1)); each row\'s title, company, location,',
    'seniority, employment type, skills and text follow its topic (e.g. a nursing topic gives nursing titles and skills), so filters and the match scorer see consistent rows.',
    '',
    ...(r.datasets.real
      ? [
          `- **real** (\`${r.datasets.real.database}\`): ${r.datasets.real.description}. Every job's vector is the embedding of its own text`,
          '  (`jobEmbeddingText`: title, description, requirements — what the embedder embeds for a job), every resume\'s of its text; all 100 000 postings are distinct texts.',
          '  The vectors are cached outside git (`$HOME/.cache/jobmatch/bench/`, `BENCH_CACHE_DIR`), keyed by the model file and the texts, so only the first run pays for',
          `  the embedding: ${embeddedNow.length === 0 ? 'this run read every vector from the cache (the first run\'s embedding rate is in "Real model (2026-12-01)")' : `this run embedded ${embeddedNow.map((e) => `${e.embeddedNow} of ${e.texts} texts at ${e.textsPerSecond} texts/s`).join(', ')} (the rest came from the cache)`}.`,
        ]
      : []),
    ...(r.datasets.synthetic
      ? [
          `- **synthetic** (\`${r.datasets.synthetic.database}\`): seeded vectors with the structure of text embeddings (bench/src/lib/search-vectors.ts). In a ${g.latentDim}-d latent space, a domain centre (scale ${g.domainSpread})`,
          `  plus a topic offset (scale ${g.topicSpread}) plus per-item anisotropic noise (σᵢ ∝ (i+1)^-0.6, total scale ${g.itemSpread}); projected to 384-d with a fixed random matrix with`,
          `  orthonormal columns, plus a shared direction (weight ${g.commonWeight}) and small isotropic 384-d noise (σ = ${g.isotropicNoise} per coordinate), then normalised.`,
        ]
      : []),
    '',
    'Measured properties (uniform noise: 100 000 Gaussian unit vectors, computed once with the same code and sample sizes):',
    '',
    `| Property | ${names.join(' | ')} | uniform noise |`,
    `| --- | ${names.map(() => '---:').join(' | ')} | ---: |`,
    `| variance held by the top 32 principal components (4 000 stored vectors) | ${names.map((name) => pct(r.datasets[name]!.properties.pcaTop32VarianceShare)).join(' | ')} | 13.1 % (8.3 % in the limit) |`,
    `| TwoNN intrinsic dimension (queries' first two neighbours) | ${names.map((name) => r.datasets[name]!.properties.twoNnIntrinsicDimension).join(' | ')} | 148 (TwoNN underestimates high dimensions) |`,
    `| mean cosine of a query's nearest job | ${names.map((name) => r.datasets[name]!.properties.meanNearestNeighbourCosine).join(' | ')} | 0.223 |`,
    `| mean cosine of its 10th nearest | ${names.map((name) => r.datasets[name]!.properties.meanTenthNeighbourCosine).join(' | ')} | 0.189 |`,
    `| mean cosine of two random stored jobs | ${names.map((name) => r.datasets[name]!.properties.meanRandomPairCosine).join(' | ')} | 0 |`,
    '',
    ...names.map((name) => {
      const seed = r.datasets[name]!.seed;
      return `Seeding ${name}${seed.reused ? ' (this run reused the database seeded earlier)' : ''}: bulk insert (multi-row \`INSERT … SELECT FROM unnest($1::uuid[], …)\`, 1 000 rows per statement, all bound parameters)` +
        `${seed.loadSeconds === null ? '' : ` ${Math.round(seed.loadSeconds)} s`}, HNSW indexes built after the load (maintenance_work_mem = 1 GB, 2 parallel workers) in **${Math.round(seed.indexBuildSeconds)} s** (built ${seed.indexBuiltAt}). Job index ${seed.indexSizeMb} MB; jobs table with indexes ${seed.tableSizeMb} MB.`;
    }),
    END,
  );
  return lines.join('\n');
}

export function writeBenchmarksSection(file: string, results: SearchResults): void {
  writeMarkedSection(file, START, END, renderSection(results));
}
