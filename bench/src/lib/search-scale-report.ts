import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeMarkedSection } from './benchmarks-md';
import type { RecallPoint } from './search-recall';

/**
 * The scale run's report (issue 16): the "One million jobs" section of BENCHMARKS.md (between its
 * own markers) and a dependency-free SVG of recall@10 against latency per ef_search, the scale run's
 * curve beside the 100 000-job curve of bench/results/search.json (synthetic dataset).
 */

/** `1m` for 1 000 000, `250k` for 250 000: the file and database suffix of a scale run. */
export function scaleLabel(jobs: number): string {
  if (jobs % 1_000_000 === 0) return `${jobs / 1_000_000}m`;
  if (jobs % 1_000 === 0) return `${jobs / 1_000}k`;
  return String(jobs);
}

interface ScaleResults {
  jobs: number;
  recallAt10: number;
  efSearch: number;
  recommendP95Ms: number | null;
  recommendRps: number | null;
  searchCachedP95Ms: number | null;
  matcherPeakRssMb: number | null;
  indexSizeMb: number;
  buildSeconds: number;
  loadRowsPerSecond: number | null;
  targets: { recommendP95Ms: number; recallAt10: number; indexSizeMb?: number };
  http: { loads: Array<{ name: string; requestsPerSecond: number; serverCpuMsPerRequest?: number; postgresCpuMsPerRequest?: number; machineCpuMsPerRequest?: number }> } | string;
  recall: { queries: number; exactMeanMs: number; points: RecallPoint[]; filtered: { recallAt10: number; fullPages: number; efSearch: number; filter: object } };
  conditions: {
    timestamp: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    offeredRate: number;
    durationSeconds: number;
    hnsw: { m: number; efConstruction: number; vectorType: string | null };
    postgres: Record<string, string>;
    indexBuild: unknown;
    dataset: { tableSizeMb: number; reused: boolean; loadSeconds: number | null; resumes: number };
  };
}

interface Curve {
  label: string;
  color: string;
  points: RecallPoint[];
}

const START = '<!-- search-scale:start -->';
const END = '<!-- search-scale:end -->';
const CHART_FILE = 'bench/results/search-recall-latency.svg';

