import { prepareTestModelDir, type TestModelDir } from '@jobmatch/onnx-testkit';
import { contentWindows, sectionAwareText, weightedMeanVector } from '../../src/inference/long-text';
import { OnnxEmbeddingProvider } from '../../src/inference/onnx-embedding-provider';

const norm = (vector: Float32Array) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
const maxAbsDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((max, value, index) => Math.max(max, Math.abs(value - b[index]!)), 0);

describe('contentWindows', () => {
  it('cuts ids into consecutive windows of at most the budget, the last one shorter', () => {
    const ids = Array.from({ length: 10 }, (_, index) => index);
    expect(contentWindows(ids, 4)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(contentWindows(ids, 5)).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
    expect(contentWindows(ids, 20)).toEqual([ids]);
  });

  it('stops at maxWindows and keeps one (empty) window for an empty text', () => {
    expect(
      contentWindows(
        Array.from({ length: 100 }, (_, index) => index),
        10,
        3,
      ),
    ).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      [20, 21, 22, 23, 24, 25, 26, 27, 28, 29],
    ]);
    expect(contentWindows([], 10)).toEqual([[]]);
    expect(() => contentWindows([1], 0)).toThrow('budget');
  });
});

describe('weightedMeanVector', () => {
  it('weighs each vector by its tokens and re-normalizes', () => {
    const mean = weightedMeanVector([Float32Array.from([1, 0]), Float32Array.from([0, 1])], [3, 1]);
    expect(mean[0]! / mean[1]!).toBeCloseTo(3, 5);
    expect(norm(mean)).toBeCloseTo(1, 6);
  });

  it('returns a single vector unchanged and refuses mismatched weights', () => {
    const only = Float32Array.from([0.6, 0.8]);
    expect(weightedMeanVector([only], [7])).toBe(only);
    expect(() => weightedMeanVector([only], [])).toThrow('one weight per vector');
  });
});

describe('sectionAwareText', () => {
  const resume = [
    'Jane Doe',
    'EDUCATION',
    'B.S. Computer Science, 2016',
    'EXPERIENCE',
    'Senior Engineer, Acme, 2020 - present',
    'Engineer, Initech, 2016 - 2020',
    'Skills: Go, Rust, Kubernetes',
    'SUMMARY',
    'Systems engineer with 8 years of experience.',
    'References available on request',
  ].join('\n');

  it('puts the opening lines first, then summary and skills, then experience in written order, then the rest', () => {
    expect(sectionAwareText(resume).split('\n')).toEqual([
      'Jane Doe',
      'Skills: Go, Rust, Kubernetes',
      'SUMMARY',
      'Systems engineer with 8 years of experience.',
      'References available on request',
      'EXPERIENCE',
      'Senior Engineer, Acme, 2020 - present',
      'Engineer, Initech, 2016 - 2020',
      'EDUCATION',
      'B.S. Computer Science, 2016',
    ]);
  });

  it('recognises posting headings (requirements, what we offer) and markdown or colon forms', () => {
    const posting = [
      'Data Engineer',
      '## About us',
      'We sell groceries.',
      "**What you'll do:**",
      'Build pipelines.',
      'Requirements:',
      '- SQL',
    ].join('\n');
    expect(sectionAwareText(posting).split('\n')).toEqual([
      'Data Engineer',
      "**What you'll do:**",
      'Build pipelines.',
      'Requirements:',
      '- SQL',
      '## About us',
      'We sell groceries.',
    ]);
  });

  it('leaves a text without recognised headings unchanged', () => {
    const prose = 'Registered nurse with 7 years on medical-surgical units.\nBLS, ACLS.';
    expect(sectionAwareText(prose)).toBe(prose);
  });
});

