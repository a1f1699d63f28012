import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentWindows } from './long-text';
import type { Tokenizer } from '@huggingface/tokenizers' with { 'resolution-mode': 'import' };

// The package is ESM-typed but ships a CommonJS build (exports.require), which this CommonJS app loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Tokenizer: TokenizerClass } = require('@huggingface/tokenizers') as {
  Tokenizer: new (tokenizerJson: object, tokenizerConfig: object) => Tokenizer;
};

export interface TokenizedText {
  /** Token ids including the special tokens ([CLS] … [SEP] for BERT). */
  ids: number[];
}

/** Pre-tokenizers that split on whitespace before anything else (a cut at a space cannot change earlier tokens). */
const WHITESPACE_SPLITTING_PRE_TOKENIZERS = new Set(['BertPreTokenizer', 'WhitespaceSplit', 'Whitespace']);

/** Characters tokenized per attempt of the long-text shortcut, per content token needed. */
const CHARS_PER_TOKEN_GUESS = 8;

/**
 * A Hugging Face tokenizer.json (via @huggingface/tokenizers) with sentence-transformers truncation:
 * the content is cut to maxSeqLength minus the special tokens, then the template's special tokens
 * are added ([CLS] text [SEP] for BERT). The tokenizer.json's own truncation/padding settings are
 * ignored: the registry's maxSeqLength decides.
 */
export class TextTokenizer {
  private readonly prefixIds: number[];
  private readonly suffixIds: number[];
  private readonly canCutAtWhitespace: boolean;

  private constructor(
    private readonly tokenizer: Tokenizer,
    readonly maxSeqLength: number,
    preTokenizerType: string | undefined,
  ) {
    // Learn the special-token template from one probe: ids with specials = prefix + content + suffix.
    const content = tokenizer.encode('a', { add_special_tokens: false }).ids;
    const full = tokenizer.encode('a', { add_special_tokens: true }).ids;
    const at = full.findIndex((_: number, index: number) =>
      content.every((id: number, offset: number) => full[index + offset] === id),
    );
    if (content.length === 0 || at < 0) throw new Error('Cannot derive the special-token template of the tokenizer');
    this.prefixIds = full.slice(0, at);
    this.suffixIds = full.slice(at + content.length);
    if (maxSeqLength <= this.prefixIds.length + this.suffixIds.length) {
      throw new Error(`maxSeqLength ${maxSeqLength} leaves no room for content tokens`);
    }
    this.canCutAtWhitespace =
      preTokenizerType !== undefined && WHITESPACE_SPLITTING_PRE_TOKENIZERS.has(preTokenizerType);
  }

  static async load(modelPath: string, maxSeqLength: number): Promise<TextTokenizer> {
    const [tokenizerJson, tokenizerConfig] = await Promise.all(
      ['tokenizer.json', 'tokenizer_config.json'].map(
        async (file) => JSON.parse(await readFile(join(modelPath, file), 'utf8')) as Record<string, unknown>,
      ),
    );
    return TextTokenizer.fromJson(tokenizerJson, tokenizerConfig, maxSeqLength);
  }

  static fromJson(
    tokenizerJson: Record<string, unknown>,
    tokenizerConfig: Record<string, unknown>,
    maxSeqLength: number,
  ): TextTokenizer {
    const preTokenizer = tokenizerJson.pre_tokenizer as { type?: string } | null | undefined;
    return new TextTokenizer(new TokenizerClass(tokenizerJson, tokenizerConfig), maxSeqLength, preTokenizer?.type);
  }

  /** Content token ids (no special tokens), untruncated. */
  contentIds(text: string): number[] {
    return this.tokenizer.encode(text, { add_special_tokens: false }).ids;
  }

  /** Content tokens that fit in one model input next to the special tokens. */
  get contentBudget(): number {
    return this.maxSeqLength - this.prefixIds.length - this.suffixIds.length;
  }

  /** Ids fed to the model: special tokens around the content, truncated to maxSeqLength. */
  encode(text: string): number[] {
    return this.withSpecialTokens(this.truncatedContentIds(text, this.contentBudget));
  }

  /**
   * The text as consecutive model inputs of at most maxSeqLength ids each (special tokens around every
   * window), at most `maxWindows` of them; a text that fits gives exactly encode()'s one input.
   */
  encodeWindows(text: string, maxWindows: number): number[][] {
    const budget = this.contentBudget;
    const content = this.truncatedContentIds(text, budget * maxWindows);
    return contentWindows(content, budget, maxWindows).map((window) => this.withSpecialTokens(window));
  }

  private withSpecialTokens(content: number[]): number[] {
    return [...this.prefixIds, ...content, ...this.suffixIds];
  }

  /**
   * Long texts only need their first `budget` tokens. When the pre-tokenizer splits on whitespace,
   * tokenizing a prefix that ends at a space yields exactly the same leading tokens as the whole text,
   * so try a prefix first and fall back to the full text when it is too short to fill the budget.
   */
  private truncatedContentIds(text: string, budget: number): number[] {
    const guess = budget * CHARS_PER_TOKEN_GUESS;
    if (this.canCutAtWhitespace && text.length > guess * 1.25) {
      const cut = text.lastIndexOf(' ', guess);
      if (cut > 0) {
        const ids = this.contentIds(text.slice(0, cut));
        if (ids.length >= budget) return ids.slice(0, budget);
      }
    }
    const ids = this.contentIds(text);
    return ids.length > budget ? ids.slice(0, budget) : ids;
  }
}
