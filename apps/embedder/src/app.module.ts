import { Module, type DynamicModule } from '@nestjs/common';
import { serviceFoundationImports } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from './config';
import { EmbeddingProviderModule } from './embedding/embedding-provider.module';
import { EmbeddingService } from './embedding/embedding.service';
import { HealthController } from './health/health.controller';
import { EmbeddingJobProcessor } from './queue/embedding-job.processor';
import { EmbeddingWorker } from './queue/embedding-worker';
import { ModelBuilder } from './queue/model-builder';
import { WorkMetrics } from './metrics/work-metrics';
import { EmbedRequestPipe } from './rpc/embed-request.pipe';
import { EmbedderRpcController } from './rpc/embedder-rpc.controller';
import { EmbedderRpcExceptionFilter } from './rpc/rpc-exception.filter';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceFoundationImports(config), EmbeddingProviderModule.forRoot(config)],
      controllers: [HealthController, EmbedderRpcController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        EmbeddingService,
        EmbedRequestPipe,
        EmbedderRpcExceptionFilter,
        EmbeddingJobProcessor,
        EmbeddingWorker,
        ModelBuilder,
        WorkMetrics,
      ],
    };
  }
}
