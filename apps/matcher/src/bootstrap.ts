import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, docsEnabled } from '@jobmatch/nest-common';
import { useOnetDataFile } from '@jobmatch/skills';
import { AppModule } from './app.module';
import type { AppConfig } from './config';

/** JSON bodies up to this size: a resume at RESUME_MAX_CHARS in multi-byte UTF-8 still fits. */
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The HTTP app exactly as production runs it (used by main.ts and by the integration tests). */
export async function createMatcherApp(config: AppConfig): Promise<NestFastifyApplication> {
  // Before the module is built: skills and occupations come from the imported O*NET release when configured.
  if (config.ONET_DATA_FILE) useOnetDataFile(config.ONET_DATA_FILE);
  const app = await createHttpApp(AppModule.forRoot(config), {
    bodyLimitBytes: BODY_LIMIT_BYTES,
    title: 'Matcher API',
    description: 'Jobs, resumes, semantic search, recommendations and explained match scores',
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    docs: docsEnabled(config),
  });
  // Multipart bodies stay unread until ResumeUploadInterceptor reads the upload (with its limits).
  await app.register(fastifyMultipart);
  return app;
}
