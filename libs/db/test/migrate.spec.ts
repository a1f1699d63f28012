import { createEmptyTestDatabase, type TestDatabase } from '@jobmatch/testing';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { applyMigrations, createPgPool, isNonTransactional, MIGRATIONS_DIR, ModelRegistry, splitSqlStatements, VectorStore } from '../src';

describe('splitSqlStatements', () => {
  it('splits at top-level semicolons only', () => {
    const sql = `-- a comment; with a semicolon
CREATE TABLE "a;b" (x text DEFAULT 'it''s; fine', y text DEFAULT E'back\\'slash;');
/* block; /* nested; */ still comment; */
CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
SELECT $$;$$, $1;
-- trailing comment only;
`;
    expect(splitSqlStatements(sql)).toEqual([
      `-- a comment; with a semicolon\nCREATE TABLE "a;b" (x text DEFAULT 'it''s; fine', y text DEFAULT E'back\\'slash;')`,
      `/* block; /* nested; */ still comment; */\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql`,
      'SELECT $$;$$, $1',
    ]);
  });

  it('recognises the no-transaction marker only on the first line', () => {
    expect(isNonTransactional('-- jobmatch:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (x);')).toBe(true);
    expect(isNonTransactional('CREATE TABLE t (x int);\n-- jobmatch:no-transaction')).toBe(false);
  });
});

