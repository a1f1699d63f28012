/**
 * Skill-gap API under load: memory (RSS ≤ 128 MB) and latency.
 *
 *   pnpm build && pnpm bench:skill-gap
 *
 * Seeds a dedicated database (jobs and resumes with clustered 384-d unit vectors and skills from
 * the taxonomy, stored through the real repositories and VectorStore), starts the built
 * apps/skill-gap as a child process, drives every endpoint with autocannon, samples the child's
 * RSS from /proc, and writes bench/results/skill-gap.json plus the "Skill-gap API" section of
 * BENCHMARKS.md. Environment: BENCH_DATABASE_SERVER_URL, BENCH_SKILL_GAP_JOBS (default 5000),
 * BENCH_SKILL_GAP_RESUMES (300), BENCH_DURATION_SECONDS (10 per scenario), BENCH_CONNECTIONS (20).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DEFAULT_TENANT_ID, sha256Hex } from '@jobmatch/contracts';
import { ApiKeyRepository, applyMigrations, createPgPool, JobRepository, MIGRATIONS_DIR, ResumeRepository, VectorStore } from '@jobmatch/db';
import { getSkillTaxonomy, type SkillCategory } from '@jobmatch/skills';
import { freePort, startNodeProcess } from '@jobmatch/testing';
import { benchOnetDataFile } from './lib/onet-data';
import { readRss, RssSampler, runLoad, type LoadResult } from './lib/search-load';

const ROOT = path.resolve(__dirname, '../..');
const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'jobmatch_bench_skill_gap';
const JOB_COUNT = Number(process.env.BENCH_SKILL_GAP_JOBS ?? 5000);
const RESUME_COUNT = Number(process.env.BENCH_SKILL_GAP_RESUMES ?? 300);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const RSS_LIMIT_MB = 128;
const MODEL_ID = 'sentence-transformers/all-MiniLM-L6-v2';
const DIMENSION = 384;
const TOPICS = 48;

/** Deterministic PRNG (mulberry32) so every run seeds the same data. */
function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gaussian = () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(count, copy.length));
  };
  return { next, gaussian, pick, sample };
}
type Rng = ReturnType<typeof rng>;

