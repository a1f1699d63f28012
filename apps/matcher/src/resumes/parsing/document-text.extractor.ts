import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { DocumentParserPool } from './document-parser-pool';
import { DocumentReadError, type DocumentLimits } from './parse-protocol';
import { checkPdfStreamSizes } from './pdf-limits';
import { checkDeclaredZipSizes } from './zip-limits';

export { DocumentReadError } from './parse-protocol';

export type DocumentKind = 'pdf' | 'docx' | 'text';

/** Limits no resume comes near; files past them are refused before or while they are opened. */
export const ZIP_LIMITS = {
  maxUnzippedBytes: 40 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxZipEntries: 2000,
  maxXmlEntryBytes: 8 * 1024 * 1024,
};
const PDF_MAX_INFLATED_BYTES = 48 * 1024 * 1024;

/**
 * Extracts plain text from uploaded documents. A .docx is first checked from its zip directory
 * (sizes, ratios, entry count) without inflating anything; then PDF (unpdf) and DOCX (mammoth)
 * parsing runs in a child process per document with a memory and time budget (DocumentParserPool),
 * so a hostile file costs that process, never the API, and the parsers' modules never add to the
 * API's resident memory.
 */
@Injectable()
export class DocumentTextExtractor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly limits: DocumentLimits;
  private readonly pool: DocumentParserPool;

  constructor(
    @Inject(APP_CONFIG)
    config: Pick<
      AppConfig,
      'UPLOAD_MAX_PAGES' | 'PARSER_CONCURRENCY' | 'PARSER_MEMORY_MB' | 'PARSER_TIMEOUT_MS' | 'PARSER_IDLE_MS'
    >,
  ) {
    this.limits = { maxPages: config.UPLOAD_MAX_PAGES, ...ZIP_LIMITS };
    this.pool = new DocumentParserPool({
      concurrency: config.PARSER_CONCURRENCY,
      memoryBudgetMb: config.PARSER_MEMORY_MB,
      timeoutMs: config.PARSER_TIMEOUT_MS,
      idleMs: config.PARSER_IDLE_MS,
    });
  }

  async extract(kind: DocumentKind, bytes: Buffer): Promise<{ text: string; pages: number | null }> {
    if (kind === 'text') return { text: decodeText(bytes), pages: null };
    // Cheap checks first, here: most hostile files are refused before any parser process starts.
    if (kind === 'docx') await checkDeclaredZipSizes(bytes, this.limits);
    else await checkPdfStreamSizes(bytes, PDF_MAX_INFLATED_BYTES);
    // The Buffer itself (a Uint8Array): serializing it for the parser is the one copy.
    return this.pool.parse({ kind, bytes, limits: this.limits });
  }

  onApplicationBootstrap(): void {
    this.pool.warmUp();
  }

  onModuleDestroy(): void {
    this.pool.close();
  }
}

/** UTF-8 text (BOM stripped); anything with NUL bytes or invalid UTF-8 is not plain text. */
export function decodeText(bytes: Buffer): string {
  if (bytes.includes(0))
    throw new DocumentReadError('unreadable', 'The file is not plain text (it contains binary data).');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DocumentReadError(
      'unreadable',
      'The text file is not valid UTF-8. Save it as UTF-8 and upload it again.',
    );
  }
}
