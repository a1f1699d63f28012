import { Module, type DynamicModule } from '@nestjs/common';
import { AccessControlModule, serviceFoundationImports } from '@jobmatch/nest-common';
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
      // Redis for the rate limits only: this API reads stored rows and vectors (no queue, no cache).
      imports: [...serviceFoundationImports(config), AccessControlModule.forRoot(config)],
      controllers: [HealthController, SkillsController, SkillGapController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        SkillsEngine,
        SkillsService,
        SkillGapService,
      ],
    };
  }
}
