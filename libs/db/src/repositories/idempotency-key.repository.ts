import type { Pool } from 'pg';

/** What a first request under a key left behind. */
export interface StoredIdempotentRequest {
  requestHash: string;
  /** Null while that request is still running. */
  response: { status: number; body: unknown } | null;
}

/**
 * The Idempotency-Key store (table idempotency_keys): the first request under a key claims it, its
 * response is saved for replay, and keys expire after a TTL. Postgres rather than Redis, so the
 * guarantee holds while Redis is down (writes keep succeeding then).
 */
export class IdempotencyKeyRepository {
  constructor(private readonly pool: Pool) {}

  /**
   * Claims the key for a new request; returns null when it was free (or had expired), else what
   * the earlier request under it left. Atomic: of two concurrent claims exactly one gets null.
   */
  async claim(scope: string, key: string, requestHash: string, ttlSeconds: number): Promise<StoredIdempotentRequest | null> {
    // A claim that lost a race to a concurrent insert finds neither outcome in its own snapshot
    // (the winner committed after the statement began); the next statement sees the winner's row.
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await this.tryClaim(scope, key, requestHash, ttlSeconds);
      if (outcome !== 'retry') return outcome;
    }
    throw new Error(`Idempotency key ${key} could not be claimed or read`);
  }

  private async tryClaim(scope: string, key: string, requestHash: string, ttlSeconds: number): Promise<StoredIdempotentRequest | null | 'retry'> {
    const { rows } = await this.pool.query<{ claimed: boolean; requestHash: string; responseStatus: number | null; responseBody: unknown }>(
      `WITH claimed AS (
         INSERT INTO idempotency_keys (scope, key, request_hash, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4))
         ON CONFLICT (scope, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, response_status = NULL, response_body = NULL,
               created_at = now(), expires_at = EXCLUDED.expires_at
           WHERE idempotency_keys.expires_at <= now()
         RETURNING true AS claimed
       )
       SELECT true AS claimed, NULL AS "requestHash", NULL::int AS "responseStatus", NULL::jsonb AS "responseBody" FROM claimed
       UNION ALL
       SELECT false, request_hash, response_status, response_body FROM idempotency_keys
        WHERE scope = $1 AND key = $2 AND NOT EXISTS (SELECT 1 FROM claimed)`,
      [scope, key, requestHash, ttlSeconds],
    );
    const row = rows[0];
    if (!row) return 'retry';
    if (row.claimed) return null;
    return {
      requestHash: row.requestHash,
      response: row.responseStatus === null ? null : { status: row.responseStatus, body: row.responseBody },
    };
  }

  /** Saves the response of the request that claimed the key. */
  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.pool.query('UPDATE idempotency_keys SET response_status = $3, response_body = $4::jsonb WHERE scope = $1 AND key = $2', [
      scope,
      key,
      status,
      JSON.stringify(body ?? null),
    ]);
  }

  /** Frees the key of a request that failed, so a retry runs again. */
  async release(scope: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND response_status IS NULL', [scope, key]);
  }

  /** Deletes expired keys (a bounded batch); returns how many. */
  async deleteExpired(limit = 1000): Promise<number> {
    const result = await this.pool.query(
      'DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1)',
      [limit],
    );
    return result.rowCount ?? 0;
  }
}
