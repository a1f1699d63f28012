import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * PostgreSQL's binary COPY format (https://www.postgresql.org/docs/15/sql-copy.html, "Binary
 * Format"), for the columns the bench loads: every field is a 4-byte length and the type's
 * binary "send" representation. Binary skips the server's text parsing of 384 floats per row,
 * the largest cost of a text COPY of vectors.
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const TEXT_OID = 25;
/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01). */
const POSTGRES_EPOCH_US = 946_684_800_000_000n;

export type CopyValue =
  | { type: 'uuid'; value: string }
  | { type: 'int2'; value: number }
  | { type: 'text'; value: string | null }
  | { type: 'text[]'; value: string[] }
  | { type: 'jsonb'; value: unknown }
  | { type: 'timestamptz'; value: Date }
  /** pgvector `halfvec`: int16 dimension, int16 unused, float16 × dimension (big-endian). */
  | { type: 'halfvec'; value: Float32Array };

export function copyHeader(): Buffer {
  const header = Buffer.alloc(SIGNATURE.length + 8);
  SIGNATURE.copy(header);
  return header; // flags and header-extension length: both 0
}

export function copyTrailer(): Buffer {
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1);
  return trailer;
}

function fieldBytes(field: CopyValue): Buffer | null {
  switch (field.type) {
    case 'uuid':
      return Buffer.from(field.value.replace(/-/g, ''), 'hex');
    case 'int2': {
      const buffer = Buffer.alloc(2);
      buffer.writeInt16BE(field.value);
      return buffer;
    }
    case 'text':
      return field.value === null ? null : Buffer.from(field.value, 'utf8');
    case 'jsonb':
      return Buffer.concat([Buffer.from([1]), Buffer.from(JSON.stringify(field.value), 'utf8')]);
    case 'timestamptz': {
      const buffer = Buffer.alloc(8);
      buffer.writeBigInt64BE(BigInt(field.value.getTime()) * 1000n - POSTGRES_EPOCH_US);
      return buffer;
    }
    case 'text[]':
      return textArray(field.value);
    case 'halfvec': {
      const buffer = Buffer.alloc(4 + field.value.length * 2);
      const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength) as DataView & { setFloat16(offset: number, value: number): void };
      view.setInt16(0, field.value.length);
      for (let i = 0; i < field.value.length; i++) view.setFloat16(4 + i * 2, field.value[i]!);
      return buffer;
    }
  }
}

/** A one-dimensional text[] (array_send: ndim, has-null flag, element type, then length + lower bound). */
function textArray(values: string[]): Buffer {
  if (values.length === 0) {
    const empty = Buffer.alloc(12);
    empty.writeInt32BE(TEXT_OID, 8);
    return empty;
  }
  const elements = values.map((value) => Buffer.from(value, 'utf8'));
  const buffer = Buffer.alloc(20 + elements.reduce((sum, element) => sum + 4 + element.length, 0));
  buffer.writeInt32BE(1, 0);
  buffer.writeInt32BE(0, 4);
  buffer.writeInt32BE(TEXT_OID, 8);
  buffer.writeInt32BE(values.length, 12);
  buffer.writeInt32BE(1, 16);
  let offset = 20;
  for (const element of elements) {
    buffer.writeInt32BE(element.length, offset);
    element.copy(buffer, offset + 4);
    offset += 4 + element.length;
  }
  return buffer;
}

/** One tuple: the field count, then each field's length (-1 for NULL) and bytes. */
export function copyTuple(fields: CopyValue[]): Buffer {
  const parts = fields.map(fieldBytes);
  const buffer = Buffer.alloc(2 + parts.reduce((sum, part) => sum + 4 + (part?.length ?? 0), 0));
  buffer.writeInt16BE(fields.length, 0);
  let offset = 2;
  for (const part of parts) {
    buffer.writeInt32BE(part ? part.length : -1, offset);
    if (part) part.copy(buffer, offset + 4);
    offset += 4 + (part?.length ?? 0);
  }
  return buffer;
}

/**
 * Streams `rows` into `COPY <target> FROM STDIN (FORMAT binary)` on `client`, in chunks of about
 * 1 MB, calling `onRows` after each chunk is handed to the socket (progress). `target` is fixed
 * SQL from the caller (table and column list), never input.
 */
export async function copyBinary(client: Client, target: string, rows: Iterable<CopyValue[]>, onRows: (count: number) => void): Promise<number> {
  let total = 0;
  function* chunks(): Generator<Buffer> {
    yield copyHeader();
    let pending: Buffer[] = [];
    let bytes = 0;
    let count = 0;
    for (const row of rows) {
      const tuple = copyTuple(row);
      pending.push(tuple);
      bytes += tuple.length;
      count++;
      if (bytes >= 1 << 20) {
        yield Buffer.concat(pending);
        onRows(count);
        total += count;
        pending = [];
        bytes = 0;
        count = 0;
      }
    }
    pending.push(copyTrailer());
    yield Buffer.concat(pending);
    onRows(count);
    total += count;
  }
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN (FORMAT binary)`));
  await pipeline(Readable.from(chunks(), { objectMode: false }), stream);
  return total;
}
