import { extractSkills } from '../libs/skills/src';
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
for (let i = 0; i < 300; i++) extractSkills(text);
const N = Number(process.argv[2] ?? 3000);
const t = process.hrtime.bigint(); const c0 = process.cpuUsage();
for (let i = 0; i < N; i++) extractSkills(text);
const cu = process.cpuUsage(c0);
console.log('wall ms/call', Number(process.hrtime.bigint() - t) / 1e6 / N, 'cpu ms/call', (cu.user + cu.system) / 1000 / N);
