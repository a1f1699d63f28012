import type { AppConfig } from '../config';
import type { EmbeddingProvider } from '../inference/embedding-provider';
import { modelPathFor } from '../inference/model-files';
import { OnnxEmbeddingProvider } from '../inference/onnx-embedding-provider';
import { RemoteEmbeddingProvider } from '../inference/remote-embedding-provider';
import type { EmbedderMetrics } from '../metrics/embedder-metrics';
import { resolveModelSpec } from './model-spec';

/**
 * Builds the provider selected by EMBEDDING_PROVIDER, for the model spec of MODEL_ID (or MODEL_SPEC_FILE):
 * - onnx: the local model from MODEL_DIR/<MODEL_ID> (refuses to start, naming `pnpm model:fetch`,
 *   when files are missing or corrupt);
 * - huggingface | openai: a remote service at REMOTE_EMBEDDING_URL serving MODEL_ID, for
 *   deployments that cannot hold a model in memory.
 */
export async function createEmbeddingProvider(config: AppConfig, metrics: EmbedderMetrics): Promise<EmbeddingProvider> {
  const spec = resolveModelSpec(config);
  if (config.EMBEDDING_PROVIDER === 'onnx') {
    return OnnxEmbeddingProvider.create({
      modelPath: modelPathFor(config.MODEL_DIR, config.MODEL_ID),
      spec,
      quantized: config.MODEL_QUANTIZED,
      maxSeqLength: config.MODEL_MAX_SEQ_LENGTH,
      longText: config.EMBED_LONG_TEXT,
      intraOpThreads: config.ONNX_INTRA_OP_THREADS,
      batching: { maxWaitMs: config.BATCH_MAX_WAIT_MS, maxBatchTokens: config.BATCH_MAX_TOKENS },
      onBatch: (stats) => metrics.observeBatch(stats),
    });
  }
  if (!config.REMOTE_EMBEDDING_URL) {
    throw new Error(`EMBEDDING_PROVIDER=${config.EMBEDDING_PROVIDER} needs REMOTE_EMBEDDING_URL (the service's endpoint)`);
  }
  return new RemoteEmbeddingProvider({
    protocol: config.EMBEDDING_PROVIDER,
    url: config.REMOTE_EMBEDDING_URL,
    apiKey: config.REMOTE_EMBEDDING_API_KEY,
    remoteModel: config.REMOTE_EMBEDDING_MODEL,
    spec,
    timeoutMs: config.REMOTE_EMBEDDING_TIMEOUT_MS,
  });
}
