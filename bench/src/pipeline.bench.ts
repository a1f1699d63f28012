/**
 * The data pipeline end to end (issue #13): 10 000 job postings imported from a JSON Lines file by
 * the CLI, then backfilled — file → Postgres → queue → embedder → vectors — on the real
 * all-MiniLM-L6-v2 (int8), against the raw embedder (its RPC, batches of 64) on the same texts in
 * the same run; and the resident memory of the three services together (embedder, matcher,
 * skill-gap, each started as deployed, with its child processes) under that load.
 *
 *   pnpm build && pnpm bench:pipeline
 *
 * The postings are generated here (bench/src/lib/job-posting-texts.ts), never committed. The raw
 * baseline embeds half of the texts before the pipeline and half after, so a machine that gets
 * busier or quieter during the run biases both sides alike. Writes bench/results/pipeline.json and
 * the "Data pipeline" section of BENCHMARKS.md. Environment: BENCH_PIPELINE_JOBS (10000),
 * BENCH_DATABASE_SERVER_URL, REDIS_URL, JOBMATCH_REAL_MODEL_DIR / MODEL_DIR, BENCH_QUEUE_CONCURRENCY
 * (the embedder's QUEUE_CONCURRENCY; default: the product's default).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { Client } from 'pg';
import { EmbedderRpc, jobEmbeddingText, type EmbedResponse } from '@jobmatch/contracts';
import { applyMigrations, createPgPool, MIGRATIONS_DIR } from '@jobmatch/db';
import { deleteRedisKeys, findRealModel, freePort, REAL_MODEL_ID, startNodeProcess, type NodeProcess } from '@jobmatch/testing';
import { writeMarkedSection } from './lib/benchmarks-md';
import { jobPostingTexts } from './lib/job-posting-texts';
import { productionStart } from './lib/production-start';

const ROOT = path.resolve(__dirname, '../..');
const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATABASE = 'jobmatch_bench_pipeline';
const JOB_COUNT = Number(process.env.BENCH_PIPELINE_JOBS ?? 10_000);
const RAW_BATCH = 64;
const TARGETS = { backfillVsRawRatio: 0.9, stackPeakRssMb: 512 };
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Posting {
  externalId: string;
  title: string;
  company: string;
  description: string;
}

/** Deterministic postings: the generator's first line is the title, the rest the description. */
function postings(count: number): Posting[] {
  return jobPostingTexts(count, 2026).map((text, index) => {
    const [first, ...rest] = text.split('\n');
    const title = first!.split(' — ')[0]!.slice(0, 200);
    return { externalId: `bench-${index}`, title, company: `Company ${index % 97}`, description: rest.join('\n') || first! };
  });
}

async function recreateDatabase(): Promise<string> {
  const server = new Client({ connectionString: SERVER_URL });
  await server.connect();
  try {
    await server.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await server.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await server.end();
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  const pool = createPgPool({ url: url.toString(), poolSize: 1 });
  try {
    await applyMigrations(pool, MIGRATIONS_DIR);
  } finally {
    await pool.end();
  }
  return url.toString();
}

/** RSS (MB) of a process and all its descendants (the matcher's parser processes, onnxruntime threads are in-process). */
function treeRssMb(pid: number): number {
  const status = (() => {
    try {
      return readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      return null;
    }
  })();
  if (!status) return 0;
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  let children: number[] = [];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    // the process just ended
  }
  return rss + children.reduce((sum, child) => sum + treeRssMb(child), 0);
}

/** RSS (MB) of the process alone. */
function ownRssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Samples the three services together (sum at the same instant) and each one's own peak. */
class StackRssSampler {
  private timer?: NodeJS.Timeout;
  peakTotalMb = 0;
  /** The same without child processes (the matcher's document parsers). */
  peakTotalOwnMb = 0;
  readonly peakByService: Record<string, number> = {};
  readonly peakOwnByService: Record<string, number> = {};
  samples = 0;

  constructor(private readonly services: Record<string, number>) {}

