/**
 * A document parser's own process (forked by DocumentParserPool): PDF.js (unpdf) and mammoth run
 * here, so whatever an untrusted file makes them allocate — V8 heap or native zlib/Buffer memory —
 * counts against this process, which the pool kills past its budget, and never against the API.
 * It loads both parsers, says it is ready, then answers one ParseResult per ParseRequest, one at a
 * time, until the pool retires it.
 */
import {
  DocumentReadError,
  PARSE_MESSAGES,
  type DocumentLimits,
  type ParseRequest,
  type ParseResult,
} from './parse-protocol';
import { verifyActualZipSizes } from './zip-limits';

const parsers = Promise.all([import('unpdf'), import('mammoth')]);

async function parsePdf(bytes: Uint8Array, limits: DocumentLimits): Promise<ParseResult> {
  const [{ getDocumentProxy, extractText }] = await parsers;
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js refuses a Buffer (what arrives over IPC): a plain Uint8Array view of the same memory.
    pdf = await getDocumentProxy(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if ((error as { name?: string })?.name === 'PasswordException') {
      return { ok: false, reason: 'encrypted', message: PARSE_MESSAGES.pdfEncrypted };
    }
    return { ok: false, reason: 'unreadable', message: PARSE_MESSAGES.pdfUnreadable };
  }
  if (pdf.numPages > limits.maxPages) {
    return { ok: false, reason: 'too-many-pages', message: PARSE_MESSAGES.tooManyPages(pdf.numPages, limits.maxPages) };
  }
  const { text } = await extractText(pdf, { mergePages: false });
  return { ok: true, text: text.join('\n\n'), pages: pdf.numPages };
}

async function parseDocx(bytes: Uint8Array, limits: DocumentLimits): Promise<ParseResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await verifyActualZipSizes(buffer, limits);
  const [, mammoth] = await parsers;
  try {
    const result = await mammoth.extractRawText({ buffer });
    return { ok: true, text: result.value, pages: null };
  } catch {
    return { ok: false, reason: 'unreadable', message: PARSE_MESSAGES.docxUnreadable };
  }
}

async function parse(request: ParseRequest): Promise<ParseResult> {
  try {
    return request.kind === 'pdf'
      ? await parsePdf(request.bytes, request.limits)
      : await parseDocx(request.bytes, request.limits);
  } catch (error) {
    if (error instanceof DocumentReadError) return { ok: false, reason: error.reason, message: error.message };
    return { ok: false, reason: 'unreadable', message: PARSE_MESSAGES.damaged };
  }
}

process.on('message', (request: ParseRequest) => {
  void parse(request).then((result) => process.send!(result));
});
void parsers.then(() => process.send!('ready'));