describe('OnnxEmbeddingProvider long-text strategies on a generated tiny BERT (mechanics, not meaning)', () => {
  let model: TestModelDir;
  const providers: Partial<Record<'truncate' | 'windows' | 'sections', OnnxEmbeddingProvider>> = {};

  beforeAll(async () => {
    model = await prepareTestModelDir({ preset: 'tiny' });
    for (const longText of ['truncate', 'windows', 'sections'] as const) {
      providers[longText] = await OnnxEmbeddingProvider.create({
        modelPath: model.modelPath,
        spec: model.spec,
        intraOpThreads: 1,
        longText,
      });
    }
  });

  afterAll(async () => {
    for (const provider of Object.values(providers)) await provider?.close();
  });

  /** Words the generated tokenizer keeps as one token (so window boundaries are known exactly). */
  function singleTokenWords(count: number): string[] {
    const candidates = [
      'engineer',
      'developer',
      'remote',
      'senior',
      'python',
      'java',
      'data',
      'cloud',
      'nurse',
      'sales',
    ];
    const words = candidates.filter((word) => providers.truncate!.tokenize(word).length === 3);
    expect(words.length).toBeGreaterThanOrEqual(count);
    return words.slice(0, count);
  }

  it('embeds a short text identically with every strategy', async () => {
    const text = 'Senior backend engineer, Node.js and PostgreSQL';
    const [truncated] = await providers.truncate!.embed([text]);
    expect(providers.windows!.modelInputs(text)).toHaveLength(1);
    for (const strategy of ['windows', 'sections'] as const) {
      const [vector] = await providers[strategy]!.embed([text]);
      expect(maxAbsDiff(vector!, truncated!)).toBeLessThan(1e-6);
    }
  });

  it('windows: the token-weighted mean of the embeddings of each 256-token window', async () => {
    const [first, second] = singleTokenWords(2);
    const firstWindow = Array.from({ length: 254 }, () => first).join(' ');
    const secondWindow = Array.from({ length: 100 }, () => second).join(' ');
    const inputs = providers.windows!.modelInputs(`${firstWindow} ${secondWindow}`);
    expect(inputs.map((ids) => ids.length)).toEqual([256, 102]);
    const [combined] = await providers.windows!.embed([`${firstWindow} ${secondWindow}`]);
    const [a, b] = await providers.truncate!.embed([firstWindow, secondWindow]);
    expect(maxAbsDiff(combined!, weightedMeanVector([a!, b!], [254, 100]))).toBeLessThan(1e-5);
    // Truncation drops the second window entirely.
    const [truncated] = await providers.truncate!.embed([`${firstWindow} ${secondWindow}`]);
    expect(maxAbsDiff(truncated!, a!)).toBeLessThan(1e-5);
  });

  it('windows: texts of one and several windows in one call each get their own vector, in order', async () => {
    const [word] = singleTokenWords(1);
    const long = Array.from({ length: 600 }, () => word).join(' ');
    const vectors = await providers.windows!.embed(['short text', long, 'another short text']);
    const alone = await Promise.all(
      ['short text', long, 'another short text'].map(async (text) => (await providers.windows!.embed([text]))[0]!),
    );
    expect(vectors).toHaveLength(3);
    vectors.forEach((vector, index) => expect(maxAbsDiff(vector, alone[index]!)).toBeLessThan(1e-5));
  });

  it('sections: embeds the reordered text, so a summary written last still reaches the window', async () => {
    const [filler] = singleTokenWords(1);
    const resume = [
      'EDUCATION',
      Array.from({ length: 400 }, () => filler).join(' '),
      'SUMMARY',
      'Python developer building data pipelines',
    ].join('\n');
    const [sections] = await providers.sections!.embed([resume]);
    const [reordered] = await providers.truncate!.embed([sectionAwareText(resume)]);
    const [truncated] = await providers.truncate!.embed([resume]);
    expect(maxAbsDiff(sections!, reordered!)).toBeLessThan(1e-6);
    expect(maxAbsDiff(sections!, truncated!)).toBeGreaterThan(1e-3);
  });
});
