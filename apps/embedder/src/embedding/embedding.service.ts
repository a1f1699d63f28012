import { Inject, Injectable } from '@nestjs/common';
import type { EmbedInputKind, ModelInfoResponse } from '@jobmatch/contracts';
import { APP_CONFIG, type AppConfig } from '../config';
import { EMBEDDING_PROVIDER, NEXT_EMBEDDING_PROVIDER, type EmbeddingProvider } from '../inference/embedding-provider';
import { EmbedderMetrics } from '../metrics/embedder-metrics';
import { EmbedderOverloadedError, EmbedderUnavailableError, toEmbedderError } from './errors';

export interface EmbeddingResult {
  modelId: string;
  dimension: number;
  vectors: Float32Array[];
}

export type EmbeddingSource = 'rpc' | 'queue' | 'probe';

/**
 * Turns validated texts into vectors with the model a caller names: MODEL_ID, or during a model
 * switch the second model (NEXT_MODEL_ID) as well; a model this process does not serve is an
 * outage for the caller (503), never a vector of another model. The query-embedding cache belongs
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
    @Inject(NEXT_EMBEDDING_PROVIDER) private readonly next: EmbeddingProvider | null = null,
  ) {
    this.maxPendingTexts = config.EMBED_MAX_PENDING_TEXTS;
  }

  /** MODEL_ID: the model of calls that name none. */
  get modelId(): string {
    return this.provider.modelId;
  }

  /** The second model of a switch (NEXT_MODEL_ID), or null. */
  get nextModelId(): string | null {
    return this.next?.modelId ?? null;
  }

  /** Every model this process embeds with, with its dimension. */
  models(): Array<{ modelId: string; dimension: number }> {
    return [this.provider, this.next].filter((provider): provider is EmbeddingProvider => provider !== null).map(({ modelId, dimension }) => ({ modelId, dimension }));
  }

  serves(modelId: string): boolean {
    return this.provider.modelId === modelId || this.next?.modelId === modelId;
  }

  modelInfo(): ModelInfoResponse {
    return {
      modelId: this.provider.modelId,
      dimension: this.provider.dimension,
      maxSeqLength: this.provider.maxSeqLength,
      quantized: this.provider.quantized,
      provider: this.provider.kind,
      ...(this.next ? { next: { modelId: this.next.modelId, dimension: this.next.dimension } } : {}),
    };
  }

  private providerFor(modelId: string | undefined): EmbeddingProvider {
    if (modelId === undefined || modelId === this.provider.modelId) return this.provider;
    if (this.next && modelId === this.next.modelId) return this.next;
    const served = this.models().map((model) => model.modelId).join(' and ');
    throw new EmbedderUnavailableError(`This embedder serves ${served}, not ${modelId}`);
  }

  /** Embeds texts for an RPC caller with `modelId` (default MODEL_ID); `kind` defaults to 'query'. */
  async embed(texts: string[], kind: EmbedInputKind = 'query', modelId?: string): Promise<EmbeddingResult> {
    const provider = this.providerFor(modelId);
    const { dimension } = provider;
    // Compute each distinct text once, even when a request repeats it.
    const positions = new Map<string, number[]>();
    texts.forEach((text, index) => {
      const seen = positions.get(text);
      if (seen) seen.push(index);
      else positions.set(text, [index]);
    });
    const distinct = [...positions.keys()];
    const computed = await this.compute(provider, distinct, kind, 'rpc');
    const vectors: Float32Array[] = new Array(texts.length);
    distinct.forEach((text, i) => {
      for (const index of positions.get(text)!) vectors[index] = computed[i]!;
    });
    return { modelId: provider.modelId, dimension, vectors };
  }

  /** One stored document (job posting, resume) for the queue worker, with `modelId` (default MODEL_ID): no admission limit. */
  async embedPassage(text: string, modelId?: string): Promise<Float32Array> {
    const [vector] = await this.compute(this.providerFor(modelId), [text], 'passage', 'queue');
    return vector!;
  }

  /** A real model run on a fixed sentence, for readiness. */
  async probe(sentence: string): Promise<{ modelId: string; dimension: number }> {
    const [vector] = await this.compute(this.provider, [sentence], 'query', 'probe');
    return { modelId: this.provider.modelId, dimension: vector!.length };
  }

  private async compute(provider: EmbeddingProvider, texts: string[], kind: EmbedInputKind, source: EmbeddingSource): Promise<Float32Array[]> {
    const admitted = source !== 'rpc';
    if (!admitted && this.pendingTexts + texts.length > this.maxPendingTexts) {
      throw new EmbedderOverloadedError(
        `Embedder is busy (${this.pendingTexts} texts waiting, limit ${this.maxPendingTexts}); retry shortly`,
      );
    }
    this.pendingTexts += texts.length;
    let vectors: Float32Array[];
    try {
      vectors = await provider.embed(texts, kind);
    } catch (error) {
      throw toEmbedderError(error);
    } finally {
      this.pendingTexts -= texts.length;
    }
    this.assertVectors(vectors, texts.length, provider.dimension);
    this.metrics.textsEmbedded.inc({ source }, texts.length);
    return vectors;
  }

  /** Never hand out a vector of the wrong shape or with NaNs: that is an outage, not a result. */
  private assertVectors(vectors: Float32Array[], expected: number, dimension: number): void {
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
