/**
 * Deterministic, realistic job-posting texts of varied length (a title line to a long posting),
 * so benchmark runs embed the same few hundred texts every time.
 */
import { uniformRandom } from '../../../libs/onnx-testkit/src/random';

const SENIORITY = ['Junior', 'Mid-level', 'Senior', 'Staff', 'Principal', 'Lead', ''];
const ROLES = [
  'Backend Engineer',
  'Frontend Developer',
  'Full-Stack Engineer',
  'Data Engineer',
  'Machine Learning Engineer',
  'DevOps Engineer',
  'Site Reliability Engineer',
  'Mobile Developer (iOS/Android)',
  'QA Automation Engineer',
  'Data Scientist',
  'Security Engineer',
  'Platform Engineer',
  'Engineering Manager',
  'Product Designer',
];
const STACKS = [
  'Node.js, TypeScript and NestJS',
  'C# and .NET 8',
  'C++17 on Linux',
  'Go and gRPC',
  'Python, Django and Celery',
  'Java 21 and Spring Boot',
  'Rust and Tokio',
  'React, Next.js and GraphQL',
  'Kotlin and Jetpack Compose',
  'Scala, Spark and Kafka',
  'Ruby on Rails',
  'PHP 8 and Symfony',
  'Swift and SwiftUI',
  'Vue.js 3 and Vite',
];
const COMPANIES = [
  'a fast-growing fintech in Berlin',
  'a B2B SaaS scale-up with customers in 40 countries',
  'a logistics platform moving 2M parcels a day',
  'a healthtech start-up (Series B)',
  'an e-commerce marketplace based in Paris',
  'a climate-tech company measuring emissions',
  'a remote-first developer tools company',
  'a public-sector digital agency',
  'a gaming studio in Montréal',
  'an insurance group modernising its core systems',
];
const RESPONSIBILITIES = [
  'Design, build and operate services that handle thousands of requests per second',
  'Own features end to end, from discovery with product managers to monitoring in production',
  'Write clean, tested code and review the code of your peers',
  'Improve our CI/CD pipelines (GitHub Actions, ArgoCD) and developer experience',
  'Model data in PostgreSQL and keep queries fast as tables grow past a billion rows',
  'Migrate legacy modules to a modular architecture without downtime',
  'Mentor junior engineers and run knowledge-sharing sessions',
  'Build event-driven integrations with Kafka and RabbitMQ',
  'Take part in a fair on-call rotation (one week in six, paid)',
  'Work with data scientists to ship models to production with proper monitoring',
  'Harden our infrastructure on AWS (EKS, RDS, S3) using Terraform',
  'Profile and optimise hot paths; we care about p99 latency',
  'Contribute to technical decisions through lightweight RFCs',
  'Build accessible, responsive user interfaces with a shared design system',
];
const REQUIREMENTS = [
  '3+ years of professional experience with {stack}',
  '5+ years building distributed systems',
  'Solid knowledge of SQL and relational modelling',
  'Experience with Docker and Kubernetes',
  'Good understanding of HTTP, REST and API design',
  'Familiarity with observability tools (Prometheus, Grafana, OpenTelemetry)',
  'Fluent English; French or German is a plus',
  'Experience with automated testing (unit, integration, end-to-end)',
  'A degree in computer science or equivalent experience',
  'Knowledge of security best practices (OWASP Top 10)',
  'Comfort with asynchronous, written communication',
  'Experience with cloud platforms (AWS, GCP or Azure)',
];
const NICE_TO_HAVE = [
  'Redis and caching strategies',
  'Elasticsearch or OpenSearch',
  'ML/NLP basics (embeddings, transformers)',
  'Open-source contributions',
  'Experience in a regulated industry',
  'Rust or Go',
];
const BENEFITS = [
  'Salary €60,000–€85,000 depending on experience, plus equity',
  '30 days of paid holidays',
  'Remote-friendly: work from anywhere in the EU (CET ±2h)',
  'Hybrid: 2 days a week in our office',
  '€1,500 yearly learning budget',
  'Private health insurance for you and your family',
  'Latest MacBook Pro or Linux laptop of your choice',
  '4-day work week during summer',
  'Parental leave of 16 weeks, fully paid',
];


export function jobPostingTexts(count: number, seed = 42): string[] {
  const next = uniformRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const some = <T>(list: T[], min: number, max: number) => {
    const shuffled = [...list].sort(() => next() - 0.5);
    return shuffled.slice(0, min + Math.floor(next() * (max - min + 1)));
  };
  const texts: string[] = [];
  for (let index = 0; index < count; index++) {
    const stack = pick(STACKS);
    const title = `${pick(SENIORITY)} ${pick(ROLES)} (${stack})`.trim();
    const size = next(); // length class: short ad, typical posting, long posting
    if (size < 0.15) {
      texts.push(`${title} — ${pick(COMPANIES)}. ${pick(BENEFITS)}.`);
      continue;
    }
    const long = size > 0.7;
    const parts = [
      title,
      `We are ${pick(COMPANIES)}, looking for a ${title.toLowerCase()} to join a team of ${3 + Math.floor(next() * 12)} engineers.`,
      'What you will do:',
      ...some(RESPONSIBILITIES, long ? 5 : 2, long ? 10 : 4).map((line) => `- ${line}.`),
      'What we are looking for:',
      ...some(REQUIREMENTS, long ? 5 : 2, long ? 9 : 4).map((line) => `- ${line.replace('{stack}', stack)}.`),
    ];
    if (long) parts.push('Nice to have:', ...some(NICE_TO_HAVE, 1, 4).map((line) => `- ${line}.`));
    parts.push('What we offer:', ...some(BENEFITS, long ? 3 : 1, long ? 7 : 3).map((line) => `- ${line}.`));
    texts.push(parts.join('\n'));
  }
  return texts;
}

/** Short search queries (for latency figures). */
export function searchQueries(count: number, seed = 7): string[] {
  const next = uniformRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, () => `${pick(SENIORITY)} ${pick(ROLES)} ${pick(STACKS)}`.trim());
}
