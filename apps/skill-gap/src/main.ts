import 'reflect-metadata';
import { ConfigError } from '@jobmatch/config';
import { createSkillGapApp } from './app.factory';
import { loadAppConfig } from './config';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await createSkillGapApp(config);
  await app.listen(config.PORT, '0.0.0.0');
}

bootstrap().catch((error: unknown) => {
  // Configuration errors name the variable; print them without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
