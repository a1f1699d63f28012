import { HttpStatus, Injectable } from '@nestjs/common';
import { SearchedModel, VectorStore } from '@jobmatch/db';
import { ApiException, DependencyUnavailableException } from '@jobmatch/nest-common';
import { EmbedderRpcClient } from './embedder-rpc.client';
import { EmbedderRejectedInputError, EmbedderUnavailableError } from './embedder.errors';
import { QueryEmbeddingCache } from './query-embedding.cache';

/**
 * Embeds a search query with the searched (active) model: cache first, then the embedder (through
 * the breaker), naming the model so that during a model switch the embedder answers with the one
 * whose stored vectors the search will read.
 */
@Injectable()
export class QueryEmbeddingService {
  constructor(
    private readonly cache: QueryEmbeddingCache,
    private readonly embedder: EmbedderRpcClient,
    private readonly searchedModel: SearchedModel,
    private readonly vectors: VectorStore,
  ) {}

  async embedQuery(text: string): Promise<{ vector: Float32Array; cached: boolean; modelId: string }> {
    const modelId = await this.searchedModel.modelId();
    // Registered models know their dimension; one that is not has no vectors to search yet.
    const dimension = (await this.vectors.findModel(modelId))?.dimension;
    const cached = dimension ? await this.cache.get(modelId, text, dimension) : null;
    if (cached) return { vector: cached, cached: true, modelId };
    let response;
    try {
      response = await this.embedder.embed({ texts: [text], kind: 'query', modelId });
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
    if (response.modelId !== modelId || (dimension !== undefined && response.vectors[0]?.length !== dimension)) {
      throw new DependencyUnavailableException(
        'embedder',
        `The embedding service serves model ${response.modelId}, but this API searches vectors of ${modelId}.`,
        30,
      );
    }
    const vector = Float32Array.from(response.vectors[0]!);
    await this.cache.set(modelId, text, vector);
    return { vector, cached: false, modelId };
  }
}
