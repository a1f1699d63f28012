import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { parser as jsonParser } from 'stream-json';
import { streamArray } from 'stream-json/streamers/StreamArray';
import { CliError } from '../cli-error';

/** Where a record is in its file: a line (JSON Lines, CSV) or a position in a JSON array. */
export interface RecordPosition {
  /** 1-based line of the file (JSON Lines: the record's line; CSV: the line the record ends on). */
  line?: number;
  /** 1-based position in a JSON array (stream-json knows no line numbers). */
  index?: number;
  /** A document of a folder import (its path inside the folder). */
  file?: string;
}

export type SourceRecord = ({ value: Record<string, unknown> } | { error: string }) & { at: RecordPosition };

export const RECORD_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

export function describePosition(at: RecordPosition): string {
  if (at.file !== undefined) return at.file;
  return at.line !== undefined ? `line ${at.line}` : `record ${at.index}`;
}

/** A file's format from its extension (.json, .jsonl / .ndjson, .csv), unless given. */
export function recordFormatOf(file: string, given?: string): RecordFormat {
  const format = (given ?? extname(file).slice(1)).toLowerCase();
  if (format === 'ndjson') return 'jsonl';
  if ((RECORD_FORMATS as readonly string[]).includes(format)) return format as RecordFormat;
  throw new CliError(
    `Cannot tell the format of ${file}: name it .json (an array of objects), .jsonl (one object a line) or .csv (a header row), or pass --format.`,
    2,
  );
}

/**
 * The records of a file, one at a time, never the whole file in memory: JSON Lines by line,
 * JSON arrays through stream-json (one element assembled at a time), CSV through csv-parse (a header
 * row names the fields; empty cells are left out). A record that cannot be read is yielded as an
 * error with its position, and reading goes on; `onBytes` reports progress through the file.
 */
export async function* readRecords(
  file: string,
  format: RecordFormat,
  onBytes: (bytesRead: number) => void = () => undefined,
): AsyncGenerator<SourceRecord> {
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) throw new CliError(`No such file: ${file}`);
  let bytesRead = 0;
  const counted = createReadStream(file).pipe(
    new PassThrough({
      transform(chunk: Buffer, _encoding, done) {
        bytesRead += chunk.length;
        onBytes(bytesRead);
        done(null, chunk);
      },
    }),
  );
  if (format === 'jsonl') yield* jsonLines(counted);
  else if (format === 'json') yield* jsonArray(counted);
  else yield* csvRows(counted);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function* jsonLines(input: Readable): AsyncGenerator<SourceRecord> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { error: `not valid JSON (${(error as Error).message})`, at: { line } };
      continue;
    }
    yield isObject(value) ? { value, at: { line } } : { error: 'not a JSON object', at: { line } };
  }
}

async function* jsonArray(input: Readable): AsyncGenerator<SourceRecord> {
  // Whole values only (no string and number chunks): the assembler needs nothing else, and it halves the tokens.
  const elements = input.pipe(jsonParser({ streamValues: false })).pipe(streamArray());
  try {
    for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>) {
      const at = { index: key + 1 };
      yield isObject(value) ? { value, at } : { error: 'not a JSON object', at };
    }
  } catch (error) {
    // A syntax error ends a JSON array: nothing after it can be read reliably.
    throw new CliError(
      `The JSON array cannot be read past this point: ${(error as Error).message}. Rows before it were imported; fix the file (or use JSON Lines, where a bad line is skipped) and run again.`,
    );
  }
}

async function* csvRows(input: Readable): AsyncGenerator<SourceRecord> {
  const skipped: SourceRecord[] = [];
  const rows = input.pipe(
    parseCsv({
      columns: true,
      bom: true,
      trim: false,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) skipped.push({ error: error.message, at: { line: (error as { lines?: number }).lines } });
      },
    }),
  );
  for await (const row of rows as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    const value = Object.fromEntries(Object.entries(row.record).filter(([, cell]) => cell !== ''));
    yield { value, at: { line: row.info.lines } };
  }
  while (skipped.length > 0) yield skipped.shift()!;
}

/** The Readable of a file with its byte size (for progress). */
export async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size;
}
