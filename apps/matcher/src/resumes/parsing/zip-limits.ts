import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { DocumentReadError, PARSE_MESSAGES, type DocumentLimits } from './parse-protocol';

const ONE_MB = 1024 * 1024;

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error || !zip ? reject(new DocumentReadError('unreadable', PARSE_MESSAGES.docxUnreadable)) : resolve(zip),
    ),
  );
}

/** Visits every central-directory entry in order; `visit` may return a promise (the next entry waits for it). */
async function forEachEntry(zip: yauzl.ZipFile, visit: (entry: yauzl.Entry) => Promise<void> | void): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      // .then() so that a visit that throws synchronously rejects too, instead of escaping the handler.
      Promise.resolve(entry)
        .then(visit)
        .then(
          () => zip.readEntry(),
          (error: unknown) => {
            zip.close();
            reject(error);
          },
        );
    });
    zip.on('end', () => resolve());
    zip.on('error', () => reject(new DocumentReadError('unreadable', PARSE_MESSAGES.docxUnreadable)));
    zip.readEntry();
  });
}

/**
 * Refuses a zip (.docx) from its central directory alone, before anything is inflated: too many
 * entries, too large in total once unpacked, or an entry compressed far beyond what text and
 * images compress to (a decompression bomb). Cheap: reads a few bytes per entry.
 */
export async function checkDeclaredZipSizes(bytes: Buffer, limits: DocumentLimits): Promise<void> {
  const zip = await openZip(bytes);
  let entries = 0;
  let total = 0;
  await forEachEntry(zip, (entry) => {
    entries++;
    total += entry.uncompressedSize;
    if (entries > limits.maxZipEntries) throw new DocumentReadError('too-large', PARSE_MESSAGES.zipEntries(limits));
    if (total > limits.maxUnzippedBytes) throw new DocumentReadError('too-large', PARSE_MESSAGES.zipTooLarge(limits));
    if (/\.(xml|rels)$/i.test(entry.fileName) && entry.uncompressedSize > limits.maxXmlEntryBytes) {
      throw new DocumentReadError('too-large', PARSE_MESSAGES.xmlTooLarge(limits));
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > ONE_MB && ratio > limits.maxCompressionRatio) {
      throw new DocumentReadError('too-large', PARSE_MESSAGES.zipRatio);
    }
  });
}

/**
 * Inflates every entry as a stream into nothing, counting bytes: proves the entries unpack to
 * what the central directory declares (yauzl fails a stream that runs past its declared size) and
 * that the total stays under the cap, with memory bounded by zlib's window, before a parser that
 * inflates whole entries into memory (mammoth) ever sees the file.
 */
export async function verifyActualZipSizes(bytes: Buffer, limits: DocumentLimits): Promise<void> {
  const zip = await openZip(bytes);
  let total = 0;
  await forEachEntry(zip, async (entry) => {
    if (entry.fileName.endsWith('/')) return;
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (error, opened) =>
        error || !opened ? reject(new DocumentReadError('unreadable', PARSE_MESSAGES.docxUnreadable)) : resolve(opened),
      ),
    );
    const counter = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        total += chunk.length;
        callback(
          total > limits.maxUnzippedBytes
            ? new DocumentReadError('too-large', PARSE_MESSAGES.zipTooLarge(limits))
            : null,
        );
      },
    });
    try {
      await pipeline(stream, counter);
    } catch (error) {
      if (error instanceof DocumentReadError) throw error;
      // yauzl: "too many bytes in the stream" — the entry lies about its size.
      throw new DocumentReadError('too-large', PARSE_MESSAGES.zipRatio);
    }
  });
}