  start(everyMs = 200): void {
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  sample(): void {
    let total = 0;
    let totalOwn = 0;
    for (const [name, pid] of Object.entries(this.services)) {
      const mb = treeRssMb(pid);
      const own = ownRssMb(pid);
      total += mb;
      totalOwn += own;
      this.peakByService[name] = Math.max(this.peakByService[name] ?? 0, mb);
      this.peakOwnByService[name] = Math.max(this.peakOwnByService[name] ?? 0, own);
    }
    this.samples++;
    this.peakTotalMb = Math.max(this.peakTotalMb, total);
    this.peakTotalOwnMb = Math.max(this.peakTotalOwnMb, totalOwn);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

async function startService(app: 'embedder' | 'matcher' | 'skill-gap', env: Record<string, string>, readyPath: string): Promise<NodeProcess & { port: number }> {
  const start = productionStart(path.join(ROOT, 'apps', app));
  const port = await freePort();
  const child = await startNodeProcess({
    name: app,
    script: start.script,
    nodeFlags: start.nodeFlags,
    cwd: path.join(ROOT, 'apps', app),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...start.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    readyUrl: `http://127.0.0.1:${port}${readyPath}`,
    readyTimeoutMs: 180_000,
  });
  return Object.assign(child, { port });
}

/** The raw embedder: its RPC with batches of 64, two calls in flight (the model never waits for us). */
async function rawThroughput(client: ClientProxy, texts: string[]): Promise<{ texts: number; seconds: number }> {
  const started = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < texts.length) {
      const batch = texts.slice(next, next + RAW_BATCH);
      next += RAW_BATCH;
      const response = await firstValueFrom(client.send<EmbedResponse>(EmbedderRpc.Embed, { texts: batch, kind: 'passage' }));
      if (response.vectors.length !== batch.length) throw new Error('raw embedder returned the wrong number of vectors');
    }
  };
  await Promise.all([worker(), worker()]);
  return { texts: texts.length, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Runs the built CLI as an operator would (`pnpm cli …`), returning its --json summary. */
function cli(args: string[], env: Record<string, string>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'apps/cli/dist/main.js'), ...args, '--json'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>);
      } catch {
        reject(new Error(`cli ${args.join(' ')} exited ${code}: ${stdout}\n${stderr}`));
      }
    });
  });
}

/** A light steady request load on the two APIs while the pipeline runs (they are "under load" too). */
function backgroundLoad(matcherPort: number, skillGapPort: number): { stop(): Promise<{ requests: number; errors: number }> } {
  let running = true;
  let requests = 0;
  let errors = 0;
  const loop = async (request: () => Promise<Response>) => {
    while (running) {
      try {
        const response = await request();
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      requests++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const loops = [
    loop(() => fetch(`http://127.0.0.1:${matcherPort}/api/v1/jobs?limit=20`)),
    loop(() =>
      fetch(`http://127.0.0.1:${skillGapPort}/api/v1/skills/extract`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Senior backend engineer: Python, Django, PostgreSQL, Kubernetes and Terraform.' }),
      }),
    ),
  ];
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { requests, errors };
    },
  };
}

