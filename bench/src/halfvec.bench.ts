/**
 * pnpm bench:halfvec [--rows 100000] [--queries 200] [--fresh]
 *
 * halfvec against vector for the HNSW index of issue #16, on the same synthetic embedding-like
 * vectors as bench:search (bench/src/lib/search-vectors.ts), in a database of its own
 * (BENCH_HALFVEC_DATABASE, default jobmatch_bench_halfvec):
 * - one table with each vector twice, as `vector(384)` and as `halfvec(384)`;
 * - an HNSW cosine index on each (m = 16, ef_construction = 64, the production parameters),
 *   built one after the other in the same run (build seconds, index MB, bytes per stored vector);
 * - recall@10 of each index at several ef_search values against the exact float32 ranking
 *   (sequential scan on the `vector` column), so the halfvec figure includes its rounding;
 *   mean latency of one query, sequential.
 * Writes bench/results/halfvec.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PoolClient } from 'pg';
import { createPgPool } from '@jobmatch/db';
import { databaseUrl, ensureDatabase } from './lib/search-database';
import { DEFAULT_VECTOR_MODEL, EmbeddingLikeGenerator, Rng, toPgVector } from './lib/search-vectors';

const REPO_ROOT = path.resolve(__dirname, '../..');
const RESULTS_FILE = path.join(REPO_ROOT, 'bench/results/halfvec.json');
const EF_SEARCH = [20, 40, 100];
const K = 10;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
  return value;
}

const log = (message: string) => console.log(`[halfvec-bench ${Math.round(process.uptime())} s] ${message}`);

async function main(): Promise<void> {
  const rows = argument('rows', 100_000);
  const queryCount = argument('queries', 200);
  const fresh = process.argv.includes('--fresh');
  const serverUrl = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = process.env.BENCH_HALFVEC_DATABASE ?? 'jobmatch_bench_halfvec';
  await ensureDatabase(serverUrl, database, fresh);
  const pool = createPgPool({ url: databaseUrl(serverUrl, database), poolSize: 1 });
  const client = await pool.connect();
  try {
    const generator = new EmbeddingLikeGenerator(DEFAULT_VECTOR_MODEL);
    const loaded = await client.query<{ count: string }>(`SELECT count(*) FROM pg_tables WHERE tablename = 'halfvec_bench'`);
    const present = Number(loaded.rows[0]!.count) > 0 && Number((await client.query<{ count: string }>('SELECT count(*) FROM halfvec_bench')).rows[0]!.count) === rows;
    if (!present) {
      log(`loading ${rows} vectors (each as vector(384) and halfvec(384))…`);
      await client.query('DROP TABLE IF EXISTS halfvec_bench');
      await client.query('CREATE TABLE halfvec_bench (id int PRIMARY KEY, v vector(384) NOT NULL, h halfvec(384) NOT NULL)');
      const rng = new Rng(DEFAULT_VECTOR_MODEL.seed + 1);
      for (let start = 0; start < rows; start += 2_000) {
        const batch = Array.from({ length: Math.min(2_000, rows - start) }, () => toPgVector(generator.sample(rng).vector));
        await client.query(
          `INSERT INTO halfvec_bench (id, v, h) SELECT $1::int + n - 1, t, t::halfvec(384) FROM unnest($2::vector[]) WITH ORDINALITY AS u(t, n)`,
          [start, batch],
        );
      }
      await client.query('VACUUM ANALYZE halfvec_bench');
    } else log(`reusing ${rows} loaded vectors`);

    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query('SET max_parallel_maintenance_workers = 2');
    const indexes = [
      { type: 'vector', column: 'v', ops: 'vector_cosine_ops', name: 'halfvec_bench_v_hnsw' },
      { type: 'halfvec', column: 'h', ops: 'halfvec_cosine_ops', name: 'halfvec_bench_h_hnsw' },
    ] as const;
    const built: Record<string, { buildSeconds: number; indexMb: number; bytesPerStoredVector: number }> = {};
    for (const index of indexes) {
      await client.query(`DROP INDEX IF EXISTS ${index.name}`);
      log(`building the ${index.type} HNSW index…`);
      const start = performance.now();
      await client.query(`CREATE INDEX ${index.name} ON halfvec_bench USING hnsw (${index.column} ${index.ops}) WITH (m = 16, ef_construction = 64)`);
      const buildSeconds = (performance.now() - start) / 1000;
      const size = await client.query<{ bytes: string; column_bytes: string }>(
        `SELECT pg_relation_size($1::regclass) AS bytes, (SELECT avg(pg_column_size(${index.column})) FROM halfvec_bench) AS column_bytes`,
        [index.name],
      );
      built[index.type] = {
        buildSeconds: round(buildSeconds, 1),
        indexMb: round(Number(size.rows[0]!.bytes) / 1048576, 1),
        bytesPerStoredVector: Math.round(Number(size.rows[0]!.column_bytes)),
      };
      log(`${index.type}: built in ${buildSeconds.toFixed(1)} s, ${built[index.type]!.indexMb} MB`);
    }

    const queryRng = new Rng(DEFAULT_VECTOR_MODEL.seed + 5);
    const queries = Array.from({ length: queryCount }, () => toPgVector(generator.sample(queryRng).vector));
    log(`exact float32 ranking of ${queryCount} queries…`);
    const exact: number[][] = [];
    await inTransaction(client, 'SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off', async () => {
      for (const query of queries) {
        const { rows: top } = await client.query<{ id: number }>(`SELECT id FROM halfvec_bench ORDER BY v <=> $1::vector(384) LIMIT ${K}`, [query]);
        exact.push(top.map((row) => row.id));
      }
    });

    const recall: Array<{ efSearch: number; vector: { recallAt10: number; meanMs: number }; halfvec: { recallAt10: number; meanMs: number } }> = [];
    for (const efSearch of EF_SEARCH) {
      const point = { efSearch } as (typeof recall)[number];
      for (const index of indexes) {
        let hits = 0;
        const sql = `SELECT id FROM halfvec_bench ORDER BY ${index.column} <=> $1::${index.type}(384) LIMIT ${K}`;
        const start = performance.now();
        await inTransaction(client, `SET LOCAL hnsw.ef_search = ${efSearch}; SET LOCAL enable_seqscan = off`, async () => {
          for (const [i, query] of queries.entries()) {
            const { rows: top } = await client.query<{ id: number }>(sql, [query]);
            hits += top.filter((row) => exact[i]!.includes(row.id)).length;
          }
        });
        point[index.type] = { recallAt10: round(hits / (queries.length * K), 4), meanMs: round((performance.now() - start) / queries.length, 2) };
      }
      recall.push(point);
      log(`ef_search ${efSearch}: recall@10 vector ${point.vector.recallAt10} (${point.vector.meanMs} ms), halfvec ${point.halfvec.recallAt10} (${point.halfvec.meanMs} ms)`);
    }
    const settings = await client.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'maintenance_work_mem', 'max_parallel_maintenance_workers', 'work_mem')`,
    );
    const results = {
      benchmark: 'halfvec vs vector HNSW index (issue #16)',
      ranAt: new Date().toISOString(),
      conditions: {
        rows,
        queries: queryCount,
        dimension: 384,
        vectors: 'synthetic embedding-like (bench/src/lib/search-vectors.ts, DEFAULT_VECTOR_MODEL), the same generator as bench:search',
        groundTruth: 'exact cosine ranking on the float32 vector column (sequential scan)',
        hnsw: { m: 16, efConstruction: 64 },
        postgres: Object.fromEntries(settings.rows.map((row) => [row.name, row.unit ? `${row.setting} ${row.unit}` : row.setting])),
        host: `${os.cpus().length} cores, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')} at the end — shared with six other engineers' builds and tests: build times and latencies are noisy, recall and sizes are not`,
      },
      indexes: built,
      ratios: {
        indexSize: round(built.halfvec!.indexMb / built.vector!.indexMb, 3),
        storedVectorBytes: round(built.halfvec!.bytesPerStoredVector / built.vector!.bytesPerStoredVector, 3),
        buildTime: round(built.halfvec!.buildSeconds / built.vector!.buildSeconds, 3),
      },
      recall,
    };
    if (!existsSync(path.dirname(RESULTS_FILE))) mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${RESULTS_FILE}`);
    console.table(recall.map((point) => ({ efSearch: point.efSearch, vector: point.vector.recallAt10, halfvec: point.halfvec.recallAt10, vectorMs: point.vector.meanMs, halfvecMs: point.halfvec.meanMs })));
    console.table(built);
  } finally {
    client.release();
    await pool.end();
  }
}

async function inTransaction(client: PoolClient, settings: string, work: () => Promise<void>): Promise<void> {
  await client.query(`BEGIN; ${settings}`);
  try {
    await work();
  } finally {
    await client.query('COMMIT');
  }
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
