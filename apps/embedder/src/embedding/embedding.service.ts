import { Inject, Injectable } from '@nestjs/common';
import type { EmbedInputKind, ModelInfoResponse } from '@jobmatch/contracts';
import { QueryEmbeddingCache } from '../cache/query-embedding-cache';
import { APP_CONFIG, type AppConfig } from '../config';
import { EMBEDDING_PROVIDER, type EmbeddingProvider } from '../inference/embedding-provider';
import { EmbedderMetrics } from '../metrics/embedder-metrics';
import { EmbedderOverloadedError, EmbedderUnavailableError, toEmbedderError } from './errors';

export interface EmbeddingResult {
  modelId: string;
  dimension: number;
  vectors: Float32Array[];
}

export type EmbeddingSource = 'rpc' | 'queue' | 'probe';

/**
 * Turns validated texts into vectors with the active provider. Queries go through the Redis
 * cache (documents are embedded once, by the queue, and are not worth caching). Requests are
 * refused with OVERLOADED once too many texts are already waiting, so callers back off instead
 * of piling up latency and memory.
 */
@Injectable()
export class EmbeddingService {
  private pendingTexts = 0;
  private readonly maxPendingTexts: number;

  constructor(
    @Inject(EMBEDDING_PROVIDER) private readonly provider: EmbeddingProvider,
    private readonly cache: QueryEmbeddingCache,
    private readonly metrics: EmbedderMetrics,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'EMBED_MAX_PENDING_TEXTS'>,
  ) {
    this.maxPendingTexts = config.EMBED_MAX_PENDING_TEXTS;
  }

  get modelId(): string {
    return this.provider.modelId;
  }

  modelInfo(): ModelInfoResponse {
    return {
      modelId: this.provider.modelId,
      dimension: this.provider.dimension,
      maxSeqLength: this.provider.maxSeqLength,
      quantized: this.provider.quantized,
      provider: this.provider.kind,
    };
  }

  /** Embeds texts for an RPC caller; `kind` defaults to 'query'. */
  async embed(texts: string[], kind: EmbedInputKind = 'query'): Promise<EmbeddingResult> {
    const { modelId, dimension } = this.provider;
    const vectors: (Float32Array | null)[] =
      kind === 'query' ? await this.cache.getMany(modelId, dimension, texts) : texts.map(() => null);

    // Compute each distinct missing text once, even when a request repeats it.
    const missing = new Map<string, number[]>();
    vectors.forEach((vector, index) => {
      if (vector) return;
      const positions = missing.get(texts[index]!);
      if (positions) positions.push(index);
      else missing.set(texts[index]!, [index]);
    });

    if (missing.size > 0) {
      const toCompute = [...missing.keys()];
      const computed = await this.compute(toCompute, kind, 'rpc');
      toCompute.forEach((text, i) => {
        for (const index of missing.get(text)!) vectors[index] = computed[i]!;
      });
      if (kind === 'query') {
        await this.cache.setMany(modelId, toCompute.map((text, i) => ({ text, vector: computed[i]! })));
      }
    }
    return { modelId, dimension, vectors: vectors as Float32Array[] };
  }

  /** One stored document (job posting, resume) for the queue worker: no cache, no admission limit. */
  async embedPassage(text: string): Promise<Float32Array> {
    const [vector] = await this.compute([text], 'passage', 'queue');
    return vector!;
  }

  /** A real model run on a fixed sentence, for readiness. */
  async probe(sentence: string): Promise<{ modelId: string; dimension: number }> {
    const [vector] = await this.compute([sentence], 'query', 'probe');
    return { modelId: this.provider.modelId, dimension: vector!.length };
  }

  private async compute(texts: string[], kind: EmbedInputKind, source: EmbeddingSource): Promise<Float32Array[]> {
    const admitted = source !== 'rpc';
    if (!admitted && this.pendingTexts + texts.length > this.maxPendingTexts) {
      throw new EmbedderOverloadedError(
        `Embedder is busy (${this.pendingTexts} texts waiting, limit ${this.maxPendingTexts}); retry shortly`,
      );
    }
    this.pendingTexts += texts.length;
    let vectors: Float32Array[];
    try {
      vectors = await this.provider.embed(texts, kind);
    } catch (error) {
      throw toEmbedderError(error);
    } finally {
      this.pendingTexts -= texts.length;
    }
    this.assertVectors(vectors, texts.length);
    this.metrics.textsEmbedded.inc({ source }, texts.length);
    return vectors;
  }

  /** Never hand out a vector of the wrong shape or with NaNs: that is an outage, not a result. */
  private assertVectors(vectors: Float32Array[], expected: number): void {
    const { dimension } = this.provider;
    if (vectors.length !== expected) {
      throw new EmbedderUnavailableError(`Model returned ${vectors.length} vectors for ${expected} texts`);
    }
    for (const vector of vectors) {
      if (vector.length !== dimension) {
        throw new EmbedderUnavailableError(`Model returned a ${vector.length}-d vector, expected ${dimension}`);
      }
      let norm = 0;
      for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
      if (!Number.isFinite(norm) || norm === 0) throw new EmbedderUnavailableError('Model returned an invalid vector');
    }
  }
}
