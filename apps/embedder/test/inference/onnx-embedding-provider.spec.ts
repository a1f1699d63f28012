import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTestModelDir, type TestModelDir } from '@jobmatch/onnx-testkit';
import type { BatchStats } from '../../src/inference/micro-batcher';
import { ModelFilesError } from '../../src/inference/model-files';
import { OnnxEmbeddingProvider } from '../../src/inference/onnx-embedding-provider';

const norm = (vector: Float32Array) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
const maxAbsDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((max, value, index) => Math.max(max, Math.abs(value - b[index])), 0);
const cosine = (a: Float32Array, b: Float32Array) =>
  a.reduce((sum, value, index) => sum + value * b[index], 0) / (norm(a) * norm(b));

const LONG_TEXT =
  'We are hiring a senior backend engineer to design and run the services behind our matching platform. ' +
  'You will own Node.js and TypeScript APIs, PostgreSQL schemas, Redis queues and the observability around them. '.repeat(
    4,
  );

describe('OnnxEmbeddingProvider on a generated tiny BERT', () => {
  let model: TestModelDir;
  let provider: OnnxEmbeddingProvider;
  const batches: BatchStats[] = [];

  beforeAll(async () => {
    model = await prepareTestModelDir({ preset: 'tiny', quantized: true });
    provider = await OnnxEmbeddingProvider.create({
      modelPath: model.modelPath,
      spec: model.spec,
      intraOpThreads: 1,
      onBatch: (stats) => batches.push(stats),
    });
  });

  afterAll(async () => {
    await provider?.close();
  });

  it('describes the model from the spec and returns one L2-normalized vector per text', async () => {
    expect(provider).toMatchObject({
      kind: 'onnx',
      modelId: 'sentence-transformers/all-MiniLM-L6-v2',
      dimension: 32,
      maxSeqLength: 256,
      quantized: false,
    });
    const vectors = await provider.embed(['Senior C++ developer', 'Node.js engineer', LONG_TEXT]);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(32);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(maxAbsDiff(vectors[0], vectors[1])).toBeGreaterThan(0.01); // different texts, different vectors
  });

  it('computes exactly mean pooling + L2 norm of the ONNX last_hidden_state (checked with a separate ORT session)', async () => {
    const text = 'Senior C++ developer';
    const ids = provider.tokenize(text);
    // A plain ORT run in a separate node process (jest's sandbox cannot host onnxruntime-node's typed arrays).
    const script = `
      const ort = require(${JSON.stringify(require.resolve('onnxruntime-node'))});
      (async () => {
        const ids = ${JSON.stringify(ids)};
        const dims = [1, ids.length];
        const session = await ort.InferenceSession.create(process.argv[1]);
        const out = await session.run({
          input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), dims),
          attention_mask: new ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), dims),
          token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), dims),
        });
        process.stdout.write(JSON.stringify(Array.from(out.last_hidden_state.data)));
      })();`;
    const hidden = JSON.parse(
      execFileSync(process.execPath, ['-e', script, join(model.modelPath, 'onnx', 'model.onnx')], { encoding: 'utf8' }),
    ) as number[];
    expect(hidden).toHaveLength(ids.length * 32);
    const expected = new Float32Array(32);
    for (let t = 0; t < ids.length; t++) for (let d = 0; d < 32; d++) expected[d] += hidden[t * 32 + d] / ids.length;
    const length = norm(expected);
    const [actual] = await provider.embed([text]);
    expect(
      maxAbsDiff(
        actual,
        expected.map((value) => value / length),
      ),
    ).toBeLessThan(1e-5);
  });

  it('gives the same vector for a text alone and inside a padded batch (padding does not leak)', async () => {
    const [alone] = await provider.embed(['Node.js engineer']);
    batches.length = 0;
    const [inBatch] = await provider.embed(['Node.js engineer', 'Senior Node.js backend engineer']);
    expect(batches).toHaveLength(1);
    expect(batches[0].paddedTokens).toBeGreaterThan(batches[0].tokens); // the short text really was padded
    expect(maxAbsDiff(alone, inBatch)).toBeLessThan(1e-5);
  });

  it('batches concurrent callers into one model call and answers each with its own vectors', async () => {
    // Same token count each (one word), so the length grouping keeps them together.
    const texts = ['engineer', 'developer', 'remote', 'senior', 'python', 'java', 'data', 'cloud'];
    expect(new Set(texts.map((text) => provider.tokenize(text).length)).size).toBe(1);
    const alone = [];
    for (const text of texts) alone.push((await provider.embed([text]))[0]);
    batches.length = 0;
    const together = await Promise.all(texts.map((text) => provider.embed([text])));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ size: 8, callers: 8 });
    together.forEach(([vector], index) => expect(maxAbsDiff(vector, alone[index])).toBeLessThan(1e-5));
  });

  it('keeps the event loop free while a batch runs in the inference worker', async () => {
    let ticks = 0;
    let running = true;
    const spin = () => {
      ticks += 1;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const started = performance.now();
    await provider.embed(Array.from({ length: 48 }, (_, index) => `${index} ${LONG_TEXT}`));
    running = false;
    const elapsedMs = performance.now() - started;
    // A synchronous run would allow a handful of ticks at most; the worker leaves the loop spinning.
    expect(ticks).toBeGreaterThan(Math.min(50, elapsedMs / 2));
  });

  it('applies the same truncation as the tokenizer: texts longer than maxSeqLength embed their first 256 tokens', async () => {
    const longer = `${LONG_TEXT} ${LONG_TEXT} ${LONG_TEXT}`;
    expect(provider.tokenize(longer)).toHaveLength(256);
    const [a, b] = await provider.embed([longer, `${longer} and many more words at the very end`]);
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-5);
  });

  it('serves the int8 variant of the same weights with nearly the same vectors', async () => {
    const quantized = await OnnxEmbeddingProvider.create({
      modelPath: model.modelPath,
      spec: model.spec,
      quantized: true,
      intraOpThreads: 1,
    });
    try {
      expect(quantized.quantized).toBe(true);
      const texts = ['Senior C++ developer', LONG_TEXT];
      const [fp32, int8] = await Promise.all([provider.embed(texts), quantized.embed(texts)]);
      for (let index = 0; index < texts.length; index++) expect(cosine(fp32[index], int8[index])).toBeGreaterThan(0.98);
    } finally {
      await quantized.close();
    }
  });
});