function normalize(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

/** Topic centres plus noise: rows of one topic are close, so recommendations are meaningful. */
function noisyVector(random: Rng, centre: number[], noise: number): number[] {
  return normalize(centre.map((value) => value + random.gaussian() * noise));
}

async function recreateDatabase(): Promise<string> {
  const server = new Client({ connectionString: SERVER_URL });
  await server.connect();
  try {
    await server.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await server.query(`CREATE DATABASE "${DATABASE}"`);
  } finally {
    await server.end();
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

interface Seeded {
  resumeIds: string[];
  jobTexts: string[];
  resumeTexts: string[];
}

async function seed(url: string): Promise<Seeded> {
  const pool = createPgPool({ url, poolSize: 8 });
  try {
    await applyMigrations(pool, MIGRATIONS_DIR);
    const jobs = new JobRepository(pool);
    const resumes = new ResumeRepository(pool);
    const vectors = new VectorStore(pool);
    const random = rng(20_240_521);

    // Each topic is one category of the taxonomy with a core set of skills.
    const byCategory = new Map<SkillCategory, string[]>();
    for (const skill of getSkillTaxonomy().all()) byCategory.set(skill.category, [...(byCategory.get(skill.category) ?? []), skill.name]);
    const categories = [...byCategory.keys()];
    const topics = Array.from({ length: TOPICS }, (_, topic) => {
      const category = categories[topic % categories.length]!;
      return {
        centre: normalize(Array.from({ length: DIMENSION }, () => random.gaussian())),
        skills: random.sample(byCategory.get(category)!, 14),
        category,
      };
    });

    const jobTexts: string[] = [];
    const inBatches = async (count: number, batch: number, make: (index: number) => Promise<void>) => {
      for (let start = 0; start < count; start += batch) {
        await Promise.all(Array.from({ length: Math.min(batch, count - start) }, (_, offset) => make(start + offset)));
      }
    };
    await inBatches(JOB_COUNT, 16, async () => {
      const topic = random.pick(topics);
      const chosen = random.sample(topic.skills, 7);
      const requiredSkills = chosen.slice(0, 4);
      const niceToHaveSkills = chosen.slice(4);
      const description = `We are hiring for our ${topic.category} team. You will work with ${requiredSkills.join(', ')} every day.`;
      const requirements = `Requirements: ${requiredSkills.join(', ')}. Nice to have: ${niceToHaveSkills.join(', ')}.`;
      if (jobTexts.length < 50) jobTexts.push(`${description}\n${requirements}`);
      const contentHash = sha256Hex(`${description}\n${requirements}\n${random.next()}`);
      const job = await jobs.create(DEFAULT_TENANT_ID, {
        title: `${topic.category} specialist`,
        company: `Company ${Math.floor(random.next() * 500)}`,
        description,
        requirements,
        skills: chosen,
        requiredSkills,
        niceToHaveSkills,
        contentHash,
      });
      await vectors.writeEmbedding('job', job.id, noisyVector(random, topic.centre, 0.08), MODEL_ID, contentHash);
    });

    const resumeIds: string[] = [];
    const resumeTexts: string[] = [];
    await inBatches(RESUME_COUNT, 16, async () => {
      const topic = random.pick(topics);
      const skills = random.sample(topic.skills, 6);
      const text = `Experienced professional. Skills: ${skills.join(', ')}. I enjoy learning new tools.`;
      if (resumeTexts.length < 50) resumeTexts.push(text);
      const contentHash = sha256Hex(`${text}\n${random.next()}`);
      const resume = await resumes.create(DEFAULT_TENANT_ID, { text, skills, profile: {}, contentHash });
      await vectors.writeEmbedding('resume', resume.id, noisyVector(random, topic.centre, 0.08), MODEL_ID, contentHash);
      resumeIds.push(resume.id);
    });
    await pool.query('ANALYZE jobs; ANALYZE resumes');
    return { resumeIds, jobTexts, resumeTexts };
  } finally {
    await pool.end();
  }
}

/** A ~2 000-word posting: the worst realistic case for extraction per request. */
function longPosting(base: string): string {
  const filler =
    'Our team values clear communication, careful reviews and shipping small changes often. You will collaborate with product and design, mentor colleagues and take part in planning. ';
  let text = base;
  while (text.split(/\s+/).length < 2000) text += `\n${filler}${base}`;
  return text;
}

const PREFIXES = ['k8s', 'py', 'java', 'react', 'postg', 'mach', 'fig', 'sal', 'nurs', 'weld', 'aws', 'sql', 'proj', 'excel', 'docker', 'ter'];

/** One decimal (MB, ms). */
function mb(value: number): number {
  return Math.round(value * 10) / 10;
}

function upsertBenchmarkSection(markdown: string): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- skill-gap-api:start -->';
  const end = '<!-- skill-gap-api:end -->';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(file, pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}\n`);
}

/**
 * The environment (MALLOC_ARENA_MAX=…) and node flags (--max-old-space-size=…) of apps/skill-gap's
 * `start` script: the server is measured exactly as it is started in production.
 */
function productionStart(): { env: Record<string, string>; flags: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'apps/skill-gap/package.json'), 'utf8')) as { scripts: { start: string } };
  const tokens = manifest.scripts.start.split(/\s+/);
  const env = Object.fromEntries(tokens.filter((token) => /^[A-Z_]+=/.test(token)).map((token) => token.split('=', 2) as [string, string]));
  const flags = tokens.filter((token) => token.startsWith('--'));
  const override = process.env.BENCH_SKILL_GAP_NODE_FLAGS;
  return { env, flags: override === undefined ? flags : override.split(/\s+/).filter(Boolean) };
}

/** Starts the built server with `extraEnv` and runs every scenario against it. */
/** An API key of the default tenant (where the seeded rows live) with a limit far above the load: the API runs as deployed, authenticated. */
async function benchApiKey(url: string): Promise<string> {
  const pool = createPgPool({ url, poolSize: 1 });
  try {
    const { token } = await new ApiKeyRepository(pool).create({ tenant: 'default', name: `bench:skill-gap ${process.pid}`, scopes: ['admin'], rateLimitPerMinute: 10_000_000 });
    return token;
  } finally {
    await pool.end();
  }
}

async function runVariant(script: string, url: string, seeded: Seeded, extraEnv: Record<string, string>) {
  const headers = { authorization: `Bearer ${await benchApiKey(url)}` };
  const { env: startEnv, flags: nodeFlags } = productionStart();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await startNodeProcess({
    name: 'apps/skill-gap',
    script,
    nodeFlags,
    cwd: ROOT,
    env: { ...process.env, ...startEnv, NODE_OPTIONS: '', NODE_ENV: 'production', PORT: String(port), DATABASE_URL: url, DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'warn', MODEL_ID, ...extraEnv },
    readyUrl: `${base}/health/ready`,
  });
  const startupRssMb = readRss(child.pid)?.rssMb ?? NaN;
  const overall = new RssSampler(child.pid);
  overall.start(50);

  const postings = seeded.jobTexts.map(longPosting);
  const fieldsText = otherFieldsText();
  const scenarios: { name: string; method: 'GET' | 'POST'; connections?: number; next: (index: number) => { path: string; body?: string } }[] = [
    {
      name: 'GET /resumes/:id/skill-gap?jobs=20',
      method: 'GET',
      next: (i) => ({ path: `/api/v1/resumes/${seeded.resumeIds[i % seeded.resumeIds.length]}/skill-gap?jobs=20` }),
    },
    {
      name: 'GET /resumes/:id/skill-gap?jobs=100',
      method: 'GET',
      next: (i) => ({ path: `/api/v1/resumes/${seeded.resumeIds[(i * 7) % seeded.resumeIds.length]}/skill-gap?jobs=100` }),
    },
    {
      name: 'POST /skill-gap (resume text × 2 000-word job text)',
      method: 'POST',
      next: (i) => ({
        path: '/api/v1/skill-gap',
        body: JSON.stringify({ resume: { text: seeded.resumeTexts[i % seeded.resumeTexts.length] }, job: { text: postings[i % postings.length] } }),
      }),
    },
    {
      name: 'POST /skills/extract (2 000 words)',
      method: 'POST',
      next: (i) => ({ path: '/api/v1/skills/extract', body: JSON.stringify({ text: postings[i % postings.length] }) }),
    },
    {
      name: 'POST /skills/extract (2 000 words, fields outside software, with title)',
      method: 'POST',
      next: (i) => ({ path: '/api/v1/skills/extract', body: JSON.stringify({ text: fieldsText, title: FIELD_TITLES[i % FIELD_TITLES.length] }) }),
    },
    {
      // The largest input validation allows: checks the heap limit holds for worst-case bodies.
      name: 'POST /skills/extract (100 000 chars, the maximum; 5 connections)',
      method: 'POST',
      connections: 5,
      next: (i) => ({ path: '/api/v1/skills/extract', body: JSON.stringify({ text: postings[i % postings.length]!.repeat(8).slice(0, 100_000) }) }),
    },
    { name: 'GET /skills?q=', method: 'GET', next: (i) => ({ path: `/api/v1/skills?q=${encodeURIComponent(PREFIXES[i % PREFIXES.length]!)}&limit=10` }) },
  ];

  const results: (LoadResult & { peakRssMb: number })[] = [];
  try {
    for (const scenario of scenarios) {
      const sampler = new RssSampler(child.pid);
      sampler.start(50);
      const result = await runLoad({ name: scenario.name, url: base, connections: scenario.connections ?? CONNECTIONS, durationSeconds: DURATION_SECONDS, method: scenario.method, next: scenario.next, headers });
      sampler.stop();
      results.push({ ...result, peakRssMb: mb(sampler.peakMb) });
      console.error(`${scenario.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${mb(result.p50Ms)} ms, p99 ${mb(result.p99Ms)} ms, non-2xx ${result.non2xx}, peak RSS ${mb(sampler.peakMb)} MB`);
    }
  } finally {
    overall.stop();
    await child.stop(10_000);
  }
  const peakRssMb = mb(overall.peakMb);
  return {
    server: { command: [...Object.entries(startEnv).map(([name, value]) => `${name}=${value}`), 'node', ...nodeFlags, 'apps/skill-gap/dist/main.js'].join(' ') },
    memory: { limitMb: RSS_LIMIT_MB, startupRssMb: mb(startupRssMb), peakRssMb, withinLimit: peakRssMb <= RSS_LIMIT_MB, method: 'max of VmRSS/VmHWM of the server process from /proc, sampled every 50 ms' },
    scenarios: results.map((result) => ({
      name: result.name,
      requests: result.requests,
      requestsPerSecond: Math.round(result.requestsPerSecond),
      latencyMs: { p50: mb(result.p50Ms), p95: mb(result.p95Ms), p99: mb(result.p99Ms), max: mb(result.maxMs) },
      non2xx: result.non2xx,
      errors: result.errors,
      statusCodes: result.statusCodes,
      peakRssMb: result.peakRssMb,
    })),
  };
}

const FIELD_TITLES = ['Registered Nurse', 'Warehouse Associate', 'Senior Accountant', 'Line Cook', 'Journeyman Electrician', 'Police Officer'];

/** The libs/skills new-fields evaluation texts (healthcare, trades, logistics, …) joined up to ~2 000 words. */
function otherFieldsText(): string {
  const texts = (JSON.parse(readFileSync(path.join(ROOT, 'libs/skills/test/eval/new-fields.json'), 'utf8')) as { text: string }[]).map((d) => d.text);
  const parts: string[] = [];
  for (let i = 0, words = 0; words < 2000; i++) {
    parts.push(texts[i % texts.length]!);
    words += texts[i % texts.length]!.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

async function main(): Promise<void> {
  const script = path.join(ROOT, 'apps/skill-gap/dist/main.js');
  if (!existsSync(script)) throw new Error('apps/skill-gap/dist/main.js is missing: run `pnpm build` first');

  console.error(`seeding ${JOB_COUNT} jobs and ${RESUME_COUNT} resumes into ${DATABASE}…`);
  const url = await recreateDatabase();
  const seeded = await seed(url);
  const onetFile = benchOnetDataFile(ROOT, 'bench-onet-data.json');
  if (!onetFile) console.error('no O*NET release (ONET_DATA_FILE or ../shared/data/onet-29.2): measuring the curated taxonomy only');

  // Same database, same scenarios: the curated taxonomy (baseline) first, then with O*NET imported.
  const variants: Record<string, Awaited<ReturnType<typeof runVariant>>> = {};
  console.error('variant: curated taxonomy');
  variants.curated = await runVariant(script, url, seeded, {});
  if (onetFile && process.env.BENCH_SKILL_GAP_CURATED_ONLY !== '1') {
    console.error(`variant: O*NET imported (${onetFile})`);
    variants.onet = await runVariant(script, url, seeded, { ONET_DATA_FILE: onetFile });
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, totalMemoryMb: Math.round(os.totalmem() / 2 ** 20), loadAverage1mAtEnd: Math.round(os.loadavg()[0]! * 100) / 100 },
    dataset: { jobs: JOB_COUNT, resumes: RESUME_COUNT, dimension: DIMENSION, modelId: MODEL_ID },
    load: { connections: CONNECTIONS, durationSecondsPerScenario: DURATION_SECONDS },
    variants,
  };
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/skill-gap.json'), `${JSON.stringify(report, null, 2)}\n`);

  const names = Object.keys(variants);
  const header = `| Scenario | ${names.map((n) => `${n}: req/s | p50 ms | p99 ms | peak RSS MB`).join(' | ')} |`;
  const align = `| --- | ${names.map(() => '---: | ---: | ---: | ---:').join(' | ')} |`;
  const rows = variants.curated!.scenarios
    .map((s, k) => `| ${s.name} | ${names.map((n) => { const v = variants[n]!.scenarios[k]!; return `${v.requestsPerSecond} | ${v.latencyMs.p50} | ${v.latencyMs.p99} | ${v.peakRssMb}${v.non2xx + v.errors > 0 ? ` (${v.non2xx + v.errors} failed)` : ''}`; }).join(' | ')} |`)
    .join('\n');
  const memoryLine = names
    .map((n) => `${n}: **${variants[n]!.memory.peakRssMb} MB** (${variants[n]!.memory.withinLimit ? 'within' : 'EXCEEDED'}; ${variants[n]!.memory.startupRssMb} MB after start-up)`)
    .join('; ');
  upsertBenchmarkSection(`
## Skill-gap API

\`pnpm build && pnpm bench:skill-gap\` (bench/src/skill-gap.bench.ts → bench/results/skill-gap.json). ${report.dataset.jobs} jobs and ${report.dataset.resumes} resumes with stored 384-d vectors in Postgres; the built server runs as a child process exactly as \`pnpm --filter @jobmatch/skill-gap start\` starts it (\`${variants.curated!.server.command}\`), first with the curated taxonomy (baseline), then with the O*NET 29.2 release imported (\`ONET_DATA_FILE\`, 8 000+ skills, 1 016 occupations), same database and scenarios; autocannon, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario; ${report.machine.cpus} cores (${report.machine.cpuModel}), Node ${report.machine.node}, run ${report.date.slice(0, 10)} on a machine shared with other work (1-min load average at the end: ${report.machine.loadAverage1mAtEnd}; latencies are only indicative when it exceeds the core count).

**Peak RSS under load** (limit ${RSS_LIMIT_MB} MB): ${memoryLine}. Measured as the max of VmRSS/VmHWM of the server process, sampled every 50 ms.

${header}
${align}
${rows}
`);
  console.log(JSON.stringify(Object.fromEntries(names.map((n) => [n, variants[n]!.memory]))));
  const failures = names.flatMap((n) => variants[n]!.scenarios.filter((s) => s.non2xx > 0 || s.errors > 0).map((s) => `${n}: ${s.name}`));
  if (failures.length > 0) throw new Error(`non-2xx or errors in: ${failures.join(', ')}`);
  if (names.some((n) => !variants[n]!.memory.withinLimit)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
