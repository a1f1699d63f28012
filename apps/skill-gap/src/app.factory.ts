import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp } from '@jobmatch/nest-common';
import { AppModule } from './app.module';
import type { AppConfig } from './config';

/** Resume text (100 000 chars) plus job text (50 000) in UTF-8 can exceed express's 100 kB default. */
export const JSON_BODY_LIMIT = '1mb';

/** The configured app, shared by main.ts and the integration tests so both run the same pipeline. */
export function createSkillGapApp(config: AppConfig): Promise<NestExpressApplication> {
  return createHttpApp(AppModule.forRoot(config), {
    jsonBodyLimit: JSON_BODY_LIMIT,
    title: 'Skill-gap API',
    description: 'Skill extraction, skill lookup and skill gaps ranked by what target jobs need',
    corsOrigins: config.CORS_ORIGINS,
  });
}
