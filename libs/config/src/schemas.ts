import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

const postgresUrl = z
  .string({ message: 'must be a postgres:// connection URL' })
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL');
const redisUrl = z
  .string()
  .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
  .default('redis://127.0.0.1:6379');

export const commonEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl,
  /** Pool size per process: the APIs are small and scale by replicas, not by connections. */
  DATABASE_POOL_SIZE: positiveInt(10),
  REDIS_URL: redisUrl,
  /** Namespace for every Redis key (BullMQ queues, caches); lets deployments and tests share a server. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only').default('jobmatch'),
});

/** Where the embedder listens for RPC and where its clients find it. */
export const embedderRpcEnvSchema = z.object({
  EMBEDDER_TRANSPORT: z.enum(['tcp']).default('tcp'),
  EMBEDDER_HOST: z.string().min(1).default('127.0.0.1'),
  EMBEDDER_RPC_PORT: port(4001),
});

export const embedderEnvSchema = commonEnvSchema.merge(embedderRpcEnvSchema).extend({
  /** HTTP port for health and metrics (RPC has its own port). */
  PORT: port(4000),
  EMBEDDING_PROVIDER: z.enum(['onnx', 'huggingface', 'openai']).default('onnx'),
  MODEL_ID: z.string().min(1).default('sentence-transformers/all-MiniLM-L6-v2'),
  /** Folder holding one sub-folder per model in the Hugging Face layout. */
  MODEL_DIR: z.string().min(1).default('./models'),
  /**
   * Optional JSON file with a full model spec (the shape of MODEL_REGISTRY entries) used instead of
   * the registry entry for MODEL_ID: a model the registry does not know (fine-tuned, self-made, test).
   */
  MODEL_SPEC_FILE: z.string().min(1).optional(),
  MODEL_QUANTIZED: bool(false),
  MODEL_MAX_SEQ_LENGTH: z.coerce.number().int().positive().optional(),
  ONNX_INTRA_OP_THREADS: z.coerce.number().int().min(0).default(0),
  EMBED_MAX_TEXTS: positiveInt(64),
  /** RPC texts allowed to wait for the model at once; beyond it requests get OVERLOADED. */
  EMBED_MAX_PENDING_TEXTS: positiveInt(2048),
  BATCH_MAX_WAIT_MS: z.coerce.number().min(0).default(3),
  /** Padded tokens per model call; 1024 keeps MiniLM's activations small (peak RSS, see BENCHMARKS.md) at no throughput cost. */
  BATCH_MAX_TOKENS: positiveInt(1024),
  CACHE_TTL_SECONDS: positiveInt(86_400),
  QUEUE_CONCURRENCY: positiveInt(4),
  REMOTE_EMBEDDING_URL: z.string().url().optional(),
  REMOTE_EMBEDDING_API_KEY: z.string().optional(),
  REMOTE_EMBEDDING_MODEL: z.string().optional(),
  REMOTE_EMBEDDING_TIMEOUT_MS: positiveInt(10_000),
});

const httpApiEnvSchema = commonEnvSchema.extend({
  /** Cross-origin callers allowed (comma-separated), empty for none. */
  CORS_ORIGINS: z.string().default(''),
  /**
   * The O*NET data file written by `pnpm cli taxonomy import --onet <folder>`: skills and
   * occupations at labour-market scale on top of the curated taxonomy. Unset: curated taxonomy only.
   */
  ONET_DATA_FILE: z.string().min(1).optional(),
});

export const matcherEnvSchema = httpApiEnvSchema.merge(embedderRpcEnvSchema).extend({
  PORT: port(3000),
  MODEL_ID: z.string().min(1).default('sentence-transformers/all-MiniLM-L6-v2'),
  EMBEDDER_TIMEOUT_MS: positiveInt(5_000),
  BREAKER_RESET_MS: positiveInt(10_000),
  UPLOAD_MAX_BYTES: positiveInt(5 * 1024 * 1024),
  UPLOAD_MAX_PAGES: positiveInt(30),
  RESUME_MAX_CHARS: positiveInt(100_000),
  MATCH_WEIGHT_SEMANTIC: z.coerce.number().min(0).default(0.6),
  MATCH_WEIGHT_SKILLS: z.coerce.number().min(0).default(0.3),
  MATCH_WEIGHT_OTHER: z.coerce.number().min(0).default(0.1),
  /** HNSW candidate list size; see BENCHMARKS.md for the recall it buys. */
  HNSW_EF_SEARCH: positiveInt(100),
  CACHE_TTL_SECONDS: positiveInt(86_400),
});

export const skillGapEnvSchema = httpApiEnvSchema.extend({
  PORT: port(3001),
  MODEL_ID: z.string().min(1).default('sentence-transformers/all-MiniLM-L6-v2'),
  HNSW_EF_SEARCH: positiveInt(100),
});

export type CommonEnv = z.infer<typeof commonEnvSchema>;
export type EmbedderEnv = z.infer<typeof embedderEnvSchema>;
export type MatcherEnv = z.infer<typeof matcherEnvSchema>;
export type SkillGapEnv = z.infer<typeof skillGapEnvSchema>;
