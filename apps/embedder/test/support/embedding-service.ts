import type { QueryEmbeddingCache } from '../../src/cache/query-embedding-cache';
import { EmbeddingService } from '../../src/embedding/embedding.service';
import { EmbedderMetrics } from '../../src/metrics/embedder-metrics';
import { DeterministicProvider } from './deterministic-provider';

/** A cache that always misses: for unit tests that are not about caching. */
export const noCache = {
  getMany: async (_model: string, _dimension: number, texts: string[]) => texts.map(() => null),
  setMany: async () => undefined,
} as unknown as QueryEmbeddingCache;

export function buildEmbeddingService(
  options: { provider?: DeterministicProvider; cache?: QueryEmbeddingCache; maxPendingTexts?: number } = {},
) {
  const provider = options.provider ?? new DeterministicProvider();
  const metrics = new EmbedderMetrics();
  const service = new EmbeddingService(provider, options.cache ?? noCache, metrics, {
    EMBED_MAX_PENDING_TEXTS: options.maxPendingTexts ?? 2048,
  });
  return { provider, metrics, service };
}
