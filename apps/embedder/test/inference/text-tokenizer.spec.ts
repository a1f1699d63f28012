import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateWordPieceTokenizer, sharedMiniLmDir } from '@jobmatch/onnx-testkit';
import { preprocessText } from '../../src/inference/text-preprocessing';
import { TextTokenizer } from '../../src/inference/text-tokenizer';
import { ReferenceBertTokenizer } from './support/reference-bert-tokenizer';

const TRICKY_STRINGS = [
  'C++ developer',
  'C# / .NET engineer (ASP.NET Core 8)',
  'Node.js, Vue.js and node.JS',
  'TypeScript/JavaScript (ES2022), F# & Objective-C',
  '$120,000–$150,000/yr · 5+ years · 24/7 on-call',
  'Müller résumé naïve façade Ångström',
  'Développeur Full-Stack à Paris — télétravail',
  'İstanbul straße ﬁnance e\u0301cole',
  '東京のソフトウェアエンジニア 北京',
  'Инженер-программист, مهندس برمجيات',
  '🚀 Rockstar dev 👩‍💻🔥 ✅ remote ✔️',
  'tab\tnew\nline\r\n  spaces\u00a0nbsp',
  'zero\u200bwidth soft\u00adhyphen ctrl\u0007bell',
  'a'.repeat(150) + ' supercalifragilisticexpialidocious',
];

/** ~10 000 characters of varied job-posting text, with the tricky bits sprinkled in. */
function longText(): string {
  const parts: string[] = [];
  for (let index = 0; parts.join(' ').length < 10_000; index++) {
    parts.push(
      `Section ${index}: we build Node.js and C++ services on .NET; résumé 🚀 ${TRICKY_STRINGS[index % TRICKY_STRINGS.length]}`,
    );
  }
  return parts.join(' ').slice(0, 10_000);
}

function describeTokenizer(
  label: string,
  load: () => { tokenizerJson: Record<string, unknown>; tokenizerConfig: Record<string, unknown> },
): void {
  describe(label, () => {
    let tokenizer: TextTokenizer;
    let reference: ReferenceBertTokenizer;
    let cls: number;
    let sep: number;

    beforeAll(() => {
      const { tokenizerJson, tokenizerConfig } = load();
      tokenizer = TextTokenizer.fromJson(tokenizerJson, tokenizerConfig, 256);
      reference = ReferenceBertTokenizer.fromTokenizerJson(
        tokenizerJson as { model: { vocab: Record<string, number> } },
      );
      const vocab = (tokenizerJson as { model: { vocab: Record<string, number> } }).model.vocab;
      cls = vocab['[CLS]'];
      sep = vocab['[SEP]'];
    });

    it.each(TRICKY_STRINGS.map((text) => [JSON.stringify(text).slice(0, 60), text]))(
      'tokenizes %s like the reference',
      (_label, text) => {
        expect(tokenizer.contentIds(text)).toEqual(reference.ids(text));
        expect(tokenizer.encode(text)).toEqual([cls, ...reference.ids(text), sep]);
      },
    );

    it('truncates a 10 000-character input to 256 ids: [CLS] + the first 254 reference ids + [SEP]', () => {
      const text = longText();
      expect(text).toHaveLength(10_000);
      const ids = tokenizer.encode(preprocessText(text));
      expect(ids).toHaveLength(256);
      expect(ids).toEqual([cls, ...reference.ids(preprocessText(text)).slice(0, 254), sep]);
      // The prefix shortcut for long texts gives exactly what tokenizing everything gives.
      expect(ids.slice(1, -1)).toEqual(tokenizer.contentIds(preprocessText(text)).slice(0, 254));
    });

    it('honours a configured max length', () => {
      const { tokenizerJson, tokenizerConfig } = load();
      const short = TextTokenizer.fromJson(tokenizerJson, tokenizerConfig, 8);
      const ids = short.encode('Senior C++ developer for Node.js services in Paris');
      expect(ids).toHaveLength(8);
      expect(ids).toEqual([
        cls,
        ...reference.ids('Senior C++ developer for Node.js services in Paris').slice(0, 6),
        sep,
      ]);
    });
  });
}

const sharedDir = sharedMiniLmDir();
const readJson = (dir: string, file: string) =>
  JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;

if (sharedDir) {
  describeTokenizer('real all-MiniLM-L6-v2 tokenizer (../shared)', () => ({
    tokenizerJson: readJson(sharedDir, 'tokenizer.json'),
    tokenizerConfig: readJson(sharedDir, 'tokenizer_config.json'),
  }));
}

// The real vocabulary lives only in ../shared, which a machine may lack: without it these
// checks are reported as skipped, with the reason in their name, never silently dropped.
(sharedDir ? describe : describe.skip)(
  `real all-MiniLM-L6-v2 tokenizer: known bert-base-uncased ids${sharedDir ? '' : ' (skipped: ../shared/models/all-MiniLM-L6-v2 is absent)'}`,
  () => {
    it('gives the well-known ids for plain words', async () => {
      const tokenizer = await TextTokenizer.load(sharedDir!, 256);
      expect(tokenizer.encode('Hello world')).toEqual([101, 7592, 2088, 102]);
      expect(tokenizer.encode('C++')).toEqual([101, 1039, 1009, 1009, 102]);
      expect(tokenizer.encode('🚀')).toEqual([101, 100, 102]); // emoji → [UNK]
    });
  },
);

// Runs everywhere: same checks against the project's generated WordPiece vocabulary.
describeTokenizer('generated WordPiece tokenizer (@jobmatch/onnx-testkit)', () => {
  const generated = generateWordPieceTokenizer();
  return { tokenizerJson: generated.tokenizerJson, tokenizerConfig: generated.tokenizerConfigJson };
});

describe('preprocessText', () => {
  it('trims and collapses every whitespace run', () => {
    expect(preprocessText('  Senior\t\tengineer \n\n remote\u00a0ok  ')).toBe('Senior engineer remote ok');
  });

  it('caps at 8 000 characters without splitting a surrogate pair', () => {
    expect(preprocessText('x'.repeat(9_000))).toHaveLength(8_000);
    const text = 'x'.repeat(7_999) + '🚀🚀';
    const capped = preprocessText(text);
    expect(capped).toBe('x'.repeat(7_999));
    expect(preprocessText('abc def', 5)).toBe('abc d');
  });
});
