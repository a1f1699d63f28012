import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Shared helpers of the repositories. Rows go through the plain `pg` pool rather than the Prisma
 * client: Prisma 7's query compiler (WebAssembly) adds 50–100 MB of resident memory on its first
 * query, which alone would break the APIs' memory budgets (matcher 150 MB, skill-gap 128 MB).
 * Prisma stays the source of the schema and of the row types; the drift test keeps the two honest.
 */
export type ColumnMap<T> = { [K in keyof T]-?: string };

/** Columns every embedded entity (jobs, resumes) has: content hash, embedding state, timestamps. */
export const EMBEDDED_ENTITY_COLUMNS = {
  tenantId: 'tenant_id',
  contentHash: 'content_hash',
  embeddingModel: 'embedding_model',
  embeddingStatus: 'embedding_status',
  embeddingError: 'embedding_error',
  embeddedAt: 'embedded_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const;

/** What an update sets besides its fields when the embedded text changed (re-embed). */
export const EMBEDDING_RESET = [`embedding_status = 'PENDING'`, 'embedding_error = NULL'];

/** `column AS "field"` for every field (but `except`): rows come back with camel-case fields. */
export function selectList<T>(columns: ColumnMap<T>, except: (keyof T & string)[] = []): string {
  return Object.entries(columns as Record<string, string>)
    .filter(([field]) => !(except as string[]).includes(field))
    .map(([field, column]) => `${column} AS "${field}"`)
    .join(', ');
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function newId(): string {
  return randomUUID();
}

/** INSERT of the given fields (names from the fixed column map, values bound). */
export async function insertRow<Row>(
  pool: Pool,
  table: string,
  columns: ColumnMap<Row>,
  data: Record<string, unknown>,
): Promise<Row> {
  const names: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const column = (columns as Record<string, string>)[field];
    if (!column) throw new Error(`Unknown field ${field} for ${table}`);
    names.push(column);
    params.push(value);
  }
  const placeholders = params.map((_, index) => `$${index + 1}`).join(', ');
  const { rows } = await pool.query<Row & object>(
    `INSERT INTO ${table} (${names.join(', ')}, updated_at) VALUES (${placeholders}, now()) RETURNING ${selectList(columns)}`,
    params,
  );
  return rows[0]!;
}

/** UPDATE of the given fields of the tenant's row; `extraSet` is fixed SQL from the caller (no user data). */
export async function updateRow<Row>(
  pool: Pool,
  table: string,
  columns: ColumnMap<Row>,
  row: { tenantId: string; id: string },
  data: Record<string, unknown>,
  extraSet: string[] = [],
): Promise<Row | null> {
  const sets: string[] = [...extraSet, 'updated_at = now()'];
  const params: unknown[] = [row.id, row.tenantId];
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const column = (columns as Record<string, string>)[field];
    if (!column || field === 'tenantId') throw new Error(`Unknown field ${field} for ${table}`);
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  const { rows } = await pool.query<Row & object>(
    `UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1 AND tenant_id = $2::uuid RETURNING ${selectList(columns)}`,
    params,
  );
  return rows[0] ?? null;
}

/** How an upserted row came out: inserted, changed, or already exactly so (not written). */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Bulk upsert keyed by (`tenant_id`, `external_id`) — all rows of one call belong to one tenant — in one statement: the rows travel as one JSON parameter and
 * Postgres unpacks them (jsonb_to_recordset, JSON arrays become SQL arrays), so a batch of 500 is
 * one round trip with one bound value. A row whose stored values already equal the input is not
 * written (its updated_at stays) and comes back as 'unchanged'. When the embedded text changed
 * (content_hash) the row goes back to PENDING; otherwise its embedding state is kept. Names come
 * from the fixed column and type maps, never from callers; external ids must be unique per call.
 */
export async function upsertByExternalId<Row extends { id: string; tenantId: string; externalId: string | null }>(
  pool: Pool,
  table: string,
  columns: ColumnMap<Row>,
  /** Postgres type of every written field (the record definition of jsonb_to_recordset). */
  types: Partial<Record<keyof Row & string, string>>,
  rows: Record<string, unknown>[],
): Promise<{ row: Row; outcome: UpsertOutcome }[]> {
  if (rows.length === 0) return [];
  const fields = Object.keys(types) as (keyof Row & string)[];
  const column = (field: string) => (columns as Record<string, string>)[field]!;
  // The key (tenant, external id) and the row's id are never rewritten.
  const written = fields.filter((field) => field !== 'id' && field !== 'externalId' && field !== 'tenantId');
  const record = fields.map((field) => `${column(field)} ${types[field]}`).join(', ');
  const payload = rows.map((row) => Object.fromEntries(fields.map((field) => [column(field), row[field] ?? null])));
  const sql = `
    WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${record}))
    INSERT INTO ${table} AS t (${fields.map(column).join(', ')}, embedding_status, updated_at)
    SELECT ${fields.map(column).join(', ')}, 'PENDING', now() FROM input
    ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
      ${written.map((field) => `${column(field)} = EXCLUDED.${column(field)}`).join(', ')},
      embedding_status = CASE WHEN t.content_hash = EXCLUDED.content_hash THEN t.embedding_status ELSE 'PENDING' END,
      embedding_error = CASE WHEN t.content_hash = EXCLUDED.content_hash THEN t.embedding_error ELSE NULL END,
      updated_at = now()
    WHERE (${written.map((field) => `t.${column(field)}`).join(', ')}) IS DISTINCT FROM (${written.map((field) => `EXCLUDED.${column(field)}`).join(', ')})
    RETURNING ${selectList(columns)}, (xmax = 0) AS "inserted"`;
  const { rows: returned } = await pool.query<Row & { inserted: boolean }>(sql, [JSON.stringify(payload)]);
  const byExternalId = new Map(returned.map(({ inserted, ...row }) => [row.externalId, { row: row as unknown as Row, outcome: (inserted ? 'created' : 'updated') as UpsertOutcome }]));
  // Rows not returned were already exactly so: read them back for the caller.
  const missing = rows.map((row) => row.externalId as string).filter((externalId) => !byExternalId.has(externalId));
  if (missing.length > 0) {
    const tenantId = rows[0]!.tenantId as string;
    const { rows: unchanged } = await pool.query<Row>(`SELECT ${selectList(columns)} FROM ${table} WHERE external_id = ANY($1::text[]) AND tenant_id = $2::uuid`, [missing, tenantId]);
    for (const row of unchanged) byExternalId.set(row.externalId, { row, outcome: 'unchanged' });
  }
  return rows.map((row) => byExternalId.get(row.externalId as string)!);
}