describe('applyMigrations (real Postgres)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let dir: string;

  beforeEach(async () => {
    db = await createEmptyTestDatabase();
    pool = createPgPool({ url: db.url, poolSize: 2 });
    dir = mkdtempSync(path.join(tmpdir(), 'jobmatch-migrations-'));
  });

  afterEach(async () => {
    await pool.end();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  function migration(name: string, sql: string): void {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }

  const recorded = () =>
    pool
      .query(`SELECT migration_name, finished_at IS NOT NULL AS finished, applied_steps_count, logs FROM _prisma_migrations ORDER BY migration_name`)
      .then((result) => result.rows);

  it('runs a marked migration outside a transaction, one statement at a time (CREATE INDEX CONCURRENTLY)', async () => {
    migration('1_table', 'CREATE TABLE t (x int); INSERT INTO t SELECT generate_series(1, 100);');
    migration('2_index', '-- jobmatch:no-transaction\nCREATE INDEX CONCURRENTLY t_x_idx ON t (x);\nCREATE INDEX CONCURRENTLY t_x2_idx ON t ((x * 2));\n');
    expect(await applyMigrations(pool, dir)).toEqual([
      { name: '1_table', applied: true },
      { name: '2_index', applied: true },
    ]);
    const { rows } = await pool.query(`SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY 1`);
    expect(rows.map((row) => row.indexname)).toEqual(['t_x2_idx', 't_x_idx']);
    expect(await recorded()).toEqual([
      { migration_name: '1_table', finished: true, applied_steps_count: 1, logs: null },
      { migration_name: '2_index', finished: true, applied_steps_count: 1, logs: null },
    ]);
    expect(await applyMigrations(pool, dir)).toEqual([
      { name: '1_table', applied: false },
      { name: '2_index', applied: false },
    ]);
  });

  it('without the marker the same CONCURRENTLY statement fails and rolls the migration back', async () => {
    migration('1_table', 'CREATE TABLE t (x int);');
    migration('2_index', 'CREATE INDEX CONCURRENTLY t_x_idx ON t (x);\nCREATE INDEX t_y_idx ON t (x);');
    await expect(applyMigrations(pool, dir)).rejects.toThrow(/2_index failed: CREATE INDEX CONCURRENTLY cannot run inside a transaction block/);
    expect(await recorded()).toEqual([{ migration_name: '1_table', finished: true, applied_steps_count: 1, logs: null }]);
  });

  it('records a failed non-transactional migration as unfinished with its error, and retries it on the next run', async () => {
    migration('1_table', 'CREATE TABLE t (x int);');
    const retryable = (column: string) =>
      `-- jobmatch:no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS t_x_idx;\nCREATE INDEX CONCURRENTLY t_x_idx ON t (${column});\n`;
    migration('2_index', retryable('no_such_column'));
    await expect(applyMigrations(pool, dir)).rejects.toThrow(/2_index failed \(non-transactional; the next run retries it\): statement 2 of 2 failed: column "no_such_column" does not exist/);
    expect(await recorded()).toEqual([
      { migration_name: '1_table', finished: true, applied_steps_count: 1, logs: null },
      { migration_name: '2_index', finished: false, applied_steps_count: 0, logs: expect.stringContaining('no_such_column') },
    ]);
    // Fixed and run again: the unfinished record is completed, not duplicated.
    migration('2_index', retryable('x'));
    expect(await applyMigrations(pool, dir)).toEqual([
      { name: '1_table', applied: false },
      { name: '2_index', applied: true },
    ]);
    expect(await recorded()).toEqual([
      { migration_name: '1_table', finished: true, applied_steps_count: 1, logs: null },
      { migration_name: '2_index', finished: true, applied_steps_count: 1, logs: null },
    ]);
  });

  it('moves vector(384) data into the per-model halfvec layout, keeping the row-level state of the active model', async () => {
    const before = ['20261121000000_init', '20261201000000_occupations'];
    for (const name of before) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    await applyMigrations(pool, dir);
    const minilm = 'sentence-transformers/all-MiniLM-L6-v2';
    const vector = (axis: number) => `[${Array.from({ length: 384 }, (_, i) => (i === axis ? 0.6 : i === axis + 1 ? 0.8 : 0)).join(',')}]`;
    const rows = [
      { id: randomUUID(), model: minilm, status: 'READY', axis: 1 },
      { id: randomUUID(), model: minilm, status: 'READY', axis: 2 },
      { id: randomUUID(), model: minilm, status: 'PENDING', axis: 3 }, // content changed after its vector
      { id: randomUUID(), model: 'old/model', status: 'READY', axis: 4 },
      { id: randomUUID(), model: null, status: 'PENDING', axis: null },
    ];
    for (const row of rows) {
      await pool.query(
        `INSERT INTO jobs (id, title, company, description, content_hash, embedding, embedding_model, embedding_status, embedded_at, updated_at)
         VALUES ($1, 'T', 'C', 'D', $2, $3::vector, $4, $5::embedding_status, CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, now())`,
        [row.id, `hash-${row.id}`, row.axis === null ? null : vector(row.axis), row.model, row.status],
      );
    }
    const resume = randomUUID();
    await pool.query(
      `INSERT INTO resumes (id, text, content_hash, embedding, embedding_model, embedding_status, embedded_at, updated_at)
       VALUES ($1, 'cv', 'r', $2::vector, $3, 'READY', now(), now())`,
      [resume, vector(1), minilm],
    );

    expect((await applyMigrations(pool, MIGRATIONS_DIR)).filter((entry) => entry.applied).map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['20261202010000_embeddings_by_model', '20261202010001_embeddings_hnsw']),
    );
    const registry = await new ModelRegistry(pool).list();
    expect(registry.map(({ modelId, dimension, state }) => ({ modelId, dimension, state }))).toEqual([
      { modelId: minilm, dimension: 384, state: 'active' },
      { modelId: 'old/model', dimension: 384, state: 'retired' },
    ]);
    const { rows: migrated } = await pool.query(
      `SELECT j.id, m.model_id, e.source_hash = j.content_hash AS current, vector_dims(e.embedding) AS dims, j.embedding_status
         FROM jobs j LEFT JOIN job_embeddings e ON e.job_id = j.id LEFT JOIN embedding_models m USING (model_key)`,
    );
    const byId = new Map(migrated.map((row) => [row.id, row]));
    expect(byId.get(rows[0]!.id)).toMatchObject({ model_id: minilm, current: true, dims: 384, embedding_status: 'READY' });
    expect(byId.get(rows[2]!.id)).toMatchObject({ model_id: minilm, current: false, embedding_status: 'PENDING' });
    // READY for a model that is not the active one: waits for the active model's vector.
    expect(byId.get(rows[3]!.id)).toMatchObject({ model_id: 'old/model', current: true, embedding_status: 'PENDING' });
    expect(byId.get(rows[4]!.id)).toMatchObject({ model_id: null, embedding_status: 'PENDING' });
    const { rows: columns } = await pool.query(`SELECT column_name FROM information_schema.columns WHERE table_name IN ('jobs', 'resumes') AND column_name = 'embedding'`);
    expect(columns).toEqual([]);

    // Searches read the migrated vectors through the new index (the stale one is still searched).
    const store = new VectorStore(pool);
    const query = Float32Array.from({ length: 384 }, (_, i) => (i === 1 ? 0.6 : i === 2 ? 0.8 : 0));
    const found = await store.nearest('job', query, { modelId: minilm, limit: 5 });
    expect(found.map((row) => row.id)).toEqual([rows[0]!.id, rows[1]!.id, rows[2]!.id]);
    expect(found[0]!.similarity).toBeCloseTo(1, 3);
    expect((await store.readEmbedding('resume', resume))!.modelId).toBe(minilm);
  });
});

