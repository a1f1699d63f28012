import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { createLoggerModule, DependencyHealthIndicators, InfrastructureModule, MetricsModule } from '@jobmatch/nest-common';
import { DatabaseUnavailableInterceptor } from './common/database-unavailable.interceptor';
import { APP_CONFIG, type AppConfig } from './config';
import { HealthController } from './health/health.controller';
import { SkillGapController } from './skill-gap/skill-gap.controller';
import { SkillGapService } from './skill-gap/skill-gap.service';
import { SkillsController } from './skills/skills.controller';
import { SkillsEngine } from './skills/skills-engine';
import { SkillsService } from './skills/skills.service';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule(config.LOG_LEVEL),
        // No Redis: this API reads stored rows and vectors only (no queue, no cache).
        InfrastructureModule.forRoot({ databaseUrl: config.DATABASE_URL, databasePoolSize: config.DATABASE_POOL_SIZE }),
        TerminusModule,
        MetricsModule,
      ],
      controllers: [HealthController, SkillsController, SkillGapController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_INTERCEPTOR, useClass: DatabaseUnavailableInterceptor },
        DependencyHealthIndicators,
        SkillsEngine,
        SkillsService,
        SkillGapService,
      ],
    };
  }
}
