import { DependencyUnavailableException } from '@jobmatch/nest-common';
import type { EmbedderRpcClient } from '../../src/embedder/embedder-rpc.client';
import { EmbedderRejectedInputError, EmbedderUnavailableError } from '../../src/embedder/embedder.errors';
import type { QueryEmbeddingCache } from '../../src/embedder/query-embedding.cache';
import { QueryEmbeddingService } from '../../src/embedder/query-embedding.service';
import { SearchedModel, type VectorStore } from '@jobmatch/db';

const MODEL = 'sentence-transformers/all-MiniLM-L6-v2';
const unit = (index: number) => Array.from({ length: 384 }, (_, i) => (i === index ? 1 : 0));

function setup(cached: Float32Array | null, embed: jest.Mock, active: { modelId: string } = { modelId: MODEL }) {
  const cache = { get: jest.fn().mockResolvedValue(cached), set: jest.fn().mockResolvedValue(undefined) };
  const rpc = { embed };
  const dimensions: Record<string, number> = { [MODEL]: 384, 'next/model-768': 768 };
  const vectors = { findModel: jest.fn(async (modelId: string) => (dimensions[modelId] ? { key: 1, modelId, dimension: dimensions[modelId] } : null)) };
  // Refreshed on every call (refreshMs 0): the test switches the active model between calls.
  const searched = new SearchedModel({ activeModelId: async () => active.modelId }, MODEL, 0);
  const service = new QueryEmbeddingService(
    cache as unknown as QueryEmbeddingCache,
    rpc as unknown as EmbedderRpcClient,
    searched,
    vectors as unknown as VectorStore,
  );
  return { service, cache, rpc };
}

describe('QueryEmbeddingService', () => {
  it('serves a cached vector without calling the embedder', async () => {
    const { service, rpc } = setup(Float32Array.from(unit(3)), jest.fn());
    const result = await service.embedQuery('python developer');
    expect(result.cached).toBe(true);
    expect(result.vector[3]).toBe(1);
    expect(rpc.embed).not.toHaveBeenCalled();
  });

  it('embeds a miss as a query and stores it in the cache', async () => {
    const embed = jest.fn().mockResolvedValue({ modelId: MODEL, dimension: 384, vectors: [unit(5)] });
    const { service, cache } = setup(null, embed);
    const result = await service.embedQuery('nurse');
    expect(embed).toHaveBeenCalledWith({ texts: ['nurse'], kind: 'query', modelId: MODEL });
    expect(result).toMatchObject({ cached: false, modelId: MODEL });
    expect(cache.set).toHaveBeenCalledWith(MODEL, 'nurse', expect.any(Float32Array));
  });

  it('answers 503 with Retry-After when the embedder is unavailable (never a fallback vector)', async () => {
    const { service, cache } = setup(null, jest.fn().mockRejectedValue(new EmbedderUnavailableError('circuit open', 7)));
    const error = await service.embedQuery('x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DependencyUnavailableException);
    expect((error as DependencyUnavailableException).getStatus()).toBe(503);
    expect((error as DependencyUnavailableException).headers['Retry-After']).toBe('7');
    expect(cache.set).not.toHaveBeenCalled();
  });

  it('maps input the embedder refuses to 400', async () => {
    const { service } = setup(null, jest.fn().mockRejectedValue(new EmbedderRejectedInputError('too long')));
    await expect(service.embedQuery('x')).rejects.toMatchObject({ code: 'INVALID_QUERY', status: 400 });
  });

  it('refuses vectors of another model', async () => {
    const embed = jest.fn().mockResolvedValue({ modelId: 'other/model', dimension: 384, vectors: [unit(1)] });
    const { service } = setup(null, embed);
    await expect(service.embedQuery('x')).rejects.toBeInstanceOf(DependencyUnavailableException);
  });

  it('follows the active model: after a switch it asks for, checks and caches vectors of the new model', async () => {
    const active = { modelId: MODEL };
    const embed = jest.fn(async ({ modelId }: { modelId: string }) =>
      modelId === MODEL ? { modelId, dimension: 384, vectors: [unit(2)] } : { modelId, dimension: 768, vectors: [Array.from({ length: 768 }, (_, i) => (i === 2 ? 1 : 0))] },
    );
    const { service, cache } = setup(null, embed, active);
    expect((await service.embedQuery('welder')).vector).toHaveLength(384);
    active.modelId = 'next/model-768';
    const after = await service.embedQuery('welder');
    expect(after).toMatchObject({ modelId: 'next/model-768', cached: false });
    expect(after.vector).toHaveLength(768);
    expect(embed).toHaveBeenLastCalledWith({ texts: ['welder'], kind: 'query', modelId: 'next/model-768' });
    expect(cache.get).toHaveBeenLastCalledWith('next/model-768', 'welder', 768);
    expect(cache.set).toHaveBeenLastCalledWith('next/model-768', 'welder', expect.any(Float32Array));
    // An embedder still answering with the old model's 384-d vector is refused, never searched.
    embed.mockResolvedValueOnce({ modelId: 'next/model-768', dimension: 384, vectors: [unit(2)] });
    await expect(service.embedQuery('plumber')).rejects.toBeInstanceOf(DependencyUnavailableException);
  });
});
