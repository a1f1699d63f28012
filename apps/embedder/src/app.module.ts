import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { createLoggerModule, DependencyHealthIndicators, InfrastructureModule, MetricsModule } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from './config';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule(config.LOG_LEVEL),
        InfrastructureModule.forRoot({
          databaseUrl: config.DATABASE_URL,
          databasePoolSize: config.DATABASE_POOL_SIZE,
          redisUrl: config.REDIS_URL,
        }),
        TerminusModule,
        MetricsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }, DependencyHealthIndicators],
    };
  }
}
