import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { getModelSpec } from '@jobmatch/contracts';
import { ApiException, DependencyUnavailableException } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from '../config';
import { EmbedderRpcClient } from './embedder-rpc.client';
import { EmbedderRejectedInputError, EmbedderUnavailableError } from './embedder.errors';
import { QueryEmbeddingCache } from './query-embedding.cache';

/** Embeds a search query: cache first, then the embedder (through the breaker). */
@Injectable()
export class QueryEmbeddingService {
  private readonly modelId: string;
  private readonly dimension: number;

  constructor(
    private readonly cache: QueryEmbeddingCache,
    private readonly embedder: EmbedderRpcClient,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.modelId = config.MODEL_ID;
    this.dimension = getModelSpec(config.MODEL_ID).dimension;
  }

  async embedQuery(text: string): Promise<{ vector: Float32Array; cached: boolean }> {
    const cached = await this.cache.get(this.modelId, text, this.dimension);
    if (cached) return { vector: cached, cached: true };
    let response;
    try {
      response = await this.embedder.embed({ texts: [text], kind: 'query' });
    } catch (error) {
      if (error instanceof EmbedderUnavailableError) {
        throw new DependencyUnavailableException('embedder', error.message, error.retryAfterSeconds);
      }
      if (error instanceof EmbedderRejectedInputError) {
        throw new ApiException(
          HttpStatus.BAD_REQUEST,
          'INVALID_QUERY',
          `The query cannot be embedded: ${error.message}`,
        );
      }
      throw error;
    }
    // Vectors of another model would be compared with stored vectors they do not belong with.
    if (response.modelId !== this.modelId || response.vectors[0]?.length !== this.dimension) {
      throw new DependencyUnavailableException(
        'embedder',
        `The embedding service serves model ${response.modelId}, but this API searches vectors of ${this.modelId}.`,
        30,
      );
    }
    const vector = Float32Array.from(response.vectors[0]);
    await this.cache.set(this.modelId, text, vector);
    return { vector, cached: false };
  }
}
