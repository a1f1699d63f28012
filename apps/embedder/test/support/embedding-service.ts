import { EmbeddingService } from '../../src/embedding/embedding.service';
import { EmbedderMetrics } from '../../src/metrics/embedder-metrics';
import { DeterministicProvider } from './deterministic-provider';

export function buildEmbeddingService(options: { provider?: DeterministicProvider; next?: DeterministicProvider; maxPendingTexts?: number } = {}) {
  const provider = options.provider ?? new DeterministicProvider();
  const metrics = new EmbedderMetrics();
  const service = new EmbeddingService(
    provider,
    metrics,
    { EMBED_MAX_PENDING_TEXTS: options.maxPendingTexts ?? 2048 },
    options.next ?? null,
  );
  return { provider, metrics, service };
}
