import { writeMarkedSection } from './benchmarks-md';

/**
 * Regenerates the "Match quality on the real model" section of BENCHMARKS.md from a run of
 * `pnpm bench:quality` (the JSON it writes), between its own markers.
 */
const START = '<!-- match-quality:start -->';
const END = '<!-- match-quality:end -->';

interface Measures {
  ndcgAt10: number;
  precisionAt5: number;
  fieldPrecisionAt10?: number;
}
interface Paired {
  meanDifference: number;
  wins: number;
  losses: number;
  ties: number;
  ci95: [number, number];
}
interface GridRow {
  semantic: number;
  skills: number;
  other: number;
  calibrated: boolean;
  lexical: number;
  lexicalRank: string;
  ndcgAt10: number;
  precisionAt5: number;
}

/** The parts of bench/results/match-quality.json the section shows. */
export interface QualityResults {
  ndcgAt10: Record<string, number>;
  precisionAt5: Record<string, number>;
  fieldPrecisionAt10: Record<string, number>;
  longTextDetail: Record<string, { ndcgAt10: number; precisionAt5: number; longResumesNdcgAt10: number; versusTruncateOnLongResumes: Paired; cost?: { textsPerSecond: number; longTextsPerSecond: number; modelInputsPerLongText: number; longTexts: number }; throughHttpQueue: { textsPerSecond: number } }>;
  longResumes: string[];
  bestLongText: string;
  weights: { product: { semantic: number; skills: number; other: number }; productCalibrated: boolean; best: GridRow; bestWithLexical: GridRow; default060: { raw: Measures; calibrated: Measures } };
  byOccupation: Record<string, Record<string, Measures>>;
  comparisons: Record<string, Paired | string>;
  occupationFactor?: {
    onetImported: boolean;
    pairsWithOccupation: number;
    pairs: number;
    closeness: { same: number; related: number; unrelated: number };
    with: Measures | null;
    without: Measures;
    withMinusWithout: Paired | null;
  };
  lexical: { only: Record<string, Measures>; bestBlend: GridRow; sameWeightsWithoutLexical: Measures; msPerResumeOverAllJobs: Record<string, number> };
  calibration: {
    fitted: { intercept: number; slope: number; fittedOn: string };
    product: { intercept: number; slope: number } | null;
    cosineByGrade: Record<string, { p10: number; p50: number; p90: number }>;
    calibratedByGrade: Record<string, { p10: number; p50: number; p90: number }>;
    scoreByGrade: { before: Record<string, { p10: number; p50: number; p90: number }>; now: Record<string, { p10: number; p50: number; p90: number }> };
    labels: { before: Record<string, Record<string, number>>; now: Record<string, Record<string, number>> };
    chart: string;
  };
  conditions: { timestamp: string; model: string; dataset: { postings: number; resumes: number; occupations: number; pairs: number }; seed: number; machine: { cpus: number; cpuModel: string; node: string }; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
}

const f3 = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(3));
const pct = (value: number) => `${Math.round(value * 100)} %`;
const paired = (p: Paired) => `${p.meanDifference >= 0 ? '+' : ''}${p.meanDifference.toFixed(3)} (${p.wins} better / ${p.losses} worse / ${p.ties} equal; 95 % CI ${p.ci95[0].toFixed(3)} … ${p.ci95[1].toFixed(3)})`;
const both = (m: Measures) => `${f3(m.ndcgAt10)} / ${m.precisionAt5.toFixed(2)}`;
const weightsText = (row: { semantic: number; skills: number; other: number }) => `${row.semantic} / ${row.skills} / ${row.other}`;

/** With and without the occupation closeness in the "other" factor, same run (O*NET imported). */
function occupationFactorLines(r: QualityResults): string[] {
  const o = r.occupationFactor;
  if (!o) return [];
  if (!o.with || !o.withMinusWithout) return ['Occupation factor: not measured (no O*NET release imported in this run).', ''];
  return [
    `**Occupation factor** (O*NET imported; occupation closeness in the "other" factor, same run and vectors): nDCG@10 **${f3(o.with.ndcgAt10)} with** it, **${f3(o.without.ndcgAt10)} without** ` +
      `(P@5 ${o.with.precisionAt5.toFixed(2)} / ${o.without.precisionAt5.toFixed(2)}); paired with − without ${paired(o.withMinusWithout)}. ` +
      `Occupations known on both sides for ${o.pairsWithOccupation} of ${o.pairs} pairs (same ${o.closeness.same}, related ${o.closeness.related}, unrelated ${o.closeness.unrelated}). ` +
      "Both rankings are the product's score recomputed from its own factors; 'without' drops occupation from the other factor's mean.",
    '',
  ];
}

