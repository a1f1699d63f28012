export type Pooling = 'mean' | 'cls';

export interface ModelFile {
  /** Path inside the model folder (Hugging Face layout). */
  path: string;
  /** Pinned SHA-256, or null where no verified sum is recorded yet (see model:fetch). */
  sha256: string | null;
  optional?: boolean;
}

export interface ModelSpec {
  id: string;
  dimension: number;
  maxSeqLength: number;
  pooling: Pooling;
  normalize: boolean;
  queryPrefix: string;
  passagePrefix: string;
  /** Hugging Face repository the files come from (Xenova's ONNX exports). */
  hubRepo: string;
  files: ModelFile[];
}

/**
 * Every model the system knows. Dimensions, lengths, prefixes and pooling come from here only.
 * SHA-256 sums pin the exact files `pnpm model:fetch` accepts.
 */
export const MODEL_REGISTRY: Record<string, ModelSpec> = {
  'sentence-transformers/all-MiniLM-L6-v2': {
    id: 'sentence-transformers/all-MiniLM-L6-v2',
    dimension: 384,
    maxSeqLength: 256,
    pooling: 'mean',
    normalize: true,
    queryPrefix: '',
    passagePrefix: '',
    hubRepo: 'Xenova/all-MiniLM-L6-v2',
    files: [
      { path: 'tokenizer.json', sha256: 'aa5777dd801854afc1818a8e20820806261c9497db9593a220b646bedfbc0fef' },
      { path: 'tokenizer_config.json', sha256: '9261e7d79b44c8195c1cada2b453e55b00aeb81e907a6664974b4d7776172ab3' },
      { path: 'config.json', sha256: '9607ae6204a90040db3be3bea5d549a42f87b4a12c3638b41249b6c2a394a05a' },
      { path: 'onnx/model.onnx', sha256: null },
      { path: 'onnx/model_quantized.onnx', sha256: null, optional: true },
    ],
  },
  'sentence-transformers/all-MiniLM-L12-v2': {
    id: 'sentence-transformers/all-MiniLM-L12-v2',
    dimension: 384,
    maxSeqLength: 128,
    pooling: 'mean',
    normalize: true,
    queryPrefix: '',
    passagePrefix: '',
    hubRepo: 'Xenova/all-MiniLM-L12-v2',
    files: [
      { path: 'tokenizer.json', sha256: null },
      { path: 'tokenizer_config.json', sha256: null },
      { path: 'config.json', sha256: null },
      { path: 'onnx/model.onnx', sha256: null },
    ],
  },
  'sentence-transformers/all-mpnet-base-v2': {
    id: 'sentence-transformers/all-mpnet-base-v2',
    dimension: 768,
    maxSeqLength: 384,
    pooling: 'mean',
    normalize: true,
    queryPrefix: '',
    passagePrefix: '',
    hubRepo: 'Xenova/all-mpnet-base-v2',
    files: [
      { path: 'tokenizer.json', sha256: null },
      { path: 'tokenizer_config.json', sha256: null },
      { path: 'config.json', sha256: null },
      { path: 'onnx/model.onnx', sha256: null },
    ],
  },
  'intfloat/multilingual-e5-small': {
    id: 'intfloat/multilingual-e5-small',
    dimension: 384,
    maxSeqLength: 512,
    pooling: 'mean',
    normalize: true,
    queryPrefix: 'query: ',
    passagePrefix: 'passage: ',
    hubRepo: 'Xenova/multilingual-e5-small',
    files: [
      { path: 'tokenizer.json', sha256: null },
      { path: 'tokenizer_config.json', sha256: null },
      { path: 'config.json', sha256: null },
      { path: 'onnx/model.onnx', sha256: null },
    ],
  },
};

export const DEFAULT_MODEL_ID = 'sentence-transformers/all-MiniLM-L6-v2';

/** Dimension of the vector(…) columns in the database schema. */
export const STORED_VECTOR_DIMENSION = 384;

export function getModelSpec(modelId: string): ModelSpec {
  const spec = MODEL_REGISTRY[modelId];
  if (!spec) {
    throw new Error(
      `Unknown model "${modelId}". Known models: ${Object.keys(MODEL_REGISTRY).join(', ')}`,
    );
  }
  return spec;
}
