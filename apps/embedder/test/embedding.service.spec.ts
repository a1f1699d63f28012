import { EmbedderErrorCode } from '@jobmatch/contracts';
import { DeterministicProvider } from './support/deterministic-provider';
import { buildEmbeddingService } from './support/embedding-service';

describe('EmbeddingService', () => {
  it('embeds with the model a caller names during a switch (MODEL_ID and NEXT_MODEL_ID), and refuses any other', async () => {
    const next = new DeterministicProvider('test/next-768', 768);
    const { service, provider } = buildEmbeddingService({ next });
    expect(service.models()).toEqual([
      { modelId: 'test/deterministic', dimension: 384 },
      { modelId: 'test/next-768', dimension: 768 },
    ]);
    expect(service.serves('test/next-768')).toBe(true);
    expect(service.serves('test/other')).toBe(false);
    expect(service.modelInfo()).toMatchObject({ modelId: 'test/deterministic', dimension: 384, next: { modelId: 'test/next-768', dimension: 768 } });

    const byDefault = await service.embed(['nurse'], 'query');
    expect(byDefault).toMatchObject({ modelId: 'test/deterministic', dimension: 384 });
    const named = await service.embed(['nurse'], 'query', 'test/next-768');
    expect(named).toMatchObject({ modelId: 'test/next-768', dimension: 768 });
    expect(Array.from(named.vectors[0]!)).toEqual(Array.from(DeterministicProvider.vectorFor('nurse', 768)));
    expect((await service.embedPassage('a posting', 'test/next-768')).length).toBe(768);
    expect(provider.calls).toEqual([{ texts: ['nurse'], kind: 'query' }]);
    expect(next.calls.map((call) => call.kind)).toEqual(['query', 'passage']);

    await expect(service.embed(['nurse'], 'query', 'test/other')).rejects.toMatchObject({
      code: EmbedderErrorCode.Unavailable,
      message: 'This embedder serves test/deterministic and test/next-768, not test/other',
    });
  });

  it('computes each distinct text once and keeps the request order', async () => {
    const { service, provider } = buildEmbeddingService();
    const result = await service.embed(['b', 'a', 'b'], 'query');

    expect(provider.calls).toEqual([{ texts: ['b', 'a'], kind: 'query' }]);
    expect(result.vectors.map((v) => Array.from(v))).toEqual(
      ['b', 'a', 'b'].map((t) => Array.from(DeterministicProvider.vectorFor(t))),
    );
    expect(result).toMatchObject({ modelId: 'test/deterministic', dimension: 384 });
  });

  it('keeps no cache of its own: the matcher owns the query-embedding cache', async () => {
    const { service, provider } = buildEmbeddingService();
    await service.embed(['python developer'], 'query');
    const again = await service.embed(['python developer', 'java developer'], 'query');
    await service.embed(['a document'], 'passage');
    await service.embed(['a document'], 'passage');

    expect(provider.calls.map((call) => call.texts)).toEqual([
      ['python developer'],
      ['python developer', 'java developer'],
      ['a document'],
      ['a document'],
    ]);
    expect(Array.from(again.vectors[0]!)).toEqual(Array.from(DeterministicProvider.vectorFor('python developer')));
  });

  it('refuses with OVERLOADED when too many texts are already waiting', async () => {
    const provider = new DeterministicProvider();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowEmbed = provider.embed.bind(provider);
    provider.embed = async (texts, kind) => {
      await gate;
      return slowEmbed(texts, kind);
    };
    const { service } = buildEmbeddingService({ provider, maxPendingTexts: 3 });

    const first = service.embed(['one', 'two'], 'query');
    await expect(service.embed(['three', 'four'], 'query')).rejects.toMatchObject({
      code: EmbedderErrorCode.Overloaded,
    });
    release();
    await expect(first).resolves.toMatchObject({ vectors: expect.any(Array) });
    // Capacity is given back once the batch is done.
    await expect(service.embed(['three', 'four'], 'query')).resolves.toBeDefined();
  });

  it('reports model failures as UNAVAILABLE and never returns a malformed vector', async () => {
    const { service, provider } = buildEmbeddingService();
    provider.failWith = new Error('onnx exploded');
    await expect(service.embed(['x'])).rejects.toMatchObject({
      code: EmbedderErrorCode.Unavailable,
      message: 'Embedding failed: onnx exploded',
    });

    provider.failWith = undefined;
    provider.embed = async () => [new Float32Array(384)];
    await expect(service.embed(['x'])).rejects.toMatchObject({ code: EmbedderErrorCode.Unavailable });
    provider.embed = async () => [new Float32Array(12).fill(0.5)];
    await expect(service.embed(['x'])).rejects.toMatchObject({ message: 'Model returned a 12-d vector, expected 384' });
  });

  it('keeps an OVERLOADED error from the inference pipeline', async () => {
    const { service, provider } = buildEmbeddingService();
    provider.failWith = Object.assign(new Error('batch queue full'), { code: 'OVERLOADED' });
    await expect(service.embed(['x'])).rejects.toMatchObject({
      code: EmbedderErrorCode.Overloaded,
      message: 'batch queue full',
    });
  });
});