/** The 100 000-job curve of the committed base run (its synthetic dataset), with when and how it was measured. */
function baseCurve(baseResultsFile: string): { curve: Curve; note: string } | null {
  if (!existsSync(baseResultsFile)) return null;
  const base = JSON.parse(readFileSync(baseResultsFile, 'utf8')) as {
    datasets?: Record<string, { recall: { points: RecallPoint[] } }>;
    conditions?: { timestamp?: string; hnsw?: { vectorType?: string } };
  };
  const points = base.datasets?.synthetic?.recall.points;
  if (!points) return null;
  const layout = base.conditions?.hnsw?.vectorType ?? 'vector';
  return {
    curve: { label: `100 000 jobs (${layout})`, color: '#1b9e77', points },
    note: `100 000-job curve: bench/results/search.json, synthetic dataset, run of ${base.conditions?.timestamp ?? 'unknown date'} (${layout} column)`,
  };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderRecallLatencySvg(curves: Curve[], footnote: string): string {
  const width = 640;
  const height = 400;
  const box = { left: 60, right: 20, top: 40, bottom: 70 };
  const all = curves.flatMap((curve) => curve.points);
  const maxMs = Math.max(1, ...all.map((point) => point.meanMs)) * 1.1;
  const minRecall = Math.min(0.9, ...all.map((point) => point.recallAt10)) - 0.01;
  const x = (ms: number) => box.left + (ms / maxMs) * (width - box.left - box.right);
  const y = (recall: number) => box.top + ((1 - recall) / (1 - minRecall)) * (height - box.top - box.bottom);
  const parts = [
    `<text x="${box.left}" y="22" font-size="14" font-weight="bold">recall@10 against mean search latency, per hnsw.ef_search (m=16, ef_construction=64)</text>`,
    `<line x1="${x(0)}" y1="${y(minRecall)}" x2="${x(maxMs)}" y2="${y(minRecall)}" stroke="#333"/>`,
    `<line x1="${x(0)}" y1="${y(minRecall)}" x2="${x(0)}" y2="${y(1)}" stroke="#333"/>`,
    `<line x1="${x(0)}" y1="${y(0.95)}" x2="${x(maxMs)}" y2="${y(0.95)}" stroke="#999" stroke-dasharray="4 3"/>`,
    `<text x="${x(maxMs) - 4}" y="${y(0.95) - 4}" font-size="10" text-anchor="end">target 0.95</text>`,
    `<text x="${(x(0) + x(maxMs)) / 2}" y="${height - box.bottom + 32}" font-size="11" text-anchor="middle">mean latency of one VectorStore.nearest call, sequential (ms)</text>`,
    `<text x="16" y="${(y(1) + y(minRecall)) / 2}" font-size="11" transform="rotate(-90 16 ${(y(1) + y(minRecall)) / 2})" text-anchor="middle">recall@10 vs exact search</text>`,
  ];
  for (let tick = 0; tick <= 5; tick++) {
    const ms = (maxMs * tick) / 5;
    parts.push(`<text x="${x(ms)}" y="${y(minRecall) + 15}" font-size="10" text-anchor="middle">${ms.toFixed(1)}</text>`);
    const recall = minRecall + ((1 - minRecall) * tick) / 5;
    parts.push(`<text x="${x(0) - 6}" y="${y(recall) + 3}" font-size="10" text-anchor="end">${recall.toFixed(3)}</text>`);
  }
  curves.forEach((curve, index) => {
    const sorted = [...curve.points].sort((a, b) => a.efSearch - b.efSearch);
    parts.push(`<polyline fill="none" stroke="${curve.color}" stroke-width="2" points="${sorted.map((p) => `${x(p.meanMs).toFixed(1)},${y(p.recallAt10).toFixed(1)}`).join(' ')}"/>`);
    for (const point of sorted) {
      parts.push(`<circle cx="${x(point.meanMs).toFixed(1)}" cy="${y(point.recallAt10).toFixed(1)}" r="3" fill="${curve.color}"/>`);
      parts.push(`<text x="${(x(point.meanMs) + 5).toFixed(1)}" y="${(y(point.recallAt10) + 12).toFixed(1)}" font-size="9" fill="${curve.color}">ef ${point.efSearch}</text>`);
    }
    const ly = height - 28 + index * 0; // one legend row
    const lx = box.left + index * 260;
    parts.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 25}" y2="${ly}" stroke="${curve.color}" stroke-width="3"/><text x="${lx + 32}" y="${ly + 4}" font-size="12">${escape(curve.label)}</text>`);
  });
  parts.push(`<text x="${width - 10}" y="${height - 6}" font-size="9" text-anchor="end">${escape(footnote)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${parts.join('\n')}\n</svg>\n`;
}

const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'met' : '**missed**');
const fmt = (value: number | null, unit = '') => (value === null ? 'n/a' : `${value}${unit}`);

/**
 * What a recommendation costs in CPU at saturation, and the throughput two dedicated cores would
 * bound it at: the reading of a latency measured while other work held the cores (an estimate, labelled).
 */
function cpuNote(results: ScaleResults): string[] {
  if (typeof results.http === 'string') return [];
  const saturation = results.http.loads.find((load) => load.name === 'recommend-saturation');
  if (!saturation?.serverCpuMsPerRequest || !saturation.postgresCpuMsPerRequest) return [];
  const perRequest = saturation.serverCpuMsPerRequest + saturation.postgresCpuMsPerRequest;
  return [
    `CPU per recommendation at saturation: matcher ${saturation.serverCpuMsPerRequest.toFixed(2)} ms + Postgres ${saturation.postgresCpuMsPerRequest.toFixed(2)} ms = ${perRequest.toFixed(2)} ms; ` +
      `the whole machine spent ${saturation.machineCpuMsPerRequest?.toFixed(1)} ms of CPU per request (everything else running). ` +
      `Two dedicated cores would bound recommendations at ≈ ${Math.round(2000 / perRequest)} req/s (estimate, not measured): an offered rate above the ${saturation.requestsPerSecond.toFixed(0)} req/s this box served queues up, which is what the open-loop p95 measures.`,
    '',
  ];
}

