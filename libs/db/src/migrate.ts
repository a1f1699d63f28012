import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { splitSqlStatements } from './sql-statements';

/**
 * A migration whose first line is this comment runs outside a transaction, one statement at a time
 * (CREATE INDEX CONCURRENTLY, which Postgres refuses inside a transaction block). Such a file must be
 * safe to run again from the top: a run that stopped part-way is retried by the next run (DROP INDEX
 * CONCURRENTLY IF EXISTS before each CREATE INDEX CONCURRENTLY, which may have left an INVALID index).
 */
export const NO_TRANSACTION_MARKER = '-- jobmatch:no-transaction';

export function isNonTransactional(sql: string): boolean {
  return sql.trimStart().split('\n', 1)[0]!.trim() === NO_TRANSACTION_MARKER;
}

/** The same lock key `prisma migrate deploy` takes, so the two never run at once. */
const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

export interface AppliedMigration {
  name: string;
  applied: boolean;
}

/**
 * Applies `prisma/migrations/<name>/migration.sql` in order and records each one in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (checksum = SHA-256 of the file),
 * so a database migrated here keeps working with the Prisma CLI where its engine can be fetched.
 * Each migration runs in its own transaction; a failure rolls it back and stops the run. A
 * non-transactional migration (NO_TRANSACTION_MARKER) is recorded as started first and finished at
 * the end; when it fails its record stays unfinished (with the error in `logs`) and the next run
 * retries it.
 */
export async function applyMigrations(pool: Pool, migrationsDir: string): Promise<AppliedMigration[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
    const { rows } = await client.query<{ id: string; migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT id, migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));

    const names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();

    const results: AppliedMigration[] = [];
    for (const name of names) {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const existing = recorded.get(name);
      const nonTransactional = isNonTransactional(sql);
      if (existing) {
        // An unfinished non-transactional migration is retried, even after its file was fixed.
        if (!existing.finished_at && !nonTransactional) {
          throw new Error(`Migration ${name} started earlier but did not finish; resolve it before migrating again.`);
        }
        if (existing.finished_at) {
          if (existing.checksum !== checksum) {
            throw new Error(`Migration ${name} was changed after it was applied (checksum mismatch).`);
          }
          results.push({ name, applied: false });
          continue;
        }
      }
      if (nonTransactional) await applyOutsideTransaction(client, name, sql, checksum, existing?.id);
      else await applyInTransaction(client, name, sql, checksum);
      results.push({ name, applied: true });
    }
    return results;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]).catch(() => undefined);
    client.release();
  }
}

async function applyInTransaction(client: PoolClient, name: string, sql: string, checksum: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
       VALUES ($1, $2, now(), $3, 1, now())`,
      [randomUUID(), checksum, name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** Each statement on its own (autocommit); recorded unfinished until the last one succeeded. */
async function applyOutsideTransaction(client: PoolClient, name: string, sql: string, checksum: string, existingId?: string): Promise<void> {
  const id = existingId ?? randomUUID();
  if (existingId) {
    await client.query(`UPDATE "_prisma_migrations" SET checksum = $2, started_at = now(), logs = NULL WHERE id = $1`, [id, checksum]);
  } else {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count, started_at) VALUES ($1, $2, $3, 0, now())`,
      [id, checksum, name],
    );
  }
  const statements = splitSqlStatements(sql);
  for (const [index, statement] of statements.entries()) {
    try {
      await client.query(statement);
    } catch (error) {
      const message = `statement ${index + 1} of ${statements.length} failed: ${(error as Error).message}`;
      await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
      throw new Error(`Migration ${name} failed (non-transactional; the next run retries it): ${message}`, { cause: error });
    }
  }
  await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
}

/**
 * The repository's prisma/migrations; outside a checkout (a deployed service, `pnpm deploy`) the
 * copy the build puts into dist/migrations.
 */
export const MIGRATIONS_DIR = [path.resolve(__dirname, '../../../prisma/migrations'), path.resolve(__dirname, 'migrations')].find((dir) => existsSync(dir)) ?? path.resolve(__dirname, '../../../prisma/migrations');
