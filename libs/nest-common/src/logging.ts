import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import type { Options } from 'pino-http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** The caller's x-request-id when it is a sane length, else a new UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && incoming.length <= 128 ? incoming : randomUUID();
}

/**
 * What createHttpApp and ApiKeyGuard note on the raw request for its log line: the client's
 * address as Fastify sees it (TRUST_PROXY: the address behind the gateway) and the API key's id
 * (never the token).
 */
export interface RequestLogNotes {
  clientAddress?: string;
  apiKeyId?: string;
}

/** What a log line says of its request (the input is pino's mapped request, headers included). */
export function requestLogFields(request: { id?: unknown; method?: string; url?: string; remoteAddress?: string; raw?: RequestLogNotes }) {
  const notes = request.raw;
  const fields: Record<string, unknown> = { id: request.id, method: request.method, url: request.url, remoteAddress: notes?.clientAddress ?? request.remoteAddress };
  if (notes?.apiKeyId) fields.apiKeyId = notes.apiKeyId;
  return fields;
}

/**
 * pino-http's options. Fastify names each request (requestIdFor) and @fastify/middie hands that
 * id to pino-http on the raw request, so log lines and error bodies carry the same id.
 */
export function httpLoggerOptions(level: string): Options {
  return {
    level,
    // Nest's middleware on Fastify rewrites `url` to the part after the middleware's own path.
    autoLogging: {
      ignore: (request: IncomingMessage & { originalUrl?: string }) => {
        const url = request.originalUrl ?? request.url;
        return url === '/health' || url?.startsWith('/health/') === true || url === '/metrics';
      },
    },
    // pino-http binds every request's logger to its serialized request, at any level, before a
    // line is logged. With the standard serializer that meant copying and redacting all headers
    // on every request (≈ 4 % of the matcher's busy time under load); an access log needs these
    // fields, and credentials (authorization, cookie) can no longer reach a log line at all.
    serializers: { req: requestLogFields },
  };
}

/** Structured JSON logs (pino) under the request's id, which is echoed in error bodies. */
export function createLoggerModule(level: string): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: httpLoggerOptions(level) });
}
