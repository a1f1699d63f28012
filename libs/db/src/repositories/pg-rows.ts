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