export function renderQualitySection(r: QualityResults): string {
  const c = r.conditions;
  const bestLexicalOnly = Object.entries(r.lexical.only).reduce((best, entry) => (entry[1].ndcgAt10 > best[1].ndcgAt10 ? entry : best));
  const comparison = (name: string) => paired(r.comparisons[name] as Paired);
  const lines = [
    START,
    '## Match quality on the real model',
    '',
    `\`pnpm bench:quality\` (bench/src/quality.bench.ts → bench/results/match-quality.json, this section and ${r.calibration.chart}). ` +
      `Model: ${c.model}. Data: the project's labelled relevance set (bench/data/relevance: ${c.dataset.occupations} occupations, ${c.dataset.postings} postings, ${c.dataset.resumes} resumes, ${c.dataset.pairs} graded pairs; grade 2 same occupation, 1 adjacent occupation, 0 unrelated), ` +
      `loaded through the matcher's HTTP API into a fresh database per long-text strategy, with the real embedder behind it. Rankings are over all ${c.dataset.postings} jobs from each pair's explained match (POST /matching/calculate); "recommendations" is the top 10 of GET /resumes/:id/recommendations. ` +
      `Run ${c.timestamp} on ${c.machine.cpus} × ${c.machine.cpuModel}, Node ${c.machine.node}, load average ${c.loadAverageAtStart[0]} at the start and ${c.loadAverageAtEnd[0]} at the end (shared machine: speed figures are indicative, quality figures are not affected). Tie-break seed ${c.seed}.`,
    '',
    '### Ranking quality',
    '',
    '| ranking | nDCG@10 | P@5 (same occupation) | P@10 (same field) |',
    '| --- | ---: | ---: | ---: |',
    `| semantic only (raw cosine, ${r.bestLongText}) | ${f3(r.ndcgAt10.semantic)} | ${f3(r.precisionAt5.semantic)} | ${f3(r.fieldPrecisionAt10.semantic)} |`,
    `| skills only (skill coverage) | ${f3(r.ndcgAt10.skills)} | ${f3(r.precisionAt5.skills)} | ${f3(r.fieldPrecisionAt10.skills)} |`,
    `| **blended: the product's match score** (${weightsText(r.weights.product)}${r.weights.productCalibrated ? ', calibrated semantic factor' : ', raw cosine'}) | **${f3(r.ndcgAt10.blended)}** | **${f3(r.precisionAt5.blended)}** | ${f3(r.fieldPrecisionAt10.blended)} |`,
    `| the product's recommendations endpoint (top 10) | ${f3(r.ndcgAt10.blendedRecommendations)} | ${f3(r.precisionAt5.blendedRecommendations)} | ${f3(r.fieldPrecisionAt10.blendedRecommendations)} |`,
    `| TF-IDF baseline (computed in the bench) | ${f3(r.ndcgAt10.tfidf)} | ${f3(r.precisionAt5.tfidf)} | ${f3(r.fieldPrecisionAt10.tfidf)} |`,
    `| Postgres full-text rank alone (${bestLexicalOnly[0]}) | ${f3(bestLexicalOnly[1].ndcgAt10)} | ${f3(bestLexicalOnly[1].precisionAt5)} | ${f3(bestLexicalOnly[1].fieldPrecisionAt10)} |`,
    '',
    `Paired per resume (nDCG@10): product − TF-IDF ${comparison('productVersusTfidf')}; product − semantic ${comparison('productVersusSemantic')}; product − skills ${comparison('productVersusSkills')}; semantic − TF-IDF ${comparison('semanticVersusTfidf')}.`,
    '',
    ...occupationFactorLines(r),
    '| occupation (3 resumes each) | semantic | skills | blended | TF-IDF |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.entries(r.byOccupation).map(([occupation, m]) => `| ${occupation} | ${both(m.semantic!)} | ${both(m.skills!)} | ${both(m.blended!)} | ${both(m.tfidf!)} |`),
    '',
    '(nDCG@10 / P@5 per occupation.)',
    '',
    '### Long texts (EMBED_LONG_TEXT)',
    '',
    `${r.longResumes.length} of the ${c.dataset.resumes} resumes are longer than the 256-token window; the strategies differ only on them (and on the few long postings). Cost: the built ONNX pipeline in the bench process, fp32, 2 threads, fastest of 3 interleaved rounds.`,
    '',
    '| strategy | nDCG@10 (all resumes) | nDCG@10 (long resumes) | long resumes vs truncate (paired) | texts/s (whole set) | texts/s (long texts) | model inputs per long text |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: |',
    ...Object.entries(r.longTextDetail).map(
      ([strategy, d]) =>
        `| ${strategy}${strategy === r.bestLongText ? ' (best)' : ''} | ${f3(d.ndcgAt10)} | ${f3(d.longResumesNdcgAt10)} | ${strategy === 'truncate' ? '–' : paired(d.versusTruncateOnLongResumes)} | ${d.cost?.textsPerSecond ?? '–'} | ${d.cost?.longTextsPerSecond ?? '–'} | ${d.cost?.modelInputsPerLongText ?? '–'} |`,
    ),
    '',
    '### Weights and the lexical factor',
    '',
    'Grid over the semantic / skills split with "other" (location, seniority) fixed at 0.1 — the labels grade occupations, not places or levels, so this set cannot weigh them — for the raw cosine and the calibrated semantic factor; lexical = (1 − w) × match score + w × 100 × Postgres rank.',
    '',
    '| blend (semantic / skills / other) | nDCG@10 | P@5 |',
    '| --- | ---: | ---: |',
    `| 0.6 / 0.3 / 0.1, raw cosine (the old default) | ${f3(r.weights.default060.raw.ndcgAt10)} | ${f3(r.weights.default060.raw.precisionAt5)} |`,
    `| 0.6 / 0.3 / 0.1, calibrated | ${f3(r.weights.default060.calibrated.ndcgAt10)} | ${f3(r.weights.default060.calibrated.precisionAt5)} |`,
    `| best of the grid: ${weightsText(r.weights.best)}, ${r.weights.best.calibrated ? 'calibrated' : 'raw'} | ${f3(r.weights.best.ndcgAt10)} | ${f3(r.weights.best.precisionAt5)} |`,
    `| best with lexical: ${weightsText(r.weights.bestWithLexical)}, ${r.weights.bestWithLexical.calibrated ? 'calibrated' : 'raw'}, lexical ${r.weights.bestWithLexical.lexical} (${r.weights.bestWithLexical.lexicalRank}) | ${f3(r.weights.bestWithLexical.ndcgAt10)} | ${f3(r.weights.bestWithLexical.precisionAt5)} |`,
    `| the same without lexical | ${f3(r.lexical.sameWeightsWithoutLexical.ndcgAt10)} | ${f3(r.lexical.sameWeightsWithoutLexical.precisionAt5)} |`,
    '',
    `Paired: best grid blend − old default ${comparison('bestBlendVersusOldDefault')}; lexical − same weights without ${comparison('lexicalVersusSameWeightsWithout')}. ` +
      `Cost of the lexical rank (LexicalRanker, one resume against all ${c.dataset.postings} jobs, in this run): ${Object.entries(r.lexical.msPerResumeOverAllJobs).map(([name, ms]) => `${name} ${ms} ms`).join(', ')}.`,
    '',
    '### Calibration',
    '',
    `Fitted: semantic factor = 1 / (1 + e^−(${r.calibration.fitted.intercept} + ${r.calibration.fitted.slope} × cosine)) on ${r.calibration.fitted.fittedOn}. ` +
      (r.calibration.product ? `The product uses intercept ${r.calibration.product.intercept}, slope ${r.calibration.product.slope} (apps/matcher/src/matching/semantic-calibration.ts).` : 'The product ran without a calibration.'),
    '',
    '| pairs | cosine p10 / p50 / p90 | calibrated factor p10 / p50 / p90 | score before p10 / p50 / p90 | score now p10 / p50 / p90 |',
    '| --- | --- | --- | --- | --- |',
    ...['grade2', 'grade1', 'grade0'].map((grade) => {
      const q = (v: { p10: number; p50: number; p90: number }, digits = 2) => `${v.p10.toFixed(digits)} / ${v.p50.toFixed(digits)} / ${v.p90.toFixed(digits)}`;
      return `| ${grade === 'grade2' ? 'same occupation' : grade === 'grade1' ? 'near miss' : 'unrelated'} | ${q(r.calibration.cosineByGrade[grade]!)} | ${q(r.calibration.calibratedByGrade[grade]!)} | ${q(r.calibration.scoreByGrade.before[grade]!, 0)} | ${q(r.calibration.scoreByGrade.now[grade]!, 0)} |`;
    }),
    '',
    '| pairs | labels before (Strong / Good / Partial / Weak) | labels now |',
    '| --- | --- | --- |',
    ...['grade2', 'grade1', 'grade0'].map((grade) => {
      const shares = (table: Record<string, number>) => ['Strong match', 'Good match', 'Partial match', 'Weak match'].map((label) => pct(table[label]!)).join(' / ');
      return `| ${grade === 'grade2' ? 'same occupation' : grade === 'grade1' ? 'near miss' : 'unrelated'} | ${shares(r.calibration.labels.before[grade]!)} | ${shares(r.calibration.labels.now[grade]!)} |`;
    }),
    '',
    `![score distributions by grade, before and after calibration](${r.calibration.chart})`,
    END,
  ];
  return lines.join('\n');
}

export function writeQualitySection(file: string, results: QualityResults): void {
  writeMarkedSection(file, START, END, renderQualitySection(results));
}

/** The results as written to bench/results/match-quality.json: indented, the weight grid one row per line, last. */
export function qualityResultsJson(results: { grid: unknown[] } & Record<string, unknown>): string {
  const { grid, ...rest } = results;
  const body = JSON.stringify({ ...rest, grid: '__GRID__' }, null, 2);
  return `${body.replace('"__GRID__"', `[\n${grid.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`)}\n`;
}
