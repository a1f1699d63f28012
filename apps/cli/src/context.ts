import 'reflect-metadata';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { cliEnvSchema, ConfigError, loadConfig, type CliEnv } from '@jobmatch/config';
import { EmbeddingCoverageRepository, SearchedModel, VectorStore } from '@jobmatch/db';
import { PG_POOL } from '@jobmatch/nest-common';
import {
  DataPathsModule,
  EmbeddingQueueProducer,
  JobsService,
  loadAppConfig,
  ResumesService,
} from '@jobmatch/matcher/dist/operator';
import { useOnetDataFile } from '@jobmatch/skills';
import type { Pool } from 'pg';
import { CliError } from './cli-error';
import { EmbeddingQueueAdmin } from './queue/embedding-queue.admin';

/** What the data commands work with: the matcher's write paths and the stores behind them. */
export interface DataContext {
  config: CliEnv;
  jobs: JobsService;
  resumes: ResumesService;
  producer: EmbeddingQueueProducer;
  vectors: VectorStore;
  coverage: EmbeddingCoverageRepository;
  /** The model searches use (the registry's active one, else MODEL_ID): what backfill, export and retries default to. */
  searchedModel: SearchedModel;
  queue: EmbeddingQueueAdmin;
  pool: Pool;
}

/** Nest's messages (warnings of the services) go to stderr: stdout carries the command's output. */
class StderrLogger implements LoggerService {
  log(): void {}
  warn(message: unknown): void {
    process.stderr.write(`warn: ${String(message)}\n`);
  }
  error(message: unknown): void {
    process.stderr.write(`error: ${String(message)}\n`);
  }
}

/** The configuration, validated once; a wrong variable is an explained failure naming it. */
export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): CliEnv {
  try {
    return loadConfig(cliEnvSchema, env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * Runs `work` with the matcher's write paths (DataPathsModule) in a Nest application context
 * without HTTP, then closes every connection and parser process, whatever happened.
 */
export async function withDataContext<T>(
  work: (context: DataContext) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const config = loadCliConfig(env);
  // The services read the matcher's own settings (same names, same validation and defaults).
  const appConfig = loadAppConfig(env);
  if (config.ONET_DATA_FILE) useOnetDataFile(config.ONET_DATA_FILE);
  const app: INestApplicationContext = await NestFactory.createApplicationContext(DataPathsModule.forRoot(appConfig), {
    logger: new StderrLogger(),
    abortOnError: false,
  });
  const queue = new EmbeddingQueueAdmin(config.REDIS_URL, config.REDIS_KEY_PREFIX);
  const pool = app.get<Pool>(PG_POOL);
  try {
    return await work({
      config,
      jobs: app.get(JobsService),
      resumes: app.get(ResumesService),
      producer: app.get(EmbeddingQueueProducer),
      vectors: app.get(VectorStore),
      coverage: new EmbeddingCoverageRepository(pool),
      searchedModel: app.get(SearchedModel),
      queue,
      pool,
    });
  } finally {
    await queue.close();
    await app.close();
  }
}
