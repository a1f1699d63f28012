import 'reflect-metadata';
import { getHeapStatistics } from 'node:v8';
import { Logger } from '@nestjs/common';
import { ConfigError } from '@jobmatch/config';
import { createSkillGapApp } from './app.factory';
import { loadAppConfig } from './config';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await createSkillGapApp(config);
  await app.listen(config.PORT, '0.0.0.0');
  // The 128 MB RSS budget holds with the heap flags of `pnpm start` (see BENCHMARKS.md).
  const heapLimitMb = getHeapStatistics().heap_size_limit / 2 ** 20;
  if (heapLimitMb > 256) {
    new Logger('Bootstrap').warn(`V8 heap limit is ${Math.round(heapLimitMb)} MB: start with \`pnpm --filter @jobmatch/skill-gap start\` (or its node flags) to stay within 128 MB RSS`);
  }
}

bootstrap().catch((error: unknown) => {
  // Configuration errors name the variable; print them without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
