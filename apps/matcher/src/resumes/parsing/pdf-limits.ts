import { once } from 'node:events';
import { constants, createInflate } from 'node:zlib';
import { DocumentReadError } from './parse-protocol';

const STREAM_KEYWORD = Buffer.from('stream');

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Past this much output, a stream that has grown more than MAX_RATIO times the input read so far is a bomb. */
const RATIO_CHECK_AFTER_BYTES = 256 * 1024;
const MAX_RATIO = 200;
/** zlib inflates a whole written slice at once, so a slice's output is bounded by this × its ratio. */
const SLICE_BYTES = 1024;

/** One check at a time per process: its garbage (inflated output not yet collected) stays that of one stream. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Inflates every Flate-compressed stream of a PDF into nothing, counting bytes, and refuses the
 * file when they unpack to more than `maxInflatedBytes` in all, or when one stream grows past
 * 256 KB at more than 200 times the input read so far (text compresses about 10×): a
 * decompression bomb hidden in a content stream or an object stream, refused after about 256 KB
 * of output. Streams that are not zlib data (other filters, plain streams) are skipped.
 */
export function checkPdfStreamSizes(bytes: Buffer, maxInflatedBytes: number): Promise<void> {
  const run = queue.then(() => checkStreams(bytes, maxInflatedBytes));
  queue = run.catch(() => undefined);
  return run;
}

async function checkStreams(bytes: Buffer, maxInflatedBytes: number): Promise<void> {
  let total = 0;
  // Searched in the Buffer itself: no string copy of the file on the heap.
  for (
    let at = bytes.indexOf(STREAM_KEYWORD);
    at >= 0;
    at = bytes.indexOf(STREAM_KEYWORD, at + STREAM_KEYWORD.length)
  ) {
    let start = at + STREAM_KEYWORD.length;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a) continue; // "endstream", or "stream" inside other bytes
    start++;
    const end = bytes.indexOf('endstream', start, 'latin1');
    if (end < 0) break;
    // zlib data starts with 0x78 (deflate, 32 KB window) followed by a valid check byte.
    if (end - start < 2 || bytes[start] !== 0x78 || ((bytes[start] << 8) | bytes[start + 1]) % 31 !== 0) continue;
    const verdict = await inflateCounting(bytes.subarray(start, end), maxInflatedBytes - total);
    if (verdict === 'bomb') {
      throw new DocumentReadError(
        'too-large',
        'The PDF is compressed suspiciously well (a decompression bomb?) and was not opened.',
      );
    }
    if (verdict === 'over') {
      throw new DocumentReadError(
        'too-large',
        `The PDF unpacks to more than ${megabytes(maxInflatedBytes)}; resumes are far smaller.`,
      );
    }
    total += verdict;
  }
}

/** Inflates `data` slice by slice (each written only after the last one is done); the bytes it unpacks to, or why it stopped. */
async function inflateCounting(data: Buffer, budget: number): Promise<number | 'bomb' | 'over'> {
  const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH /* tolerate truncation */ });
  let inflated = 0;
  inflate.on('data', (chunk: Buffer) => (inflated += chunk.length));
  const failed = once(inflate, 'error').then(() => 'damaged' as const);
  // zlib ends its output at the end of the deflate data, possibly before all input is written (trailing bytes).
  const ended = once(inflate, 'end').then(() => 'done' as const);
  try {
    for (let offset = 0; offset < data.length; offset += SLICE_BYTES) {
      const written = new Promise<'written'>((resolve) =>
        inflate.write(data.subarray(offset, offset + SLICE_BYTES), () => resolve('written')),
      );
      const step = await Promise.race([written, failed, ended]);
      if (step !== 'written') return inflated <= budget ? inflated : 'over';
      const consumed = Math.min(offset + SLICE_BYTES, data.length);
      if (inflated > RATIO_CHECK_AFTER_BYTES && inflated / consumed > MAX_RATIO) return 'bomb';
      if (inflated > budget) return 'over';
    }
    inflate.end();
    await Promise.race([ended, failed]);
    // Damaged or not really zlib data: PDF.js decides what to make of it; what it unpacked counts.
    return inflated <= budget ? inflated : 'over';
  } finally {
    inflate.destroy();
  }
}
