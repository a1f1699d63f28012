import { readFileSync } from 'node:fs';
import path from 'node:path';
import { uniformRandom } from '../../../libs/onnx-testkit/src/random';

/** The labelled relevance set in bench/data/relevance (format: bench/data/relevance/README.md). */
export interface RelevancePosting {
  id: string;
  occupation: string;
  title: string;
  company: string;
  location: string | null;
  seniority: string | null;
  employmentType: string | null;
  description: string;
  requirements: string;
}

export interface RelevanceResume {
  id: string;
  occupation: string;
  text: string;
}

export interface Occupation {
  id: string;
  name: string;
  field: string;
  adjacent: string[];
}

export interface RelevanceSet {
  postings: RelevancePosting[];
  resumes: RelevanceResume[];
  occupations: Occupation[];
  /** 2 = same occupation, 1 = adjacent occupation (near miss), 0 = unrelated. */
  grade(resume: RelevanceResume, posting: RelevancePosting): number;
  /** Same field (software, data, healthcare…): the coarser relevance of the TF-IDF figure. */
  sameField(resume: RelevanceResume, posting: RelevancePosting): boolean;
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);

export function loadRelevanceSet(folder: string): RelevanceSet {
  const postings = readJsonl<RelevancePosting>(path.join(folder, 'postings.jsonl'));
  const resumes = readJsonl<RelevanceResume>(path.join(folder, 'resumes.jsonl'));
  const { occupations } = JSON.parse(readFileSync(path.join(folder, 'occupations.json'), 'utf8')) as { occupations: Occupation[] };
  const byId = new Map(occupations.map((occupation) => [occupation.id, occupation]));
  for (const item of [...postings, ...resumes]) {
    if (!byId.has(item.occupation)) throw new Error(`${item.id}: unknown occupation ${item.occupation}`);
  }
  return {
    postings,
    resumes,
    occupations,
    sameField: (resume, posting) => byId.get(resume.occupation)!.field === byId.get(posting.occupation)!.field,
    grade: (resume, posting) => (resume.occupation === posting.occupation ? 2 : byId.get(resume.occupation)!.adjacent.includes(posting.occupation) ? 1 : 0),
  };
}

/** nDCG@k with gains 2^grade − 1, the ideal ranking taken over every labelled job. */
export function ndcgAtK(rankedGrades: number[], allGrades: number[], k: number): number {
  const dcg = (grades: number[]) => grades.slice(0, k).reduce((sum, grade, index) => sum + (2 ** grade - 1) / Math.log2(index + 2), 0);
  const ideal = dcg([...allGrades].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(rankedGrades) / ideal;
}

/** Share of the top k that are the same occupation (grade 2). */
export function precisionAtK(rankedGrades: number[], k: number): number {
  return rankedGrades.slice(0, k).filter((grade) => grade === 2).length / k;
}

/** Job indexes sorted by score, best first; ties keep a fixed order given by `tieBreak` (seeded). */
export function rankBy(scores: number[], tieBreak: number[]): number[] {
  return scores.map((_, index) => index).sort((a, b) => scores[b]! - scores[a]! || tieBreak[a]! - tieBreak[b]!);
}

/** A seeded PRNG (mulberry32, the testkit's): fixed tie-breaks and resamples across runs. */
export const seededRandom = uniformRandom;

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have i in is it its of on or our that the their this to we will with you your our us was were who what when which while also can all any into more most not other over such than then there these they those through up very'.split(' '),
);

/** Lower-cased word tokens without stop words (the TF-IDF baseline's analyzer). */
export function tfidfTokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]/g) ?? []).filter((token) => !STOP_WORDS.has(token));
}

/**
 * Plain TF-IDF (sublinear tf, smooth idf over the jobs and resumes together, L2-normalized) and the
 * cosine of every resume × job pair: the baseline the issue compares the product against.
 */
export function tfidfSimilarities(resumeTexts: string[], jobTexts: string[]): number[][] {
  const documents = [...resumeTexts, ...jobTexts].map(tfidfTokens);
  const documentFrequency = new Map<string, number>();
  for (const tokens of documents) for (const token of new Set(tokens)) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  const n = documents.length;
  const vectors = documents.map((tokens) => {
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    const vector = new Map<string, number>();
    let squares = 0;
    for (const [token, count] of counts) {
      const weight = (1 + Math.log(count)) * (Math.log((1 + n) / (1 + documentFrequency.get(token)!)) + 1);
      vector.set(token, weight);
      squares += weight * weight;
    }
    const length = Math.sqrt(squares) || 1;
    for (const [token, weight] of vector) vector.set(token, weight / length);
    return vector;
  });
  const resumes = vectors.slice(0, resumeTexts.length);
  const jobs = vectors.slice(resumeTexts.length);
  return resumes.map((resume) =>
    jobs.map((job) => {
      let dot = 0;
      for (const [token, weight] of resume) dot += weight * (job.get(token) ?? 0);
      return dot;
    }),
  );
}

/** Maximum-likelihood logistic fit p = 1 / (1 + e^−(a + b·x)) to soft targets in [0, 1] (Newton's method). */
export function fitLogistic(xs: number[], targets: number[]): { a: number; b: number } {
  let a = 0;
  let b = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    xs.forEach((x, index) => {
      const p = 1 / (1 + Math.exp(-(a + b * x)));
      const error = p - targets[index]!;
      const w = Math.max(p * (1 - p), 1e-9);
      ga += error;
      gb += error * x;
      haa += w;
      hab += w * x;
      hbb += w * x * x;
    });
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}

/** Paired comparison of per-resume values b − a: mean difference, wins/losses and a seeded bootstrap 95 % interval. */
export function pairedComparison(a: number[], b: number[], seed: number, resamples = 2000): { meanDifference: number; wins: number; losses: number; ties: number; ci95: [number, number] } {
  const differences = a.map((value, index) => b[index]! - value);
  const random = seededRandom(seed);
  const means: number[] = [];
  for (let sample = 0; sample < resamples; sample++) {
    let sum = 0;
    for (let i = 0; i < differences.length; i++) sum += differences[Math.floor(random() * differences.length)]!;
    means.push(sum / differences.length);
  }
  means.sort((x, y) => x - y);
  const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
  return {
    meanDifference: round4(differences.reduce((sum, value) => sum + value, 0) / differences.length),
    wins: differences.filter((value) => value > 1e-9).length,
    losses: differences.filter((value) => value < -1e-9).length,
    ties: differences.filter((value) => Math.abs(value) <= 1e-9).length,
    ci95: [round4(means[Math.floor(0.025 * resamples)]!), round4(means[Math.floor(0.975 * resamples)]!)],
  };
}
