/**
 * Skills extraction benchmark: ms per 1000 words extracting from a ~2000-word posting,
 * plus the evaluation-set precision/recall. Writes bench/results/skills.json.
 * Run: pnpm bench:skills
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// Import the sources directly so the benchmark always measures the current code (no stale dist/).
import { extractSkills, getSkillTaxonomy } from '../../libs/skills/src';
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

function main(): void {
  const loadBefore = loadavg();
  const memBefore = process.memoryUsage();
  const t0 = performance.now();
  getSkillTaxonomy();
  extractSkills('warm up: Python');
  const compileMs = performance.now() - t0;
  const memAfter = process.memoryUsage();

  const text = buildPosting(2000);
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
  const p50 = samples[Math.floor(samples.length * 0.5)]!;
  const p95 = samples[Math.floor(samples.length * 0.95)]!;
  const perThousand = (ms: number) => Number(((ms * 1000) / words).toFixed(4));

  const postings = evaluate(loadEvalSet('postings'));
  const resumes = evaluate(loadEvalSet('resumes'));
  const all = evaluate([...loadEvalSet('postings'), ...loadEvalSet('resumes')]);
  const round = (x: number) => Number(x.toFixed(3));

  const result = {
    benchmark: 'skills-extraction',
    date: new Date().toISOString(),
    node: process.version,
    taxonomySkills: getSkillTaxonomy().all().length,
    compileMs: Number(compileMs.toFixed(1)),
    // Taxonomy + compiled extractor (no forced GC, so an upper bound): JS heap and typed arrays outside it.
    memoryAfterCompileMiB: {
      heapUsedDelta: mib(memAfter.heapUsed - memBefore.heapUsed),
      arrayBuffersDelta: mib(memAfter.arrayBuffers - memBefore.arrayBuffers),
      rss: mib(memAfter.rss),
    },
    // 1-minute load average on this shared 2-core machine, before and after the timed loop.
    loadAverage: { before: Number(loadBefore[0]!.toFixed(2)), after: Number(loadavg()[0]!.toFixed(2)), cpus: cpus().length },
    postingWords: words,
    postingChars: text.length,
    iterations,
    msPerCall: { min: Number(samples[0]!.toFixed(4)), mean: Number(mean.toFixed(4)), p50: Number(p50.toFixed(4)), p95: Number(p95.toFixed(4)) },
    msPer1000Words: { min: perThousand(samples[0]!), mean: perThousand(mean), p50: perThousand(p50), p95: perThousand(p95) },
    skillsFoundInPosting: extractSkills(text).length,
    evaluation: {
      postings: { documents: postings.documents, precision: round(postings.precision), recall: round(postings.recall), requirementAccuracy: round(postings.requirementAccuracy) },
      resumes: { documents: resumes.documents, precision: round(resumes.precision), recall: round(resumes.recall) },
      overall: { documents: all.documents, precision: round(all.precision), recall: round(all.recall), f1: round(all.f1), truePositives: all.truePositives, falsePositives: all.falsePositives, falseNegatives: all.falseNegatives },
    },
  };
  const outDir = join(__dirname, '..', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'skills.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

main();
