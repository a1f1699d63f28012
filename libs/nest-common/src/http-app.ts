import fastifyMiddie from '@fastify/middie';
import type { DynamicModule } from '@nestjs/common';
import { BadRequestException, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { Server } from 'node:http';
import { parse as parseUrlencoded } from 'node:querystring';
import { ApiErrorFilter, toApiErrorBody } from './api-error.filter';
import { REQUEST_ID_HEADER, requestIdFor, type RequestLogNotes } from './logging';
import { instrumentHttpMetrics } from './metrics';
import { createValidationPipe } from './validation';

export const API_PREFIX = 'api/v1';

export interface HttpAppOptions {
  title: string;
  description: string;
  version?: string;
  corsOrigins?: string;
  /** Skip OpenAPI generation (the embedder exposes only health and metrics). */
  docs?: boolean;
  /** Largest accepted JSON or form body in bytes (larger bodies get 413); Fastify's 1 MiB when unset. */
  bodyLimitBytes?: number;
  /** TRUST_PROXY as configured (`false`, `true`, a hop count or addresses/CIDRs). */
  trustProxy?: string;
}

/** TRUST_PROXY as Fastify's `trustProxy`: a boolean, a hop count, or a list of addresses/CIDRs. */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  const trimmed = (value ?? 'false').trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed.split(',').map((entry) => entry.trim()).filter(Boolean);
}

/** Whether /docs is served: DOCS_ENABLED when set, otherwise everywhere but production. */
export function docsEnabled(config: { NODE_ENV: string; DOCS_ENABLED?: boolean }): boolean {
  return config.DOCS_ENABLED ?? config.NODE_ENV !== 'production';
}

/**
 * Creates an HTTP API exactly as production runs it (main.ts and the integration tests share
 * it). Start-up errors reject instead of calling process.exit, so tests see them; main.ts exits.
 * Fastify rather than Express: less framework work per request. No ETag is computed (Express
 * hashed every body for one) and Fastify's own logger stays off (nestjs-pino logs requests).
 */
export async function createHttpApp(module: DynamicModule, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes,
    genReqId: requestIdFor,
    // request.ip (rate limits, logs) is the client behind the gateway only when the proxy is trusted.
    trustProxy: parseTrustProxy(options.trustProxy),
    // Routing as it was on Express: case-insensitive paths, a trailing slash ignored, and path
    // ids of any length reach their validation pipe (400 INVALID_ID) instead of a 414.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
    // A URL Fastify cannot decode is refused before routing, outside Nest's filters.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const body = toApiErrorBody(error);
      void reply.code(body.statusCode).send(body);
    },
    // Nest middleware (pino-http) is mounted below, after body parsing.
    skipMiddie: true,
    // Routes validate with class-validator (ValidationPipe) and reply with JSON.stringify; Fastify's
    // schema compilers (ajv, fast-json-stringify) would only cost memory: ≈ 1 MB of heap per app.
    schemaController: { compilersFactory: { buildValidator: noFastifySchemas, buildSerializer: noFastifySchemas } },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true, abortOnError: false });
  instrumentHttpMetrics(app.getHttpAdapter().getInstance());
  await useExpressRequestStages(app);
  configureHttpApp(app, options);
  return app;
}

function noFastifySchemas(): never {
  throw new Error('Fastify route schemas are not used here: validate with class-validator DTOs (ValidationPipe)');
}

/**
 * The conventions every HTTP app shares: /api/v1 prefix (health and metrics stay at the root
 * for load balancers and scrapers), validation, one error shape, OpenAPI at /docs, pino logs,
 * and graceful shutdown on SIGTERM.
 */
function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.ALL },
      { path: 'health/{*path}', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter(app.getHttpAdapter()));
  app.enableShutdownHooks();
  const origins = (options.corsOrigins ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  // strictPreflight off: any OPTIONS gets the preflight answer (204), as the cors middleware gave.
  if (origins.length > 0) app.enableCors({ origin: origins, strictPreflight: false });

  if (options.docs !== false) {
    const config = new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion(options.version ?? '1.0')
      .build();
    SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
  }
}

/**
 * A request goes through the stages it had on Express. The body is read first: JSON and
 * urlencoded forms up to the body limit; an empty JSON body is `{}` and only an object or array
 * is a JSON body (body-parser's strict mode); bodies of other types stay unread for the route to
 * answer (the resume upload says to send multipart) instead of Fastify's blanket 415. Then the
 * Nest middleware (pino-http) runs and the response echoes the request id, so a request whose
 * body cannot be read is refused without an id in its error body, as before.
 */
async function useExpressRequestStages(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Fastify's own parsers (JSON, and text/plain as a string) give way to the ones below.
  fastify.removeAllContentTypeParsers();
  // 'remove': a "__proto__" or "constructor.prototype" key is dropped, as validation ignored it.
  const parseJson = fastify.getDefaultJsonParser('remove', 'remove');
  app.useBodyParser<Server>('application/json', {}, (request, body, done) => {
    if (body.length === 0) return done(null, {});
    parseJson(request, body.toString('utf8'), (error, value) => {
      const isJsonBody = !error && typeof value === 'object' && value !== null;
      done(isJsonBody ? null : new BadRequestException('Request body is not valid JSON'), value);
    });
  });
  // Nest adds its urlencoded parser only when no parser was set, as the JSON one is above.
  app.useBodyParser<Server>('application/x-www-form-urlencoded', {}, (_request, body, done) => done(null, parseUrlencoded(body.toString())));
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null));

  await app.register(fastifyMiddie, { hook: 'preValidation' });
  fastify.addHook('preValidation', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // The address the log line shows (pino-http reads the raw request's socket otherwise).
  fastify.addHook('onRequest', (request, _reply, done) => {
    (request.raw as RequestLogNotes).clientAddress = request.ip;
    done();
  });
}
