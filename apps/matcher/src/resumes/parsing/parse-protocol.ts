/** Messages between the matcher and a document-parser child process (parser-child.ts). */

export type ParseKind = 'pdf' | 'docx';

export interface DocumentLimits {
  maxPages: number;
  /** Largest total uncompressed size of a .docx's zip entries (declared and actual). */
  maxUnzippedBytes: number;
  /** Largest uncompressed/compressed ratio of one zip entry above 1 MB. */
  maxCompressionRatio: number;
  maxZipEntries: number;
  /** Largest uncompressed XML part (document.xml and friends; a real resume's is well under 1 MB). */
  maxXmlEntryBytes: number;
}

export interface ParseRequest {
  kind: ParseKind;
  bytes: Uint8Array;
  limits: DocumentLimits;
}

export type ParseFailureReason =
  'unreadable' | 'encrypted' | 'too-many-pages' | 'too-large' | 'too-complex' | 'timeout';

export type ParseResult =
  { ok: true; text: string; pages: number | null } | { ok: false; reason: ParseFailureReason; message: string };

/** Why a document gave no text; each maps to an HTTP status with a message for people. */
export class DocumentReadError extends Error {
  constructor(
    readonly reason: ParseFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentReadError';
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export const PARSE_MESSAGES = {
  zipTooLarge: (limits: DocumentLimits) =>
    `The Word document unpacks to more than ${megabytes(limits.maxUnzippedBytes)}; resumes are far smaller. Upload a smaller file.`,
  zipRatio: 'The Word document is compressed suspiciously well (a "zip bomb"?) and was not opened.',
  zipEntries: (limits: DocumentLimits) =>
    `The Word document has more than ${limits.maxZipEntries} parts and was not opened.`,
  xmlTooLarge: (limits: DocumentLimits) =>
    `The Word document's text part is larger than ${megabytes(limits.maxXmlEntryBytes)}; resumes are far smaller.`,
  docxUnreadable: 'The Word document could not be read; it may be damaged or not a real .docx file.',
  pdfUnreadable: 'The PDF could not be read; it may be damaged or not a real PDF.',
  pdfEncrypted: 'The PDF is password-protected. Upload a copy without a password.',
  tooManyPages: (pages: number, maxPages: number) =>
    `The PDF has ${pages} pages; resumes are limited to ${maxPages} pages.`,
  tooComplex: 'The document is too complex to read within the memory limit.',
  timeout: 'The document took too long to read. Try a smaller or simpler file.',
  damaged: 'The document could not be read; it may be damaged.',
} as const;
