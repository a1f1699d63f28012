import { DependencyUnavailableException } from '@jobmatch/nest-common';
import type { EmbedderRpcClient } from '../../src/embedder/embedder-rpc.client';
import { EmbedderRejectedInputError, EmbedderUnavailableError } from '../../src/embedder/embedder.errors';
import type { QueryEmbeddingCache } from '../../src/embedder/query-embedding.cache';
import { QueryEmbeddingService } from '../../src/embedder/query-embedding.service';
import type { AppConfig } from '../../src/config';

const MODEL = 'sentence-transformers/all-MiniLM-L6-v2';
const unit = (index: number) => Array.from({ length: 384 }, (_, i) => (i === index ? 1 : 0));

function setup(cached: Float32Array | null, embed: jest.Mock) {
  const cache = { get: jest.fn().mockResolvedValue(cached), set: jest.fn().mockResolvedValue(undefined) };
  const rpc = { embed };
  const service = new QueryEmbeddingService(
    cache as unknown as QueryEmbeddingCache,
    rpc as unknown as EmbedderRpcClient,
    { MODEL_ID: MODEL } as AppConfig,
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
    expect(embed).toHaveBeenCalledWith({ texts: ['nurse'], kind: 'query' });
    expect(result).toMatchObject({ cached: false });
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
});
