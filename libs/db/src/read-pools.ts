import type { Pool } from 'pg';
import { createPgPool } from './pg-pool';

/**
 * Where reads that tolerate a little staleness run: Postgres streaming replicas
 * (DATABASE_READ_URL), with the primary as the fallback. Searches and recommendations read here;
 * writes, and reads that must see a write just made (GET after POST, the repositories), stay on
 * the primary pool.
 *
 * The rules (README, docs/scaling.md):
 * - A read goes to the next replica (round robin) that is up and whose replay lag is within
 *   `maxLagMs`; with none, it goes to the primary. Lag is measured every `probeMs` by comparing the
 *   replica's replayed WAL position with the primary's recent positions (pg_current_wal_lsn), which
 *   stays right on an idle primary, unlike pg_last_xact_replay_timestamp().
 * - A replica that fails (connection refused or lost, shutting down, too many connections, a query
 *   cancelled by a recovery conflict) is set aside for `cooldownMs` and the read reruns on the
 *   primary at once: the caller sees a slower answer, never an error a primary could have avoided.
 *   Errors of the statement itself (bad input) are not retried. With the primary down too, the
 *   primary's error reaches the caller, which answers 503 as before.
 * - A read may say its replica answer is not current (`isCurrent`): a recommendation whose source
 *   row is missing or not yet embedded on the replica. It reruns on the primary, so a row written
 *   a moment ago is served, not reported missing.
 */

export interface ReadPoolsOptions {
  /** Replays further behind the primary than this take the replica out of rotation. */
  maxLagMs: number;
  /** How often replica lag is measured. */
  probeMs: number;
  /** How long a failed replica stays out of rotation. */
  cooldownMs: number;
}

export const DEFAULT_READ_POOLS_OPTIONS: ReadPoolsOptions = { maxLagMs: 5_000, probeMs: 1_000, cooldownMs: 5_000 };

/** How the reads of this process were served (tests and GET /metrics). */
export interface ReadCounts {
  replica: number;
  primary: number;
  /** Replica answers not current for the read (source row missing or not embedded there), rerun on the primary. */
  staleRetries: number;
  /** Reads whose replica failed, rerun on the primary. */
  replicaFailures: number;
}

interface Replica {
  pool: Pool;
  downUntil: number;
  /** Estimated replay lag; Infinity until the first probe and while it cannot be measured. */
  lagMs: number;
}

/** SQLSTATE classes and codes after which the same read can succeed on another server. */
function isServerUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return true; // connection terminated, timeouts: node-postgres sets no code
  return (
    /^E[A-Z]+$/.test(code) || // ECONNREFUSED, ECONNRESET, ETIMEDOUT… (socket errors)
    code.startsWith('08') || // connection exception
    code.startsWith('57P') || // admin / crash shutdown, cannot connect now
    code.startsWith('53') || // insufficient resources (too many connections)
    code === '40001' // canceling statement due to conflict with recovery (hot standby)
  );
}

