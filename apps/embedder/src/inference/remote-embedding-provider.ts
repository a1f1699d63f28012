import type { EmbedInputKind, ModelSpec } from '@jobmatch/contracts';
import type { EmbeddingProvider } from './embedding-provider';
import { preprocessText } from './text-preprocessing';

export type RemoteProtocol = 'huggingface' | 'openai';

export interface RemoteEmbeddingProviderOptions {
  protocol: RemoteProtocol;
  /**
   * huggingface: the feature-extraction endpoint itself, e.g.
   *   https://router.huggingface.co/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction
   * openai: the API base, e.g. https://api.openai.com/v1 (POST {base}/embeddings).
   */
  url: string;
  apiKey?: string;
  /** Model name sent to an OpenAI-compatible server; default: the registry id. */
  remoteModel?: string;
  /** The registry model the remote serves: the id that travels with vectors, dimension, prefixes. */
  spec: ModelSpec;
  timeoutMs?: number;
  /** Attempts in total for 429/503/network errors/timeouts (default 4). */
  maxAttempts?: number;
  /** First backoff (ms), doubled each retry; a Retry-After header takes precedence (capped at maxBackoffMs). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export class RemoteEmbeddingError extends Error {
  constructor(
    message: string,
    /** true when a later retry may succeed (the service is down or busy, not the request bad). */
    readonly transient: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RemoteEmbeddingError';
  }
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function l2Normalize(values: number[]): Float32Array {
  let squares = 0;
  for (const value of values) squares += value * value;
  const scale = 1 / Math.max(Math.sqrt(squares), 1e-12);
  return Float32Array.from(values, (value) => value * scale);
}

/** HF feature-extraction returns sentence vectors [n][dim], or token vectors [n][tokens][dim] for raw encoders (mean them). */
function sentenceVector(entry: unknown): number[] {
  if (Array.isArray(entry) && entry.every((value) => typeof value === 'number')) return entry as number[];
  if (Array.isArray(entry) && entry.length > 0 && entry.every((row) => Array.isArray(row))) {
    const rows = entry as number[][];
    const sum = new Array<number>(rows[0].length).fill(0);
    for (const row of rows) row.forEach((value, index) => (sum[index] += value));
    return sum.map((value) => value / rows.length);
  }
  throw new RemoteEmbeddingError('Unexpected feature-extraction response shape', false);
}

/**
 * Embeddings from a remote service, behind the same interface as the local model: Hugging Face
 * Inference (feature-extraction) or any OpenAI-compatible /embeddings endpoint. Retries 429/5xx-busy
 * answers and network failures with exponential backoff (honouring Retry-After), with a timeout per
 * attempt; vectors are checked against the registry dimension and L2-normalized here.
 */
export class RemoteEmbeddingProvider implements EmbeddingProvider {
  readonly kind: RemoteProtocol;
  readonly modelId: string;
  readonly dimension: number;
  readonly maxSeqLength: number;
  readonly quantized = false;
  private readonly controllers = new Set<AbortController>();

  constructor(private readonly options: RemoteEmbeddingProviderOptions) {
    this.kind = options.protocol;
    this.modelId = options.spec.id;
    this.dimension = options.spec.dimension;
    this.maxSeqLength = options.spec.maxSeqLength;
  }

  async embed(texts: string[], inputKind: EmbedInputKind = 'passage'): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const prefix = inputKind === 'query' ? this.options.spec.queryPrefix : this.options.spec.passagePrefix;
    const inputs = texts.map((text) => prefix + preprocessText(text));
    const raw = await this.withRetries(() => this.request(inputs));
    if (raw.length !== texts.length) {
      throw new RemoteEmbeddingError(`Remote returned ${raw.length} vectors for ${texts.length} texts`, false);
    }
    return raw.map((vector) => {
      if (vector.length !== this.dimension) {
        throw new RemoteEmbeddingError(
          `Remote returned ${vector.length}-d vectors; ${this.modelId} has ${this.dimension}`,
          false,
        );
      }
      return l2Normalize(vector);
    });
  }

  async close(): Promise<void> {
    for (const controller of this.controllers) controller.abort();
  }

  private async withRetries(call: () => Promise<number[][]>): Promise<number[][]> {
    const maxAttempts = this.options.maxAttempts ?? 4;
    const base = this.options.baseBackoffMs ?? 200;
    const cap = this.options.maxBackoffMs ?? 5_000;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const retryable = error instanceof RemoteEmbeddingError && error.transient;
        if (!retryable || attempt >= maxAttempts) throw error;
        const retryAfterMs = (error as RemoteEmbeddingError & { retryAfterMs?: number }).retryAfterMs;
        await sleep(Math.min(cap, retryAfterMs ?? base * 2 ** (attempt - 1)));
      }
    }
  }

  private async request(inputs: string[]): Promise<number[][]> {
    const { protocol, url, apiKey, timeoutMs = 10_000 } = this.options;
    const endpoint = protocol === 'openai' ? `${url.replace(/\/+$/, '')}/embeddings` : url;
    const body =
      protocol === 'openai'
        ? { model: this.options.remoteModel ?? this.modelId, input: inputs, encoding_format: 'float' }
        : { inputs, normalize: true, options: { wait_for_model: true } };
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (!response.ok) {
        const detail = (await response.text().catch(() => '')).slice(0, 300);
        const error = new RemoteEmbeddingError(
          `Remote embedding service answered ${response.status}${detail ? `: ${detail}` : ''}`,
          RETRYABLE_STATUS.has(response.status),
          response.status,
        );
        const retryAfter = Number(response.headers.get('retry-after'));
        if (Number.isFinite(retryAfter) && retryAfter >= 0 && response.headers.has('retry-after')) {
          Object.assign(error, { retryAfterMs: retryAfter * 1000 });
        }
        throw error;
      }
      const json: unknown = await response.json();
      return protocol === 'openai' ? this.parseOpenAi(json) : this.parseHuggingFace(json);
    } catch (error) {
      if (error instanceof RemoteEmbeddingError) throw error;
      const reason = controller.signal.aborted
        ? `timed out after ${timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
      throw new RemoteEmbeddingError(`Remote embedding request failed: ${reason}`, true);
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
  }

  private parseOpenAi(json: unknown): number[][] {
    const data = (json as { data?: Array<{ embedding?: unknown; index?: number }> }).data;
    if (!Array.isArray(data)) throw new RemoteEmbeddingError('OpenAI-compatible response has no data array', false);
    return [...data]
      .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
      .map((entry) => {
        if (!Array.isArray(entry.embedding))
          throw new RemoteEmbeddingError('OpenAI-compatible response entry has no embedding', false);
        return entry.embedding as number[];
      });
  }

  private parseHuggingFace(json: unknown): number[][] {
    if (!Array.isArray(json)) throw new RemoteEmbeddingError('Feature-extraction response is not an array', false);
    return json.map(sentenceVector);
  }
}
