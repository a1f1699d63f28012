import { Controller, Get, Header, Module } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, register, type Metric } from 'prom-client';

let defaultsCollected = false;

/**
 * Registers a metric once per process: tests build several Nest apps in one process, and
 * prom-client refuses a second metric with the same name in the global registry.
 */
export function registerOnce<T extends Metric>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

/** Prometheus metrics on GET /metrics (process RSS, event-loop lag, GC, plus each app's own). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}

@Module({ controllers: [MetricsController] })
export class MetricsModule {
  constructor() {
    if (!defaultsCollected) {
      collectDefaultMetrics();
      defaultsCollected = true;
    }
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
