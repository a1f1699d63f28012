/**
 * An independent, straightforward implementation of BERT's uncased tokenization, written from the
 * algorithm of Hugging Face tokenizers' BertNormalizer + BertPreTokenizer + WordPiece (the Rust
 * crate sentence-transformers uses), to check the ids our pipeline produces. It shares no code with
 * @huggingface/tokenizers.
 */
export class ReferenceBertTokenizer {
  constructor(
    private readonly vocab: Map<string, number>,
    private readonly unkToken = '[UNK]',
    private readonly maxInputCharsPerWord = 100,
  ) {}

  static fromTokenizerJson(json: { model: { vocab: Record<string, number> } }): ReferenceBertTokenizer {
    return new ReferenceBertTokenizer(new Map(Object.entries(json.model.vocab)));
  }

  /** Content ids, no special tokens. */
  ids(text: string): number[] {
    return this.wordPieces(text).map((piece) => this.vocab.get(piece)!);
  }

  wordPieces(text: string): string[] {
    return this.preTokenize(this.normalize(text)).flatMap((word) => this.wordPiece(word));
  }

  private normalize(text: string): string {
    let cleaned = '';
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code === 0 || code === 0xfffd || isControl(char)) continue;
      if (isWhitespace(char)) cleaned += ' ';
      else if (isChineseChar(code)) cleaned += ` ${char} `;
      else cleaned += char;
    }
    // lowercase=true with strip_accents unset strips accents too: NFD, drop nonspacing marks, lowercase.
    return cleaned
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .toLowerCase();
  }

  private preTokenize(text: string): string[] {
    const words: string[] = [];
    let current = '';
    for (const char of text) {
      if (isWhitespace(char)) {
        if (current) words.push(current);
        current = '';
      } else if (isPunctuation(char)) {
        if (current) words.push(current);
        words.push(char);
        current = '';
      } else {
        current += char;
      }
    }
    if (current) words.push(current);
    return words;
  }

  private wordPiece(word: string): string[] {
    const chars = Array.from(word);
    if (chars.length > this.maxInputCharsPerWord) return [this.unkToken];
    const pieces: string[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let found: string | null = null;
      while (start < end) {
        const candidate = (start > 0 ? '##' : '') + chars.slice(start, end).join('');
        if (this.vocab.has(candidate)) {
          found = candidate;
          break;
        }
        end -= 1;
      }
      if (found === null) return [this.unkToken];
      pieces.push(found);
      start = end;
    }
    return pieces;
  }
}

function isWhitespace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || /\p{Zs}/u.test(char);
}

function isControl(char: string): boolean {
  if (char === '\t' || char === '\n' || char === '\r') return false;
  return /\p{C}/u.test(char);
}

function isPunctuation(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  )
    return true;
  return /\p{P}/u.test(char);
}

function isChineseChar(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x20000 && code <= 0x2a6df) ||
    (code >= 0x2a700 && code <= 0x2b73f) ||
    (code >= 0x2b740 && code <= 0x2b81f) ||
    (code >= 0x2b820 && code <= 0x2ceaf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x2f800 && code <= 0x2fa1f)
  );
}
