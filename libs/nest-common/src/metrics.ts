import { Controller, Get, Header, Headers, HttpStatus, Inject, Module, type DynamicModule } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { PublicRoute } from './access';
import { ApiException } from './errors';
import { registerOnce } from './metric-registry';
import { collectDefaultMetrics, Counter, Histogram, register } from 'prom-client';

let defaultsCollected = false;

export { registerOnce } from './metric-registry';

export interface MetricsAccessConfig {
  NODE_ENV: string;
  /** When set, scrapers send `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN?: string;
}

const METRICS_ACCESS = Symbol('METRICS_ACCESS');

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics on GET /metrics (process RSS, event-loop lag, GC, plus each app's own),
 * outside the API keys (a scraper is not a tenant): behind METRICS_TOKEN when it is set, open
 * when it is not, except in production, where an unset token closes it.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_ACCESS) private readonly access: MetricsAccessConfig) {}

  @Get()
  @Header('Content-Type', register.contentType)
  metrics(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const token = this.access.METRICS_TOKEN;
    if (token) {
      const given = /^Bearer[ \t]+(\S+)$/i.exec(authorization ?? '')?.[1];
      if (!given || !sameSecret(given, token)) {
        throw new ApiException(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>', undefined, {
          'WWW-Authenticate': 'Bearer realm="metrics"',
        });
      }
    } else if (this.access.NODE_ENV === 'production') {
      throw new ApiException(HttpStatus.FORBIDDEN, 'METRICS_DISABLED', 'Metrics are closed in production until METRICS_TOKEN is set');
    }
    return register.metrics();
  }
}

@Module({})
export class MetricsModule {
  static forRoot(access: MetricsAccessConfig): DynamicModule {
    if (!defaultsCollected) {
      collectDefaultMetrics();
      defaultsCollected = true;
    }
    return { module: MetricsModule, controllers: [MetricsController], providers: [{ provide: METRICS_ACCESS, useValue: access }] };
  }
}

const HTTP_LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Per-route HTTP metrics of every HTTP app: latency (`http_request_duration_seconds`, by method
 * and route) and answers (`http_requests_total`, by method, route and status code). The route is
 * Fastify's pattern (`/api/v1/jobs/:id`), never the raw URL, so the series stay few; requests that
 * match no route count as route "unmatched".
 */
export function instrumentHttpMetrics(fastify: FastifyInstance): void {
  const duration = registerOnce(
    'http_request_duration_seconds',
    () =>
      new Histogram({
        name: 'http_request_duration_seconds',
        help: 'Time from receiving a request to sending its answer, by method and route',
        labelNames: ['method', 'route'] as const,
        buckets: HTTP_LATENCY_BUCKETS,
      }),
  );
  const answers = registerOnce(
    'http_requests_total',
    () =>
      new Counter({
        name: 'http_requests_total',
        help: 'Answered requests by method, route and status code',
        labelNames: ['method', 'route', 'status_code'] as const,
      }),
  );
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    answers.inc({ method: request.method, route, status_code: String(reply.statusCode) });
    done();
  });
}
