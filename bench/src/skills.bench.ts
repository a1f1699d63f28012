/**
 * Skills extraction benchmark: ms per 1000 words extracting from a ~2000-word software posting and
 * a ~2000-word text from fields outside software, plus the evaluation sets' precision/recall, for
 * the curated taxonomy alone (baseline) and with the O*NET release imported, in the same run.
 * The release is read from ONET_DATA_FILE when set, else imported from ../shared/data/onet-29.2.
 * Writes bench/results/skills.json. Run: pnpm bench:skills
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// Import the sources directly so the benchmark always measures the current code (no stale dist/).
import { extractSkills, getSkillExtractor, getSkillTaxonomy, importOnet, readOnetDataset, useOnetDataset, type OnetDataset } from '../../libs/skills/src';
import { evaluate, loadEvalSet } from '../../libs/skills/test/eval/evaluate';

const PARAGRAPHS = [
  'About the role: we are hiring a Senior Software Engineer to build our data platform. You will design distributed systems, own services end to end and go to production weekly with a small, friendly team.',
  'Requirements: 5+ years with Python or Go, strong SQL and PostgreSQL, Docker and Kubernetes in production, CI/CD with GitHub Actions, and experience with AWS (EC2, S3, Lambda). Excellent communication skills are a must.',
  'Nice to have: Kafka, Terraform, Apache Airflow, dbt, Snowflake, React and TypeScript for internal tools, machine learning basics, and familiarity with Prometheus and Grafana. C++ or Rust is a bonus.',
  'What you will do: collaborate with product managers, write design docs, review code, mentor engineers, improve observability, and take part in incident management. We value clean code, testing and pragmatic architecture.',
  'Benefits: competitive salary, equity, health insurance, a learning budget, and flexible hours. Our R&D group excels at shipping quickly; we move swiftly but carefully, and we celebrate every spring with a team offsite.',
];

function buildPosting(targetWords: number): string {
  const parts: string[] = [];
  let words = 0;
  for (let i = 0; words < targetWords; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length]!;
    parts.push(p);
    words += p.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

const mib = (bytes: number) => Number((bytes / 1048576).toFixed(1));
const round = (x: number) => Number(x.toFixed(3));
const ONET_FOLDER = join(__dirname, '..', '..', '..', 'shared', 'data', 'onet-29.2');

/** The new-fields texts (healthcare, trades, logistics, …) joined up to ~2 000 words. */
function fieldsPosting(targetWords: number): string {
  const texts = loadEvalSet('new-fields').map((d) => d.text);
  const parts: string[] = [];
  let words = 0;
  for (let i = 0; words < targetWords; i++) {
    parts.push(texts[i % texts.length]!);
    words += texts[i % texts.length]!.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

function timePerThousandWords(text: string) {
  const words = text.split(/\s+/).filter(Boolean).length;
  for (let i = 0; i < 200; i++) extractSkills(text); // JIT warm-up
  const iterations = 2000;
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    extractSkills(text);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const at = (q: number) => samples[Math.floor(samples.length * q)]!;
  const perThousand = (ms: number) => Number(((ms * 1000) / words).toFixed(4));
  return {
    words,
    chars: text.length,
    iterations,
    msPerCall: { min: Number(samples[0]!.toFixed(4)), mean: Number(mean.toFixed(4)), p50: Number(at(0.5).toFixed(4)), p95: Number(at(0.95).toFixed(4)) },
    msPer1000Words: { min: perThousand(samples[0]!), mean: perThousand(mean), p50: perThousand(at(0.5)), p95: perThousand(at(0.95)) },
    skillsFound: extractSkills(text).length,
  };
}

function evaluation() {
  const summary = (r: ReturnType<typeof evaluate>) => ({
    documents: r.documents,
    precision: round(r.precision),
    recall: round(r.recall),
    truePositives: r.truePositives,
    falsePositives: r.falsePositives,
    falseNegatives: r.falseNegatives,
  });
  return {
    originalPostings: { ...summary(evaluate(loadEvalSet('postings'))), requirementAccuracy: round(evaluate(loadEvalSet('postings')).requirementAccuracy) },
    originalResumes: summary(evaluate(loadEvalSet('resumes'))),
    original: summary(evaluate([...loadEvalSet('postings'), ...loadEvalSet('resumes')])),
    newFields: summary(evaluate(loadEvalSet('new-fields'))),
    heldOut: summary(evaluate(loadEvalSet('held-out'))),
  };
}

/** Compiles the process's current taxonomy (after `install`) and measures it. */
function measure(install: () => void) {
  const memBefore = process.memoryUsage();
  const t0 = performance.now();
  install();
  getSkillTaxonomy();
  extractSkills('warm up: Python');
  const compileMs = performance.now() - t0;
  const memAfter = process.memoryUsage();
  return {
    taxonomySkills: getSkillTaxonomy().all().length,
    automatonMiB: mib(getSkillExtractor().automatonBytes()),
    compileMs: Number(compileMs.toFixed(1)),
    // Taxonomy + compiled extractor (no forced GC, so an upper bound): JS heap and typed arrays outside it.
    memoryAfterCompileMiB: { heapUsedDelta: mib(memAfter.heapUsed - memBefore.heapUsed), arrayBuffersDelta: mib(memAfter.arrayBuffers - memBefore.arrayBuffers), rss: mib(memAfter.rss) },
    softwarePosting: timePerThousandWords(buildPosting(2000)),
    otherFieldsPosting: timePerThousandWords(fieldsPosting(2000)),
    evaluation: evaluation(),
  };
}

function main(): void {
  const loadBefore = loadavg();
  const curated = measure(() => undefined);
  // The data file is read (or the release imported) before timing the install: the bench measures what a service does at start-up.
  let dataset: OnetDataset;
  if (process.env.ONET_DATA_FILE) dataset = readOnetDataset(process.env.ONET_DATA_FILE);
  else if (existsSync(ONET_FOLDER)) dataset = importOnet(ONET_FOLDER);
  else throw new Error(`no O*NET release: set ONET_DATA_FILE or provide ${ONET_FOLDER}`);
  const withOnet = measure(() => useOnetDataset(dataset));

  const result = {
    benchmark: 'skills-extraction',
    date: new Date().toISOString(),
    node: process.version,
    onetRelease: dataset.release,
    // 1-minute load average on this shared 2-core machine, before and after the timed loops.
    loadAverage: { before: Number(loadBefore[0]!.toFixed(2)), after: Number(loadavg()[0]!.toFixed(2)), cpus: cpus().length },
    curated,
    withOnet,
  };
  const outDir = join(__dirname, '..', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'skills.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

main();
