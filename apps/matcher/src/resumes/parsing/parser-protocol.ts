/** Messages between DocumentTextExtractor and its parser worker (parser.worker.ts). */
export interface ParserRequest {
  kind: 'pdf' | 'docx';
  bytes: Uint8Array;
  maxPages: number;
}

export type ParserResult =
  | { ok: true; text: string; pages: number | null }
  | { ok: false; reason: 'unreadable' | 'encrypted' | 'too-many-pages'; message: string };
