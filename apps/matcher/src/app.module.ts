import { Module, type DynamicModule } from '@nestjs/common';
import { AccessControlModule, serviceFoundationImports } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from './config';
import { EmbedderRpcClient } from './embedder/embedder-rpc.client';
import { QueryCacheRedis, QueryEmbeddingCache } from './embedder/query-embedding.cache';
import { QueryEmbeddingService } from './embedder/query-embedding.service';
import { HealthController } from './health/health.controller';
import { JobsController } from './jobs/jobs.controller';
import { MatcherMetrics } from './metrics/matcher-metrics';
import { JobsService } from './jobs/jobs.service';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { MatchScorer } from './matching/match-scorer';
import { MatchingController } from './matching/matching.controller';
import { MatchingService } from './matching/matching.service';
import { EmbeddingQueueProducer } from './queue/embedding-queue.producer';
import { PendingEmbeddingsSweeper } from './queue/pending-embeddings.sweeper';
import { RecommendationsController } from './recommendations/recommendations.controller';
import { RecommendationsService } from './recommendations/recommendations.service';
import { DocumentTextExtractor } from './resumes/parsing/document-text.extractor';
import { ResumesController } from './resumes/resumes.controller';
import { ResumeRetentionSweeper } from './resumes/resume-retention.sweeper';
import { ResumesService } from './resumes/resumes.service';
import { ResumeUploadInterceptor } from './resumes/upload.interceptor';
import { SearchController } from './search/search.controller';
import { SearchService } from './search/search.service';
import { SkillsProvider } from './skills/skills.provider';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [...serviceFoundationImports(config), AccessControlModule.forRoot(config)],
      controllers: [HealthController, JobsController, ResumesController, SearchController, RecommendationsController, MatchingController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        EmbedderRpcClient,
        MatcherMetrics,
        QueryCacheRedis,
        QueryEmbeddingCache,
        QueryEmbeddingService,
        EmbeddingQueueProducer,
        PendingEmbeddingsSweeper,
        SkillsProvider,
        MatchScorer,
        DocumentTextExtractor,
        ResumeUploadInterceptor,
        IdempotencyInterceptor,
        JobsService,
        ResumesService,
        ResumeRetentionSweeper,
        SearchService,
        RecommendationsService,
        MatchingService,
      ],
    };
  }
}
