import type { EmbedInputKind } from '@jobmatch/contracts';

/**
 * What the rest of the embedder (RPC, queue worker, cache, health) needs from a model backend.
 * Implemented by the local ONNX pipeline and by the remote (HF Inference / OpenAI-compatible)
 * provider. Vectors are L2-normalized Float32Arrays of length `dimension`.
 */
export interface EmbeddingProvider {
  readonly modelId: string;
  readonly dimension: number;
  readonly maxSeqLength: number;
  readonly quantized: boolean;
  /** 'onnx' | 'huggingface' | 'openai' */
  readonly kind: string;
  /** Embeds texts (already validated by the caller); one vector per text, same order. */
  embed(texts: string[], inputKind?: EmbedInputKind): Promise<Float32Array[]>;
  /** Frees native resources on shutdown. */
  close(): Promise<void>;
}

/** Nest injection token for the active provider. */
export const EMBEDDING_PROVIDER = Symbol('EMBEDDING_PROVIDER');

/** Nest injection token for the second model of a switch (NEXT_MODEL_ID), or null. */
export const NEXT_EMBEDDING_PROVIDER = Symbol('NEXT_EMBEDDING_PROVIDER');
