import { Global, Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config';
import { EMBEDDING_PROVIDER, NEXT_EMBEDDING_PROVIDER, type EmbeddingProvider } from '../inference/embedding-provider';
import { EmbedderMetrics } from '../metrics/embedder-metrics';
import { createEmbeddingProvider, createNextEmbeddingProvider } from './provider.factory';

@Injectable()
class EmbeddingProviderShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger('EmbeddingProvider');

  constructor(
    @Inject(EMBEDDING_PROVIDER) private readonly provider: EmbeddingProvider,
    @Inject(NEXT_EMBEDDING_PROVIDER) private readonly next: EmbeddingProvider | null,
  ) {}

  /** After the worker drained and the RPC server closed: nothing uses the model any more. */
  async onApplicationShutdown(): Promise<void> {
    for (const provider of [this.provider, this.next]) {
      await provider?.close().catch((error: unknown) => this.logger.warn(`Closing the model failed: ${(error as Error).message}`));
    }
  }
}

/**
 * The model backend, chosen by EMBEDDING_PROVIDER (and the second model of a switch, NEXT_MODEL_ID). Built while the app starts, so a
 * missing or corrupt model stops start-up with the inference layer's message.
 */
@Global()
@Module({})
export class EmbeddingProviderModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: EmbeddingProviderModule,
      providers: [
        EmbedderMetrics,
        {
          provide: EMBEDDING_PROVIDER,
          useFactory: (metrics: EmbedderMetrics) => createEmbeddingProvider(config, metrics),
          inject: [EmbedderMetrics],
        },
        {
          provide: NEXT_EMBEDDING_PROVIDER,
          useFactory: (metrics: EmbedderMetrics) => createNextEmbeddingProvider(config, metrics),
          inject: [EmbedderMetrics],
        },
        EmbeddingProviderShutdown,
      ],
      exports: [EMBEDDING_PROVIDER, NEXT_EMBEDDING_PROVIDER, EmbedderMetrics],
    };
  }
}
