import { Pool } from 'pg';

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Give up connecting after this long (default: wait; replicas set it so reads fail over fast). */
  connectionTimeoutMillis?: number;
}

/**
 * A plain `pg` pool for the vector SQL: it runs on the hot path of search and recommendations,
 * where a thin driver call beats going through the ORM.
 */
export function createPgPool({ url, poolSize = 10, connectionTimeoutMillis }: DatabaseOptions): Pool {
  // pipeline: queries issued on a checked-out client without awaiting each other go out together
  // (node-postgres ≥ 8.21). pool.query() is unaffected; VectorStore sends a search's BEGIN + SET
  // LOCAL, the search and COMMIT in one round trip this way.
  const pool = new Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000, pipeline: true, connectionTimeoutMillis });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}
