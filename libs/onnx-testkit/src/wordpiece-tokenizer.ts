/**
 * A small BERT-style WordPiece tokenizer.json (same normalizer, pre-tokenizer, post-processor and
 * decoder as bert-base-uncased / all-MiniLM-L6-v2), used when the real MiniLM tokenizer files are not
 * available. Its vocabulary is small, so ids differ from the real tokenizer, but every character of
 * the printable ASCII range and common job-posting words tokenize without [UNK].
 */
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

const COMMON_WORDS = `
the a an and or of to in for with on at by from as is are be we you our your will this that it
senior junior lead staff principal engineer developer software backend frontend full stack fullstack
data scientist analyst manager product designer devops sre cloud platform mobile web security
team experience years year skills required requirements nice have plus strong knowledge work remote
hybrid office salary benefits company build design develop maintain services systems applications
api apis rest graphql microservices database databases sql postgres postgresql mysql mongodb redis
kafka rabbitmq docker kubernetes aws azure gcp terraform linux git ci cd testing tests
javascript typescript node js react angular vue python java go golang rust ruby rails php scala
kotlin swift c net dotnet machine learning ml ai nlp pytorch tensorflow spark hadoop airflow
communication english degree computer science responsibilities job description about us role
`;

const SUBWORDS = ['s', 'ed', 'ing', 'er', 'ers', 'ly', 'ment', 'tion', 'able', 'al', 'ic', 'ist'];

export interface GeneratedTokenizerFiles {
  tokenizerJson: Record<string, unknown>;
  tokenizerConfigJson: Record<string, unknown>;
  vocabSize: number;
}

export function generateWordPieceTokenizer(): GeneratedTokenizerFiles {
  const tokens: string[] = [...SPECIAL_TOKENS];
  const add = (token: string) => {
    if (!tokens.includes(token)) tokens.push(token);
  };
  const printable: string[] = [];
  for (let code = 0x21; code < 0x7f; code++) {
    const char = String.fromCharCode(code);
    if (char < 'A' || char > 'Z') printable.push(char); // the normalizer lower-cases
  }
  printable.forEach(add);
  printable.forEach((char) => add(`##${char}`));
  COMMON_WORDS.split(/\s+/).filter(Boolean).forEach(add);
  SUBWORDS.forEach((piece) => add(`##${piece}`));
  const vocab = Object.fromEntries(tokens.map((token, id) => [token, id]));

  const special = (content: string) => ({
    id: vocab[content],
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const tokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  };
  const tokenizerConfigJson = {
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    do_basic_tokenize: true,
    do_lower_case: true,
    mask_token: '[MASK]',
    model_max_length: 512,
    never_split: null,
    pad_token: '[PAD]',
    sep_token: '[SEP]',
    strip_accents: null,
    tokenize_chinese_chars: true,
    tokenizer_class: 'BertTokenizer',
    unk_token: '[UNK]',
  };
  return { tokenizerJson, tokenizerConfigJson, vocabSize: tokens.length };
}