describe('OnnxEmbeddingProvider start-up checks', () => {
  let model: TestModelDir;
  let scratch: string;

  beforeAll(async () => {
    model = await prepareTestModelDir({ preset: 'tiny' });
  });
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'embedder-model-'));
    cpSync(model.modelPath, scratch, { recursive: true });
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('refuses to start when the ONNX file is missing, naming pnpm model:fetch', async () => {
    rmSync(join(scratch, 'onnx', 'model.onnx'));
    const failure = OnnxEmbeddingProvider.create({ modelPath: scratch, spec: model.spec });
    await expect(failure).rejects.toBeInstanceOf(ModelFilesError);
    await expect(failure).rejects.toThrow(
      /onnx\/model\.onnx: missing[\s\S]*pnpm model:fetch sentence-transformers\/all-MiniLM-L6-v2/,
    );
  });

  it('refuses a quantized start without the int8 file, naming the --quantized fetch', async () => {
    rmSync(join(scratch, 'onnx', 'model_quantized.onnx'), { force: true });
    await expect(
      OnnxEmbeddingProvider.create({ modelPath: scratch, spec: model.spec, quantized: true }),
    ).rejects.toThrow(/model_quantized\.onnx: missing[\s\S]*pnpm model:fetch \S+ --quantized/);
  });

  it('refuses a tokenizer.json whose SHA-256 does not match the pinned sum', async () => {
    const file = join(scratch, 'tokenizer.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('[UNK]', '[UNKNOWN]'));
    await expect(OnnxEmbeddingProvider.create({ modelPath: scratch, spec: model.spec })).rejects.toThrow(
      /tokenizer\.json: SHA-256 [0-9a-f]{64} does not match the pinned [0-9a-f]{64}[\s\S]*pnpm model:fetch/,
    );
  });

  it('refuses an ONNX file that does not parse (unpinned, no manifest), naming pnpm model:fetch', async () => {
    writeFileSync(
      join(scratch, 'onnx', 'model.onnx'),
      readFileSync(join(scratch, 'onnx', 'model.onnx')).subarray(0, 10_000),
    );
    const unpinned = {
      ...model.spec,
      files: model.spec.files.map((file) => (file.path.startsWith('onnx/') ? { ...file, sha256: null } : file)),
    };
    await expect(OnnxEmbeddingProvider.create({ modelPath: scratch, spec: unpinned })).rejects.toThrow(
      /ONNX Runtime could not load[\s\S]*pnpm model:fetch/,
    );
  });

  it('refuses a model whose output size differs from the registered dimension', async () => {
    await expect(
      OnnxEmbeddingProvider.create({ modelPath: scratch, spec: { ...model.spec, dimension: 384 } }),
    ).rejects.toThrow(/produces 32-d vectors but sentence-transformers\/all-MiniLM-L6-v2 is registered with 384/);
  });
});
