import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp } from '@jobmatch/nest-common';
import { AppModule } from './app.module';
import type { AppConfig } from './config';

/** JSON bodies up to this size: a resume at RESUME_MAX_CHARS in multi-byte UTF-8 still fits. */
const JSON_BODY_LIMIT = '2mb';

/** The HTTP app exactly as production runs it (used by main.ts and by the integration tests). */
export function createMatcherApp(config: AppConfig): Promise<NestExpressApplication> {
  return createHttpApp(AppModule.forRoot(config), {
    jsonBodyLimit: JSON_BODY_LIMIT,
    title: 'Matcher API',
    description: 'Jobs, resumes, semantic search, recommendations and explained match scores',
    corsOrigins: config.CORS_ORIGINS,
  });
}
