interface TokenizerJson {
  normalizer?: { type?: string; lowercase?: boolean; strip_accents?: boolean | null; handle_chinese_chars?: boolean };
  model?: { type?: string; unk_token?: string };
  padding?: { pad_token?: string } | null;
  added_tokens?: Array<{ content: string; special?: boolean }>;
}

/** Special tokens by the role BERT's tokenizer_config.json names them with. */
const SPECIAL_TOKEN_ROLES: Record<string, string> = {
  '[CLS]': 'cls_token',
  '[SEP]': 'sep_token',
  '[PAD]': 'pad_token',
  '[UNK]': 'unk_token',
  '[MASK]': 'mask_token',
};

/**
 * A tokenizer_config.json for a model source that ships only tokenizer.json (LangChain4j's jars):
 * everything in it is read off tokenizer.json itself (normalizer and special tokens), so it
 * describes exactly the tokenizer it sits beside. The embedder's own truncation length comes from
 * the model registry, never from this file.
 */
export function deriveTokenizerConfig(tokenizerJson: TokenizerJson): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  if (tokenizerJson.model?.type === 'WordPiece' && tokenizerJson.normalizer?.type === 'BertNormalizer') {
    config.tokenizer_class = 'BertTokenizer';
    config.do_lower_case = tokenizerJson.normalizer.lowercase ?? true;
    config.strip_accents = tokenizerJson.normalizer.strip_accents ?? null;
    config.tokenize_chinese_chars = tokenizerJson.normalizer.handle_chinese_chars ?? true;
  }
  for (const token of tokenizerJson.added_tokens ?? []) {
    const role = SPECIAL_TOKEN_ROLES[token.content];
    if (role && token.special !== false) config[role] = token.content;
  }
  if (tokenizerJson.model?.unk_token) config.unk_token = tokenizerJson.model.unk_token;
  if (tokenizerJson.padding?.pad_token) config.pad_token = tokenizerJson.padding.pad_token;
  return config;
}