/** `16/B374D848` as a number of bytes, for comparisons. */
function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export class ReadPools {
  private readonly replicaStates: Replica[];
  private next = 0;
  private probeTimer: NodeJS.Timeout | null = null;
  /** Recent primary WAL positions, oldest first: a replica that replayed one of them is at most that old. */
  private primaryPositions: Array<{ at: number; lsn: bigint }> = [];
  readonly counts: ReadCounts = { replica: 0, primary: 0, staleRetries: 0, replicaFailures: 0 };

  constructor(
    readonly primary: Pool,
    replicas: Pool[] = [],
    private readonly options: ReadPoolsOptions = DEFAULT_READ_POOLS_OPTIONS,
  ) {
    this.replicaStates = replicas.map((pool) => ({ pool, downUntil: 0, lagMs: Infinity }));
  }

  /** Replica pools for DATABASE_READ_URL (connection attempts time out, so a dead host fails over fast). */
  static fromUrls(primary: Pool, urls: readonly string[], poolSize: number, options: ReadPoolsOptions = DEFAULT_READ_POOLS_OPTIONS): ReadPools {
    return new ReadPools(primary, urls.map((url) => createPgPool({ url, poolSize, connectionTimeoutMillis: 2_000 })), options);
  }

  get replicaCount(): number {
    return this.replicaStates.length;
  }

  /** Starts the periodic lag probe (no-op without replicas); the timer does not keep the process alive. */
  start(): void {
    if (this.replicaStates.length === 0 || this.probeTimer) return;
    void this.probeLag();
    this.probeTimer = setInterval(() => void this.probeLag(), this.options.probeMs);
    this.probeTimer.unref();
  }

  async end(): Promise<void> {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
    await Promise.allSettled(this.replicaStates.map((replica) => replica.pool.end()));
  }

  /** Per replica: estimated replay lag in ms (Infinity: unknown or unreachable) and whether it takes reads. */
  replicaStatus(): Array<{ lagMs: number; inRotation: boolean }> {
    const now = Date.now();
    return this.replicaStates.map((replica) => ({ lagMs: replica.lagMs, inRotation: this.usable(replica, now) }));
  }

  /**
   * Runs `read` on a replica when one is usable, else (or when it fails, or its answer is not
   * `isCurrent`) on the primary.
   */
  async read<T>(read: (pool: Pool) => Promise<T>, isCurrent: (result: T) => boolean = () => true): Promise<T> {
    const replica = this.pickReplica();
    if (replica) {
      try {
        const result = await read(replica.pool);
        if (isCurrent(result)) {
          this.counts.replica++;
          return result;
        }
        this.counts.staleRetries++;
      } catch (error) {
        if (!isServerUnavailable(error)) throw error;
        replica.downUntil = Date.now() + this.options.cooldownMs;
        this.counts.replicaFailures++;
      }
    }
    this.counts.primary++;
    return read(this.primary);
  }

  /** Measures every replica's lag once (the timer calls it; tests call it to skip the wait). */
  async probeLag(): Promise<void> {
    const now = Date.now();
    try {
      const { rows } = await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      this.primaryPositions.push({ at: now, lsn: lsnValue(rows[0]!.lsn) });
    } catch {
      // Primary unreachable: keep the replicas' last estimates; reads fail over as usual.
    }
    // Positions older than the lag bound cannot change a verdict (older than maxLagMs is too old anyway).
    const horizon = now - this.options.maxLagMs - 2 * this.options.probeMs;
    while (this.primaryPositions.length > 1 && this.primaryPositions[1]!.at < horizon) this.primaryPositions.shift();
    await Promise.all(
      this.replicaStates.map(async (replica) => {
        try {
          const { rows } = await replica.pool.query<{ recovering: boolean; lsn: string | null }>(
            'SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS lsn',
          );
          const row = rows[0];
          // Not in recovery: a URL that names a primary (a promoted replica) is never behind itself.
          if (row && !row.recovering) replica.lagMs = 0;
          else replica.lagMs = row?.lsn ? this.lagOf(lsnValue(row.lsn), now) : Infinity;
        } catch {
          replica.lagMs = Infinity;
        }
      }),
    );
  }

  /**
   * An upper bound of the replica's lag: the age of the newest primary position it has replayed
   * (0 when that is the latest one; Infinity when it is behind every position in the window). A
   * write it has not replayed came after that position, so it is younger than this.
   */
  private lagOf(replayed: bigint, now: number): number {
    const latest = this.primaryPositions.length - 1;
    for (let i = latest; i >= 0; i--) {
      const position = this.primaryPositions[i]!;
      if (position.lsn <= replayed) return i === latest ? 0 : now - position.at;
    }
    return Infinity;
  }

  private usable(replica: Replica, now: number): boolean {
    return replica.downUntil <= now && replica.lagMs <= this.options.maxLagMs;
  }

  private pickReplica(): Replica | null {
    const now = Date.now();
    for (let tried = 0; tried < this.replicaStates.length; tried++) {
      const replica = this.replicaStates[this.next++ % this.replicaStates.length]!;
      if (this.usable(replica, now)) return replica;
    }
    return null;
  }
}
