import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@jobmatch/contracts';
import type { Request, Response } from 'express';
import { ApiException } from './errors';

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

/**
 * Every error leaves as the same JSON shape (ApiErrorBody). Unexpected errors are logged with
 * their stack and answered with a generic 500 — the stack never reaches the client.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    if (request?.id !== undefined) body.requestId = String(request.id);
    if (exception instanceof ApiException) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    }
    if (body.statusCode >= 500 && !(exception instanceof ApiException)) {
      this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
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
    // body-parser errors (malformed JSON, body too large) carry `status` and `type`.
    const candidate = exception as { status?: unknown; type?: unknown; message?: unknown };
    if (typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 500) {
      const statusCode = candidate.status;
      const message = candidate.type === 'entity.parse.failed' ? 'Request body is not valid JSON' : String(candidate.message ?? 'Bad request');
      return { statusCode, code: CODE_BY_STATUS[statusCode] ?? `HTTP_${statusCode}`, message };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Internal server error' };
  }
}
