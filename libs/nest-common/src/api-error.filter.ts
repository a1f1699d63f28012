import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpServer, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@jobmatch/contracts';
import { ApiException, DatabaseUnavailableException, isDatabaseUnavailable } from './errors';
import { REQUEST_ID_HEADER } from './logging';

const CODE_BY_STATUS: Partial<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** The error body (without requestId) for anything thrown while answering a request. */
export function toApiErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof ApiException) {
    return { statusCode: exception.getStatus(), code: exception.code, message: exception.message, details: exception.details };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const raw = exception.getResponse();
    const message =
      typeof raw === 'string'
        ? raw
        : Array.isArray((raw as { message?: unknown }).message)
          ? ((raw as { message: string[] }).message).join('; ')
          : String((raw as { message?: unknown }).message ?? exception.message);
    return { statusCode, code: CODE_BY_STATUS[statusCode] ?? `HTTP_${statusCode}`, message };
  }
  // Fastify's own 4xx errors (e.g. a URL it cannot decode) carry an FST_ code and a statusCode.
  const fastifyError = exception as { code?: unknown; statusCode?: unknown; message?: unknown };
  const statusCode = fastifyError?.statusCode;
  if (typeof fastifyError?.code === 'string' && fastifyError.code.startsWith('FST_') && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { statusCode, code: CODE_BY_STATUS[statusCode] ?? `HTTP_${statusCode}`, message: String(fastifyError.message ?? 'Bad request') };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Internal server error' };
}

/**
 * Every error leaves as the same JSON shape (ApiErrorBody). A database outage, wherever it
 * surfaces (repository, vector SQL, health), is a 503 with Retry-After: the caller should come
 * back. Unexpected errors are logged with their stack and answered with a generic 500 — the stack
 * never reaches the client. Replies go through the HTTP adapter, so the filter does not depend on
 * the platform underneath.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiErrorFilter');

  constructor(private readonly httpAdapter: HttpServer) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const exception = isDatabaseUnavailable(thrown) ? new DatabaseUnavailableException() : thrown;
    const response = host.switchToHttp().getResponse<{ getHeader(name: string): unknown }>();
    const body = toApiErrorBody(exception);
    // The id the response already echoes (set once the request reached the logging middleware).
    const requestId = response.getHeader(REQUEST_ID_HEADER);
    if (requestId !== undefined) body.requestId = String(requestId);
    if (exception instanceof ApiException) {
      for (const [name, value] of Object.entries(exception.headers)) this.httpAdapter.setHeader(response, name, value);
    }
    if (body.statusCode >= 500 && !(exception instanceof ApiException)) {
      this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    }
    this.httpAdapter.reply(response, body, body.statusCode);
  }
}
