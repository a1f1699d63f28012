import { getSkillTaxonomy } from '../src/taxonomy';
import { loadEvalSet } from './eval/evaluate';
import { prng } from './prng';

/**
 * A deterministic corpus for checking that extraction output does not change when the extractor's
 * internals do: the evaluation texts, a benchmark-like posting, reshuffled/re-cased mixes of the
 * evaluation texts with headings and cues, and "word salad" built from taxonomy terms, everyday
 * look-alikes ("go to", "R&D", "excellent"), qualifiers and punctuation.
 */

const HEADINGS = [
  'Requirements:',
  'Nice to have:',
  '## Bonus points',
  'WHAT YOU BRING',
  'About us',
  'Responsibilities',
  '- Preferred:',
  '**Must have**',
  'Benefits:',
  'Skills & experience',
  'Ideal candidate',
];
const CUES = [
  'must have',
  'a plus',
  'preferred',
  'not required',
  'is a bonus',
  'required',
  'nice-to-have',
  'at least',
  'would be great',
  'ideally',
  'you will need',
  'optional',
];
const LOOKALIKES = [
  'go to',
  'go ahead',
  'R&D',
  'excellent',
  'excel at',
  'swiftly',
  'rusty',
  'spring semester',
  'react quickly',
  'sous chef',
  'AWS D1.1',
  'vitamin C',
  'plan B',
  'less than',
  'a bash',
  'at the helm',
  'epic fail',
  'Express delivery',
  'unity of',
  'spark joy',
];
const GLUE = [
  'and',
  'or',
  'with',
  'in',
  'experience',
  'using',
  'we',
  'the',
  'team',
  'strong',
  'years',
  '5+',
  'but',
  'while',
  'however',
];
const PUNCT = [',', '.', ';', ' - ', '\n', '/', '(', ')', ':', '!', '?', '\n\n', ' — ', '+', '#', '&'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function recase(rand: () => number, word: string): string {
  const r = rand();
  if (r < 0.1) return word.toUpperCase();
  if (r < 0.2) return word.toLowerCase();
  if (r < 0.25) return word.replace(/ /g, '-');
  if (r < 0.28) return `${word}s`;
  if (r < 0.3) return `${word}3`;
  return word;
}

export interface CorpusText {
  id: string;
  text: string;
}

export function buildCorpus(): { documents: CorpusText[]; generated: CorpusText[] } {
  const evalDocs = [...loadEvalSet('postings'), ...loadEvalSet('resumes')];
  const documents: CorpusText[] = evalDocs.map((d) => ({ id: d.id, text: d.text }));
  documents.push({
    id: 'bench-posting',
    text: [
      'About the role: we are hiring a Senior Software Engineer to build our data platform. You will design distributed systems, own services end to end and go to production weekly with a small, friendly team.',
      'Requirements: 5+ years with Python or Go, strong SQL and PostgreSQL, Docker and Kubernetes in production, CI/CD with GitHub Actions, and experience with AWS (EC2, S3, Lambda). Excellent communication skills are a must.',
      'Nice to have: Kafka, Terraform, Apache Airflow, dbt, Snowflake, React and TypeScript for internal tools, machine learning basics, and familiarity with Prometheus and Grafana. C++ or Rust is a bonus.',
      'Benefits: competitive salary, equity, health insurance, a learning budget, and flexible hours. Our R&D group excels at shipping quickly; we move swiftly but carefully, and we celebrate every spring with a team offsite.',
    ].join('\n\n'),
  });

  const rand = prng(20261121);
  const generated: CorpusText[] = [];
  // Mixes of evaluation texts: shuffled lines, headings and cues inserted, re-cased.
  const lines = evalDocs.flatMap((d) => d.text.split('\n'));
  for (let k = 0; k < 200; k++) {
    const parts: string[] = [];
    const count = 3 + Math.floor(rand() * 12);
    for (let i = 0; i < count; i++) {
      const r = rand();
      if (r < 0.15) parts.push(pick(rand, HEADINGS));
      else if (r < 0.25) parts.push(`${pick(rand, lines)} ${pick(rand, CUES)}.`);
      else if (r < 0.3) parts.push(`${pick(rand, CUES)}: ${pick(rand, lines)}`);
      else parts.push(pick(rand, lines));
    }
    let text = parts.join(rand() < 0.2 ? ' ' : '\n');
    const r = rand();
    if (r < 0.1) text = text.toUpperCase();
    else if (r < 0.2) text = text.toLowerCase();
    else if (r < 0.25) text = text.replace(/ /g, '\u00a0').replace(/-/g, '\u2013');
    generated.push({ id: `mix-${k}`, text });
  }
  // Word salad over the whole taxonomy vocabulary.
  const terms = getSkillTaxonomy()
    .terms()
    .map((t) => t.text.replace(/^[?=]/, ''));
  for (let k = 0; k < 400; k++) {
    const tokens: string[] = [];
    const count = 20 + Math.floor(rand() * 100);
    for (let i = 0; i < count; i++) {
      const r = rand();
      let token: string;
      if (r < 0.35) token = recase(rand, pick(rand, terms));
      else if (r < 0.45) token = pick(rand, LOOKALIKES);
      else if (r < 0.55) token = pick(rand, CUES);
      else if (r < 0.6) token = pick(rand, HEADINGS);
      else if (r < 0.8) token = pick(rand, GLUE);
      else token = pick(rand, PUNCT);
      tokens.push(token);
    }
    let text = '';
    for (const token of tokens) text += rand() < 0.15 ? token : `${text ? ' ' : ''}${token}`;
    generated.push({ id: `salad-${k}`, text });
  }
  return { documents, generated };
}
