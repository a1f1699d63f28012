import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError } from '@jobmatch/config';
import { configureHttpApp } from '@jobmatch/nest-common';
import { AppModule } from './app.module';
import { loadAppConfig } from './config';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  configureHttpApp(app, { title: 'Skill-gap API', description: 'Skill extraction, skill lookup and skill gaps ranked by what target jobs need', corsOrigins: config.CORS_ORIGINS });
  await app.listen(config.PORT, '0.0.0.0');
}

bootstrap().catch((error: unknown) => {
  // Configuration errors name the variable; print them without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
