import { DEFAULT_TENANT_ID } from '@jobmatch/contracts';
import type { VectorStore, JobFilters } from '@jobmatch/db';
import { twoNnIntrinsicDimension } from './search-vectors';

/**
 * Recall@k of the HNSW index against exact search, both through VectorStore (the same SQL the
 * services run): `exact: true` disables index scans, so Postgres computes every distance.
 */

export interface RecallPoint {
  efSearch: number;
  recallAt10: number;
  /** Mean latency of one VectorStore.nearest call, sequential (no concurrency). */
  meanMs: number;
  p95Ms: number;
}

export interface RecallReport {
  queries: number;
  exactMeanMs: number;
  points: RecallPoint[];
  /** Mean cosine similarity of each query's nearest stored job. */
  meanNearestCosine: number;
  /** Mean cosine similarity of each query's 10th nearest stored job. */
  meanTenthCosine: number;
  twoNnIntrinsicDimension: number;
}

export interface FilteredRecall {
  filter: JobFilters;
  efSearch: number;
  recallAt10: number;
  /** Share of queries that got the full 10 rows back (iterative scans). */
  fullPages: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

function overlap(truth: string[], found: string[]): number {
  const set = new Set(truth);
  return found.filter((id) => set.has(id)).length;
}

export async function measureRecall(
  store: VectorStore,
  modelId: string,
  queries: Float32Array[],
  efValues: number[],
  log: (message: string) => void,
): Promise<{ report: RecallReport; truth: string[][] }> {
  const k = 10;
  const truth: string[][] = [];
  const exactTimes: number[] = [];
  let nearestCosine = 0;
  let tenthCosine = 0;
  const twoNn: Array<{ r1: number; r2: number }> = [];
  for (const [i, query] of queries.entries()) {
    const { value, ms } = await timed(() => store.nearest('job', query, { tenantId: DEFAULT_TENANT_ID, modelId, limit: k, exact: true }));
    exactTimes.push(ms);
    truth.push(value.map((row) => row.id));
    nearestCosine += 1 - value[0]!.distance;
    tenthCosine += 1 - value[k - 1]!.distance;
    // Euclidean distance between unit vectors: √(2·cosine distance).
    twoNn.push({ r1: Math.sqrt(2 * value[0]!.distance), r2: Math.sqrt(2 * value[1]!.distance) });
    if (i % 50 === 49) log(`  exact ${i + 1}/${queries.length}`);
  }

  const points: RecallPoint[] = [];
  for (const efSearch of efValues) {
    let hits = 0;
    const times: number[] = [];
    for (const [i, query] of queries.entries()) {
      const { value, ms } = await timed(() => store.nearest('job', query, { tenantId: DEFAULT_TENANT_ID, modelId, limit: k, efSearch }));
      times.push(ms);
      hits += overlap(truth[i]!, value.map((row) => row.id));
    }
    times.sort((a, b) => a - b);
    const point = {
      efSearch,
      recallAt10: hits / (queries.length * k),
      meanMs: times.reduce((a, b) => a + b, 0) / times.length,
      p95Ms: percentile(times, 95),
    };
    log(`  ef_search=${efSearch}: recall@10 ${point.recallAt10.toFixed(4)}, mean ${point.meanMs.toFixed(2)} ms`);
    points.push(point);
  }

  return {
    truth,
    report: {
      queries: queries.length,
      exactMeanMs: exactTimes.reduce((a, b) => a + b, 0) / exactTimes.length,
      points,
      meanNearestCosine: nearestCosine / queries.length,
      meanTenthCosine: tenthCosine / queries.length,
      twoNnIntrinsicDimension: twoNnIntrinsicDimension(twoNn),
    },
  };
}

/** Recall of a filtered query (pgvector iterative scan) against the exact filtered answer, within one tenant. */
export async function measureFilteredRecall(
  store: VectorStore,
  modelId: string,
  queries: Float32Array[],
  filter: JobFilters,
  efSearch: number,
  tenantId: string = DEFAULT_TENANT_ID,
): Promise<FilteredRecall> {
  const k = 10;
  let hits = 0;
  let full = 0;
  for (const query of queries) {
    const exact = await store.nearest('job', query, { tenantId, modelId, limit: k, exact: true, filters: filter });
    const approx = await store.nearest('job', query, { tenantId, modelId, limit: k, efSearch, filters: filter });
    hits += overlap(exact.map((row) => row.id), approx.map((row) => row.id));
    if (approx.length === k) full++;
  }
  return { filter, efSearch, recallAt10: hits / (queries.length * k), fullPages: full / queries.length };
}

export function chooseEfSearch(points: RecallPoint[], target: number): RecallPoint | null {
  return [...points].sort((a, b) => a.efSearch - b.efSearch).find((point) => point.recallAt10 >= target) ?? null;
}
