import type { DocumentKind } from './document-text.extractor';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ACCEPTED_UPLOAD_TYPES = ['application/pdf', DOCX_MIME, 'text/plain'] as const;

/**
 * What an upload really is, from its first bytes (the declared type and name only decide
 * between text flavours): a renamed image is not a PDF because it says so.
 */
export function detectDocumentKind(bytes: Buffer, declaredMime: string, fileName: string): DocumentKind | null {
  const name = fileName.toLowerCase();
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) {
    // A .docx is a zip; other zips (xlsx, odt, archives) are not resumes we can read.
    return declaredMime === DOCX_MIME || name.endsWith('.docx') ? 'docx' : null;
  }
  const declaredText =
    declaredMime.startsWith('text/plain') || declaredMime === 'text/markdown' || /\.(txt|md|text)$/.test(name);
  return declaredText ? 'text' : null;
}
