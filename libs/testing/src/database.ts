import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations, createPgPool, MIGRATIONS_DIR } from '@jobmatch/db';

/**
 * Each test file gets its own database, cloned from a migrated template (CREATE DATABASE …
 * TEMPLATE is a file copy: ~100 ms). Tests run in parallel without sharing rows, against the
 * real Postgres + pgvector.
 */
const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_DB = process.env.TEST_TEMPLATE_DATABASE ?? 'jobmatch_test_template';
const TEMPLATE_LOCK = 727_073_70;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (once) and migrates the template database; safe to call from parallel workers. */
export async function ensureTemplateDatabase(): Promise<void> {
  await withServer(async (server) => {
    await server.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DB]);
      if (!rowCount) await server.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
      const pool = createPgPool({ url: urlFor(TEMPLATE_DB), poolSize: 1 });
      try {
        await applyMigrations(pool, MIGRATIONS_DIR);
      } finally {
        await pool.end();
      }
    } finally {
      await server.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

/** A database with nothing in it, not migrated (tests of the migrations themselves). */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const name = `jobmatch_test_${randomBytes(6).toString('hex')}`;
  await withServer((server) => server.query(`CREATE DATABASE "${name}"`));
  return testDatabase(name);
}

function testDatabase(name: string): TestDatabase {
  return {
    name,
    url: urlFor(name),
    drop: () => withServer((server) => server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  await ensureTemplateDatabase();
  const name = `jobmatch_test_${randomBytes(6).toString('hex')}`;
  await withServer(async (server) => {
    // The template must have no open connections while it is copied; the lock serializes copies.
    await server.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      await server.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
    } finally {
      await server.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return testDatabase(name);
}
