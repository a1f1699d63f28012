export interface ParserRequest {
  kind: 'pdf' | 'docx';
  bytes: Uint8Array;
  maxPages: number;
}

export type ParserResult =
  | { ok: true; text: string; pages: number | null }
  | { ok: false; reason: 'unreadable' | 'encrypted' | 'too-many-pages'; message: string };

/**
 * Source of the parser worker (plain CommonJS, run with `eval: true`): a string rather than a file
 * so the same code runs from the TypeScript sources under jest and from dist in production.
 * unpdf loads its PDF.js bundle with a native dynamic import, which works in a worker thread.
 */
export const PARSER_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');

async function parsePdf(bytes, maxPages) {
  const { getDocumentProxy, extractText } = require(workerData.unpdfPath);
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes);
  } catch (error) {
    if (error && error.name === 'PasswordException') {
      return { ok: false, reason: 'encrypted', message: 'The PDF is password-protected. Upload a copy without a password.' };
    }
    return { ok: false, reason: 'unreadable', message: 'The PDF could not be read; it may be damaged or not a real PDF.' };
  }
  if (pdf.numPages > maxPages) {
    return { ok: false, reason: 'too-many-pages', message: 'The PDF has ' + pdf.numPages + ' pages; resumes are limited to ' + maxPages + ' pages.' };
  }
  const { text } = await extractText(pdf, { mergePages: false });
  return { ok: true, text: text.join('\n\n'), pages: pdf.numPages };
}

async function parseDocx(bytes) {
  const mammoth = require(workerData.mammothPath);
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { ok: true, text: result.value, pages: null };
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: 'The Word document could not be read; it may be damaged or not a real .docx file.' };
  }
}

parentPort.once('message', async (request) => {
  try {
    const result = request.kind === 'pdf' ? await parsePdf(request.bytes, request.maxPages) : await parseDocx(request.bytes);
    parentPort.postMessage(result);
  } catch (error) {
    parentPort.postMessage({ ok: false, reason: 'unreadable', message: 'The document could not be read; it may be damaged.' });
  }
});
`;
