import { getSkillExtractor } from '../libs/skills/src';
import { resolveRequirementsFast } from '../libs/skills/src/requirement-scan';
const P = [
  'About the role: we are hiring a Senior Software Engineer to build our data platform. You will design distributed systems, own services end to end and go to production weekly with a small, friendly team.',
  'Requirements: 5+ years with Python or Go, strong SQL and PostgreSQL, Docker and Kubernetes in production, CI/CD with GitHub Actions, and experience with AWS (EC2, S3, Lambda). Excellent communication skills are a must.',
  'Nice to have: Kafka, Terraform, Apache Airflow, dbt, Snowflake, React and TypeScript for internal tools, machine learning basics, and familiarity with Prometheus and Grafana. C++ or Rust is a bonus.',
  'What you will do: collaborate with product managers, write design docs, review code, mentor engineers, improve observability, and take part in incident management. We value clean code, testing and pragmatic architecture.',
  'Benefits: competitive salary, equity, health insurance, a learning budget, and flexible hours. Our R&D group excels at shipping quickly; we move swiftly but carefully, and we celebrate every spring with a team offsite.',
];
const parts: string[] = []; let w = 0;
for (let i = 0; w < 2000; i++) { const p = P[i % 5]!; parts.push(p); w += p.split(/\s+/).length; }
const text = parts.join('\n\n');
const ex: any = getSkillExtractor();
const res = ex.extract(text);
const positions = res.flatMap((s: any) => s.evidence.map((e: any) => e.start)).sort((a: number, b: number) => a - b);
const norm = ex.norm; const ac = ex.automaton;
const { WORD_CHAR } = require('../libs/skills/src/char-tables');
const phases: [string, () => unknown][] = [
  ['extract', () => ex.extract(text)],
  ['load', () => norm.load(text)],
  ['scan', () => ac.scan(norm.codes, norm.length, WORD_CHAR)],
  ['requirements', () => resolveRequirementsFast(text, positions)],
];
console.log('mentions', positions.length, 'hits', ac.scan(norm.codes, norm.length, WORD_CHAR).count);
for (let r = 0; r < 2; r++) for (const [name, f] of phases) {
  for (let i = 0; i < 300; i++) f();
  const s: number[] = [];
  for (let i = 0; i < 2000; i++) { const t = process.hrtime.bigint(); f(); s.push(Number(process.hrtime.bigint() - t) / 1e6); }
  s.sort((a, b) => a - b);
  console.log(name.padEnd(14), 'p50', s[1000]!.toFixed(4), 'min', s[0]!.toFixed(4));
}
