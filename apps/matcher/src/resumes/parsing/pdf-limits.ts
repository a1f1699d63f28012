import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflate } from 'node:zlib';
import { DocumentReadError } from './parse-protocol';

const STREAM_START = /stream\r?\n/g;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Past this much output, a stream that has grown more than MAX_RATIO times its compressed size is a bomb. */
const RATIO_CHECK_AFTER_BYTES = 4 * 1024 * 1024;
const MAX_RATIO = 200;
const SLICE_BYTES = 16 * 1024;

/**
 * Inflates every Flate-compressed stream of a PDF as a stream into nothing, counting bytes, and
 * refuses the file when they unpack to more than `maxInflatedBytes` in all, or when one stream
 * grows past a few MB at more than 200 times its compressed size (text compresses about 10×):
 * a decompression bomb hidden in a content stream or an object stream, refused early. Memory stays at zlib's window per stream;
 * streams that are not zlib data (images in other filters, plain streams) are skipped.
 */
export async function checkPdfStreamSizes(bytes: Buffer, maxInflatedBytes: number): Promise<void> {
  let total = 0;
  for (const match of bytes.toString('latin1').matchAll(STREAM_START)) {
    const start = match.index + match[0].length;
    const end = bytes.indexOf('endstream', start, 'latin1');
    if (end < 0) break;
    const header = bytes.subarray(start, start + 2);
    // zlib data starts with 0x78 (deflate, 32 KB window) followed by a valid check byte.
    if (header.length < 2 || header[0] !== 0x78 || ((header[0] << 8) | header[1]) % 31 !== 0) continue;
    // Fed in slices, so the ratio is taken against the input consumed so far: a bomb shows at once.
    let consumed = 0;
    const slices = function* (data: Buffer) {
      for (let offset = 0; offset < data.length; offset += SLICE_BYTES) {
        consumed += Math.min(SLICE_BYTES, data.length - offset);
        yield data.subarray(offset, offset + SLICE_BYTES);
      }
    };
    let inflated = 0;
    const counter = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        total += chunk.length;
        inflated += chunk.length;
        const bomb = inflated > RATIO_CHECK_AFTER_BYTES && inflated / consumed > MAX_RATIO;
        callback(
          total > maxInflatedBytes || bomb
            ? new DocumentReadError(
                'too-large',
                bomb
                  ? 'The PDF is compressed suspiciously well (a decompression bomb?) and was not opened.'
                  : `The PDF unpacks to more than ${megabytes(maxInflatedBytes)}; resumes are far smaller.`,
              )
            : null,
        );
      },
    });
    try {
      await pipeline(
        Readable.from(slices(bytes.subarray(start, end))),
        createInflate({ finishFlush: 2 /* Z_SYNC_FLUSH: tolerate truncation */ }),
        counter,
      );
    } catch (error) {
      if (error instanceof DocumentReadError) throw error;
      // Not really zlib data, or damaged: PDF.js decides what to make of it.
    }
  }
}
