import { Pool } from 'pg';

/** Longest wait for a new connection before the call fails as "database unavailable". */
const CONNECT_TIMEOUT_MS = 3_000;

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Give up connecting after this long (default 3 s; replicas set it shorter so reads fail over fast). */
  connectionTimeoutMillis?: number;
}

/**
 * A plain `pg` pool for the vector SQL: it runs on the hot path of search and recommendations,
 * where a thin driver call beats going through the ORM.
 */
export function createPgPool({ url, poolSize = 10, connectionTimeoutMillis = CONNECT_TIMEOUT_MS }: DatabaseOptions): Pool {
  // pipeline: queries issued on a checked-out client without awaiting each other go out together
  // (node-postgres ≥ 8.21). pool.query() is unaffected; VectorStore sends a search's BEGIN + SET
  // LOCAL, the search and COMMIT in one round trip this way.
  //
  // connectionTimeoutMillis: a Postgres host that stops answering (no RST: a network partition, a
  // frozen VM) would otherwise leave every new connection, and so every request, hanging forever;
  // after it the call fails with an error the APIs turn into 503 + Retry-After and the worker into
  // a retry with backoff. keepAlive lets the OS notice such a peer under an idle pooled connection.
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis,
    keepAlive: true,
    pipeline: true,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}
