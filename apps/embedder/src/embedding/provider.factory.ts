import type { AppConfig } from '../config';
import type { EmbeddingProvider } from '../inference/embedding-provider';
import { modelPathFor } from '../inference/model-files';
import { OnnxEmbeddingProvider } from '../inference/onnx-embedding-provider';
import { RemoteEmbeddingProvider } from '../inference/remote-embedding-provider';
import type { EmbedderMetrics } from '../metrics/embedder-metrics';
import type { ModelSpec } from '@jobmatch/contracts';
import { resolveModelSpec } from './model-spec';

/**
 * Builds the provider selected by EMBEDDING_PROVIDER, for the model spec of MODEL_ID (or MODEL_SPEC_FILE):
 * - onnx: the local model from MODEL_DIR/<MODEL_ID> (refuses to start, naming `pnpm model:fetch`,
 *   when files are missing or corrupt);
 * - huggingface | openai: a remote service at REMOTE_EMBEDDING_URL serving MODEL_ID, for
 *   deployments that cannot hold a model in memory.
 */
export async function createEmbeddingProvider(config: AppConfig, metrics: EmbedderMetrics): Promise<EmbeddingProvider> {
  return createProvider(config, metrics, resolveModelSpec(config), config.REMOTE_EMBEDDING_MODEL);
}

/**
 * The second model of a switch (NEXT_MODEL_ID), with the same backend and settings as the first;
 * null when no switch is under way.
 */
export async function createNextEmbeddingProvider(config: AppConfig, metrics: EmbedderMetrics): Promise<EmbeddingProvider | null> {
  if (!config.NEXT_MODEL_ID) return null;
  if (config.NEXT_MODEL_ID === config.MODEL_ID) throw new Error(`NEXT_MODEL_ID must name another model than MODEL_ID (both are ${config.MODEL_ID})`);
  const spec = resolveModelSpec({ MODEL_ID: config.NEXT_MODEL_ID, MODEL_SPEC_FILE: config.NEXT_MODEL_SPEC_FILE }, { id: 'NEXT_MODEL_ID', file: 'NEXT_MODEL_SPEC_FILE' });
  return createProvider(config, metrics, spec, undefined);
}

async function createProvider(config: AppConfig, metrics: EmbedderMetrics, spec: ModelSpec, remoteModel: string | undefined): Promise<EmbeddingProvider> {
  if (config.EMBEDDING_PROVIDER === 'onnx') {
    return OnnxEmbeddingProvider.create({
      modelPath: modelPathFor(config.MODEL_DIR, spec.id),
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
    remoteModel,
    spec,
    timeoutMs: config.REMOTE_EMBEDDING_TIMEOUT_MS,
  });
}
