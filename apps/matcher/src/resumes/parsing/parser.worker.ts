/**
 * The parser worker thread: reads one PDF or DOCX sent by DocumentTextExtractor and answers with
 * its text or a reason. A worker so a hostile document can only exhaust the worker's own heap
 * (resourceLimits) and time. unpdf loads its PDF.js bundle with a native dynamic import, which
 * works in a worker thread. Runs as a built .js, or as this .ts in tests (workerScriptPath): only
 * erasable TypeScript and dynamic imports, so both forms behave the same.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { ParserRequest, ParserResult } from './parser-protocol';

interface ParserWorkerData {
  unpdfPath: string;
  mammothPath: string;
}

const paths = workerData as ParserWorkerData;

async function parsePdf(bytes: Uint8Array, maxPages: number): Promise<ParserResult> {
  const { getDocumentProxy, extractText } = (await import(pathToFileURL(paths.unpdfPath).href)) as typeof import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(bytes);
  } catch (error) {
    if ((error as { name?: string } | null)?.name === 'PasswordException') {
      return { ok: false, reason: 'encrypted', message: 'The PDF is password-protected. Upload a copy without a password.' };
    }
    return { ok: false, reason: 'unreadable', message: 'The PDF could not be read; it may be damaged or not a real PDF.' };
  }
  if (pdf.numPages > maxPages) {
    return { ok: false, reason: 'too-many-pages', message: `The PDF has ${pdf.numPages} pages; resumes are limited to ${maxPages} pages.` };
  }
  const { text } = await extractText(pdf, { mergePages: false });
  return { ok: true, text: text.join('\n\n'), pages: pdf.numPages };
}

async function parseDocx(bytes: Uint8Array): Promise<ParserResult> {
  const loaded = (await import(pathToFileURL(paths.mammothPath).href)) as typeof import('mammoth') & { default?: typeof import('mammoth') };
  const mammoth = loaded.default ?? loaded;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { ok: true, text: result.value, pages: null };
  } catch {
    return { ok: false, reason: 'unreadable', message: 'The Word document could not be read; it may be damaged or not a real .docx file.' };
  }
}

parentPort!.once('message', (request: ParserRequest) => {
  const parsed = request.kind === 'pdf' ? parsePdf(request.bytes, request.maxPages) : parseDocx(request.bytes);
  parsed.then(
    (result) => parentPort!.postMessage(result),
    () => parentPort!.postMessage({ ok: false, reason: 'unreadable', message: 'The document could not be read; it may be damaged.' } satisfies ParserResult),
  );
});
