import type { DynamicModule, INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiErrorFilter } from './api-error.filter';
import { createValidationPipe } from './validation';

export const API_PREFIX = 'api/v1';

export interface HttpAppOptions {
  title: string;
  description: string;
  version?: string;
  corsOrigins?: string;
  /** Skip OpenAPI generation (the embedder exposes only health and metrics). */
  docs?: boolean;
}

/**
 * The conventions every HTTP app shares: /api/v1 prefix (health and metrics stay at the root
 * for load balancers and scrapers), validation, one error shape, OpenAPI at /docs, pino logs,
 * and graceful shutdown on SIGTERM.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.ALL },
      { path: 'health/(.*)', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter());
  app.enableShutdownHooks();
  const origins = (options.corsOrigins ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  if (origins.length > 0) app.enableCors({ origin: origins });

  if (options.docs !== false) {
    const config = new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion(options.version ?? '1.0')
      .build();
    SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
  }
}

export interface CreateHttpAppOptions extends HttpAppOptions {
  /** Largest accepted JSON body (express syntax, e.g. '1mb'); larger bodies get 413. */
  jsonBodyLimit: string;
}

/**
 * Creates an HTTP API exactly as production runs it (main.ts and the integration tests share
 * it). Start-up errors reject instead of calling process.exit, so tests see them; main.ts exits.
 */
export async function createHttpApp(module: DynamicModule, options: CreateHttpAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, abortOnError: false });
  app.useBodyParser('json', { limit: options.jsonBodyLimit });
  // Express hashes every response body for a weak ETag by default: a SHA-1 over each 10–20 KB
  // recommendation page that no API client revalidates with.
  app.set('etag', false);
  configureHttpApp(app, options);
  return app;
}