async function main(): Promise<void> {
  const { model, howToGetIt } = findRealModel();
  if (!model?.hasInt8) throw new Error(`The real int8 model is needed: ${howToGetIt}`);
  const databaseUrl = await recreateDatabase();
  const redisKeyPrefix = `bench-pipeline-${randomBytes(4).toString('hex')}`;
  const common = { DATABASE_URL: databaseUrl, REDIS_URL, REDIS_KEY_PREFIX: redisKeyPrefix, MODEL_ID: REAL_MODEL_ID };
  const rows = postings(JOB_COUNT);
  const texts = rows.map((row) => jobEmbeddingText({ title: row.title, description: row.description, requirements: '' }));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-pipeline-'));
  const file = path.join(dir, 'postings.jsonl');
  writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'));
  const fileMb = readFileSync(file).length / 1024 / 1024;

  const rpcPort = await freePort();
  const queueConcurrency = process.env.BENCH_QUEUE_CONCURRENCY;
  const embedder = await startService(
    'embedder',
    { ...common, MODEL_DIR: model.modelRoot, MODEL_QUANTIZED: 'true', EMBEDDER_RPC_PORT: String(rpcPort), ...(queueConcurrency ? { QUEUE_CONCURRENCY: queueConcurrency } : {}) },
    '/health/ready',
  );
  const matcher = await startService('matcher', { ...common, EMBEDDER_RPC_PORT: String(rpcPort) }, '/health');
  const skillGap = await startService('skill-gap', { DATABASE_URL: databaseUrl, MODEL_ID: REAL_MODEL_ID }, '/health');
  const client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: rpcPort } });
  await client.connect();
  const sampler = new StackRssSampler({ embedder: embedder.pid, matcher: matcher.pid, 'skill-gap': skillGap.pid });
  sampler.sample();
  const idle = { ...sampler.peakByService };
  sampler.start();
  try {
    const half = Math.floor(texts.length / 2);
    console.log(`raw embedder, first half (${half} texts)…`);
    const rawBefore = await rawThroughput(client, texts.slice(0, half));

    console.log(`pipeline: import ${JOB_COUNT} postings (${round(fileMb)} MB JSON Lines) and backfill…`);
    const load = backgroundLoad(matcher.port, skillGap.port);
    const started = process.hrtime.bigint();
    const imported = await cli(['import', 'jobs', '--file', file], common);
    const importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const backfill = await cli(['backfill', '--poll-ms', '500', '--stall-seconds', '300'], common);
    const pipelineSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const apiLoad = await load.stop();
    if (backfill.outcome !== 'completed') throw new Error(`backfill did not complete: ${JSON.stringify(backfill)}`);

    console.log(`raw embedder, second half (${texts.length - half} texts)…`);
    const rawAfter = await rawThroughput(client, texts.slice(half));
    sampler.stop();

    const rawTextsPerSecond = texts.length / (rawBefore.seconds + rawAfter.seconds);
    const pipelineTextsPerSecond = JOB_COUNT / pipelineSeconds;
    const result = {
      benchmark: 'pipeline',
      date: new Date().toISOString(),
      backfillVsRawRatio: round(pipelineTextsPerSecond / rawTextsPerSecond, 3),
      stackPeakRssMb: round(sampler.peakTotalMb, 0),
      targets: TARGETS,
      met: { backfillVsRawRatio: pipelineTextsPerSecond / rawTextsPerSecond >= TARGETS.backfillVsRawRatio, stackPeakRssMb: sampler.peakTotalMb < TARGETS.stackPeakRssMb },
      pipeline: {
        jobs: JOB_COUNT,
        fileMb: round(fileMb),
        importSeconds: round(importSeconds),
        endToEndSeconds: round(pipelineSeconds),
        textsPerSecond: round(pipelineTextsPerSecond),
        import: imported,
        backfill,
      },
      raw: {
        textsPerSecond: round(rawTextsPerSecond),
        batch: RAW_BATCH,
        callsInFlight: 2,
        before: { texts: rawBefore.texts, textsPerSecond: round(rawBefore.texts / rawBefore.seconds) },
        after: { texts: rawAfter.texts, textsPerSecond: round(rawAfter.texts / rawAfter.seconds) },
      },
      memory: {
        stackPeakRssMb: round(sampler.peakTotalMb, 0),
        peakRssMbByService: Object.fromEntries(Object.entries(sampler.peakByService).map(([name, mb]) => [name, round(mb, 0)])),
        stackPeakRssMbWithoutChildProcesses: round(sampler.peakTotalOwnMb, 0),
        peakOwnRssMbByService: Object.fromEntries(Object.entries(sampler.peakOwnByService).map(([name, mb]) => [name, round(mb, 0)])),
        idleRssMbByService: Object.fromEntries(Object.entries(idle).map(([name, mb]) => [name, round(mb, 0)])),
        samples: sampler.samples,
        how: 'VmRSS of each service process plus its descendants (the matcher’s document-parser processes), summed at the same instant every 200 ms; peak of the sum, start-up to the end of the run',
      },
      apiLoadDuringPipeline: { ...apiLoad, what: 'one closed loop each on GET /api/v1/jobs?limit=20 (matcher) and POST /api/v1/skills/extract (skill-gap), 50 ms pause between requests' },
      conditions: {
        model: `${REAL_MODEL_ID} (int8, onnx/model_quantized.onnx)`,
        queueConcurrency: queueConcurrency ? Number(queueConcurrency) : 'product default (QUEUE_CONCURRENCY=4)',
        machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${round(os.totalmem() / 1024 ** 3, 0)} GB, shared with six other engineers' builds and tests during the run (load average ${os.loadavg().map((x) => round(x)).join(' / ')} at the end)`,
        node: process.version,
      },
    };
    writeFileSync(path.join(ROOT, 'bench/results/pipeline.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeMarkedSection(path.join(ROOT, 'BENCHMARKS.md'), '<!-- pipeline:start -->', '<!-- pipeline:end -->', section(result));
    console.log(JSON.stringify({ backfillVsRawRatio: result.backfillVsRawRatio, stackPeakRssMb: result.stackPeakRssMb, pipeline: result.pipeline.textsPerSecond, raw: result.raw.textsPerSecond }));
  } finally {
    sampler.stop();
    await client.close();
    await Promise.all([embedder.stop(), matcher.stop(), skillGap.stop()]);
    await deleteRedisKeys(redisKeyPrefix, REDIS_URL).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

function section(result: {
  date: string;
  backfillVsRawRatio: number;
  stackPeakRssMb: number;
  met: { backfillVsRawRatio: boolean; stackPeakRssMb: boolean };
  pipeline: { jobs: number; fileMb: number; importSeconds: number; endToEndSeconds: number; textsPerSecond: number };
  raw: { textsPerSecond: number; before: { textsPerSecond: number }; after: { textsPerSecond: number } };
  memory: { peakRssMbByService: Record<string, number>; idleRssMbByService: Record<string, number>; stackPeakRssMbWithoutChildProcesses: number; peakOwnRssMbByService: Record<string, number> };
  apiLoadDuringPipeline: { requests: number; errors: number };
  conditions: { machine: string; queueConcurrency: number | string; node: string };
}): string {
  const verdict = (met: boolean) => (met ? 'met' : 'missed');
  const services = Object.keys(result.memory.peakRssMbByService);
  return [
    '<!-- pipeline:start -->',
    '## Data pipeline: import + backfill end to end (`pnpm bench:pipeline`)',
    '',
    `${result.date.slice(0, 10)}. ${result.pipeline.jobs} generated postings (${result.pipeline.fileMb} MB of JSON Lines, not committed) imported by \`cli import jobs\` and embedded through \`cli backfill\`: file → Postgres → queue → embedder → vectors, on the real all-MiniLM-L6-v2 int8. Baseline in the same run: the raw embedder (its RPC, batches of 64, two calls in flight) on the same texts, half before and half after the pipeline.`,
    '',
    '| figure | value | goal |',
    '| --- | --- | --- |',
    `| pipeline (import start → last vector) | ${result.pipeline.textsPerSecond} texts/s (${result.pipeline.endToEndSeconds} s; import alone ${result.pipeline.importSeconds} s) | |`,
    `| raw embedder | ${result.raw.textsPerSecond} texts/s (${result.raw.before.textsPerSecond} before, ${result.raw.after.textsPerSecond} after) | |`,
    `| **backfillVsRawRatio** | **${result.backfillVsRawRatio}** | ≥ 0.9: ${verdict(result.met.backfillVsRawRatio)} |`,
    `| **stackPeakRssMb** (embedder + matcher + skill-gap, with child processes, at the same instant) | **${result.stackPeakRssMb} MB** | < 512: ${verdict(result.met.stackPeakRssMb)} |`,
    `| peak per service (with child processes) | ${services.map((name) => `${name} ${result.memory.peakRssMbByService[name]} MB`).join(', ')} | |`,
    `| the three service processes alone (without the matcher's document-parser processes) | ${result.memory.stackPeakRssMbWithoutChildProcesses} MB (${services.map((name) => `${name} ${result.memory.peakOwnRssMbByService[name]} MB`).join(', ')}) | |`,
    `| API requests during the run | ${result.apiLoadDuringPipeline.requests} (${result.apiLoadDuringPipeline.errors} errors) | |`,
    '',
    `Conditions: ${result.conditions.machine}; embedder QUEUE_CONCURRENCY ${result.conditions.queueConcurrency}; Node ${result.conditions.node}. The services run with their package.json start flags. Each queue job embeds one text (the micro-batcher joins the jobs in flight), while the raw baseline sends 64 texts a call: the ratio is the price of the per-row path (load, hash check, write, job bookkeeping). Figures on this shared machine move by tens of percent between runs.`,
    '<!-- pipeline:end -->',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
