import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, docsEnabled } from '@jobmatch/nest-common';
import { useOnetDataFile } from '@jobmatch/skills';
import { AppModule } from './app.module';
import type { AppConfig } from './config';

/** Resume text (100 000 chars) plus job text (50 000) in multi-byte UTF-8 stay under 1 MiB (413 above). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The configured app, shared by main.ts and the integration tests so both run the same pipeline. */
export function createSkillGapApp(config: AppConfig): Promise<NestFastifyApplication> {
  // Before the module is built: SkillsEngine compiles the process's taxonomy in its constructor.
  if (config.ONET_DATA_FILE) useOnetDataFile(config.ONET_DATA_FILE);
  return createHttpApp(AppModule.forRoot(config), {
    bodyLimitBytes: BODY_LIMIT_BYTES,
    title: 'Skill-gap API',
    description: 'Skill extraction, skill lookup and skill gaps ranked by what target jobs need',
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    docs: docsEnabled(config),
  });
}
