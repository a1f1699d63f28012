import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';

/** Structured JSON logs (pino) with a request id that is echoed in error bodies. */
export function createLoggerModule(level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      genReqId: (request, response) => {
        const incoming = request.headers['x-request-id'];
        const id = typeof incoming === 'string' && incoming.length <= 128 ? incoming : randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (request) => request.url === '/health' || request.url?.startsWith('/health/') === true || request.url === '/metrics' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  });
}
