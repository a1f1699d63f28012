/** RPC patterns served by the embedder over @nestjs/microservices. */
export const EmbedderRpc = {
  Embed: 'embed',
  ModelInfo: 'model.info',
} as const;

/** Whether text is a search query or a stored document (matters for models with prefixes, e.g. E5). */
export type EmbedInputKind = 'query' | 'passage';

export interface EmbedRequest {
  texts: string[];
  kind?: EmbedInputKind;
  /**
   * The model to embed with (the searched model, so query and stored vectors belong together);
   * default: the embedder's MODEL_ID. A model the embedder does not serve is UNAVAILABLE.
   */
  modelId?: string;
}

export interface EmbedResponse {
  modelId: string;
  dimension: number;
  /** One vector per input text, L2-normalized, as plain number arrays (JSON transport). */
  vectors: number[][];
}

export interface ModelInfoResponse {
  modelId: string;
  dimension: number;
  maxSeqLength: number;
  quantized: boolean;
  provider: string;
  /** The second model of a model switch (NEXT_MODEL_ID), when one is loaded. */
  next?: { modelId: string; dimension: number };
}

/** Error codes the embedder puts in RPC errors so callers can tell bad input from an outage. */
export const EmbedderErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  Overloaded: 'OVERLOADED',
  Unavailable: 'UNAVAILABLE',
  /** The call did not carry the shared secret (EMBEDDER_RPC_SECRET). */
  Unauthenticated: 'UNAUTHENTICATED',
} as const;
export type EmbedderErrorCode = (typeof EmbedderErrorCode)[keyof typeof EmbedderErrorCode];

export interface EmbedderRpcError {
  code: EmbedderErrorCode;
  message: string;
}

/**
 * The field of every RPC payload that carries the shared secret (EMBEDDER_RPC_SECRET); the TCP
 * transport has no headers. The embedder checks and removes it before validating the rest.
 */
export const RPC_AUTH_FIELD = 'auth';

/** Raw text cap applied before tokenization (characters). */
export const MAX_RAW_TEXT_CHARS = 8_000;
