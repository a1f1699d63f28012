import { Inject, Injectable } from '@nestjs/common';
import type { EmbedInputKind, ModelInfoResponse } from '@jobmatch/contracts';
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
 * Turns validated texts into vectors with the active provider. The query-embedding cache belongs
 * to the caller (the matcher reads it before calling and writes what this returns). Requests are
 * refused with OVERLOADED once too many texts are already waiting, so callers back off instead
 * of piling up latency and memory.
 */
@Injectable()
export class EmbeddingService {
  private pendingTexts = 0;
  private readonly maxPendingTexts: number;

  constructor(
    @Inject(EMBEDDING_PROVIDER) private readonly provider: EmbeddingProvider,
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
    // Compute each distinct text once, even when a request repeats it.
    const positions = new Map<string, number[]>();
    texts.forEach((text, index) => {
      const seen = positions.get(text);
      if (seen) seen.push(index);
      else positions.set(text, [index]);
    });
    const distinct = [...positions.keys()];
    const computed = await this.compute(distinct, kind, 'rpc');
    const vectors: Float32Array[] = new Array(texts.length);
    distinct.forEach((text, i) => {
      for (const index of positions.get(text)!) vectors[index] = computed[i]!;
    });
    return { modelId, dimension, vectors };
  }

  /** One stored document (job posting, resume) for the queue worker: no admission limit. */
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