export function writeScaleReport(repoRoot: string, label: string, results: ScaleResults, baseResultsFile: string): void {
  const scaleCurve: Curve = { label: `${results.jobs.toLocaleString('en-US')} jobs (${results.conditions.hnsw.vectorType ?? 'vector'})`, color: '#d95f02', points: results.recall.points };
  const base = baseCurve(baseResultsFile);
  const footnote = `shared 2-core machine (load ${results.conditions.loadAverageAtStart.join(' / ')} at start); ${base ? 'base curve from search.json' : 'no base curve'}`;
  writeFileSync(path.join(repoRoot, CHART_FILE), renderRecallLatencySvg(base ? [base.curve, scaleCurve] : [scaleCurve], footnote));

  const c = results.conditions;
  const t = results.targets;
  const filtered = results.recall.filtered;
  const rows = [
    ['recall@10 (vs exact, chosen ef_search)', `${results.recallAt10} (ef ${results.efSearch})`, `≥ ${t.recallAt10}`, verdict(results.recallAt10 >= t.recallAt10)],
    [`recommendations p95 @ ${c.offeredRate} req/s (open loop, HTTP)`, fmt(results.recommendP95Ms, ' ms'), `≤ ${t.recommendP95Ms} ms`, verdict(results.recommendP95Ms === null ? null : results.recommendP95Ms <= t.recommendP95Ms)],
    ['jobs HNSW index size', `${results.indexSizeMb} MB`, t.indexSizeMb ? `≤ ${t.indexSizeMb} MB` : '', verdict(t.indexSizeMb ? results.indexSizeMb <= t.indexSizeMb : null)],
    [`filtered search (${JSON.stringify(filtered.filter)}, ≈ 10 %), ef ${filtered.efSearch}`, `recall@10 ${filtered.recallAt10}, full pages ${Math.round(filtered.fullPages * 100)} %`, 'full pages', verdict(filtered.fullPages === 1)],
    ['index build (jobs + resumes)', `${results.buildSeconds} s`, 'reported', ''],
    ['load (binary COPY)', results.loadRowsPerSecond === null ? 'n/a' : `${results.loadRowsPerSecond} rows/s`, 'reported', ''],
    ['recommendations at saturation (closed loop)', fmt(results.recommendRps, ' req/s'), '', ''],
    [`search p95 @ ${c.offeredRate} req/s (query embedding cached)`, fmt(results.searchCachedP95Ms, ' ms'), '', ''],
    ['matcher peak RSS', fmt(results.matcherPeakRssMb, ' MB'), '', ''],
  ];
  const efRows = [...results.recall.points]
    .sort((a, b) => a.efSearch - b.efSearch)
    .map((p) => `| ${p.efSearch} | ${p.recallAt10} | ${p.meanMs} | ${p.p95Ms} |`);
  const section = [
    START,
    `## ${results.jobs.toLocaleString('en-US')} jobs on one box (\`pnpm bench:search --jobs ${results.jobs}\`, bench/results/search-${label}.json)`,
    '',
    `Run of ${c.timestamp}; synthetic clustered vectors (bench/src/lib/search-vectors.ts: the real model cannot embed a million texts here in time), ${c.dataset.resumes} resumes; ` +
      `column type \`${c.hnsw.vectorType ?? 'vector(384)'}\`, HNSW m=${c.hnsw.m}, ef_construction=${c.hnsw.efConstruction}; ` +
      `**shared 2-core machine**: load average ${c.loadAverageAtStart.join(' / ')} at start, ${c.loadAverageAtEnd.join(' / ')} at end (other engineers' builds and tests), so latencies are upper bounds of a quiet box.`,
    '',
    '| metric | value | target | |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    ...cpuNote(results),
    `Postgres: ${Object.entries(c.postgres).map(([name, value]) => `${name} ${value}`).join(', ')}; index build session settings ${JSON.stringify(c.indexBuild)}; jobs table with its indexes ${c.dataset.tableSizeMb} MB${c.dataset.reused ? ' (database reused from an earlier run of the same dataset; build and load figures are from that run)' : ''}.`,
    '',
    `Recall against latency per ef_search (${results.recall.queries} queries, exact search ${results.recall.exactMeanMs} ms each), chart: [${CHART_FILE}](${CHART_FILE})${base ? ` (${base.note})` : ''}:`,
    '',
    '| ef_search | recall@10 | mean ms | p95 ms |',
    '|---|---|---|---|',
    ...efRows,
    '',
    `![recall against latency](${CHART_FILE})`,
    END,
  ].join('\n');
  writeMarkedSection(path.join(repoRoot, 'BENCHMARKS.md'), START, END, section);
}
