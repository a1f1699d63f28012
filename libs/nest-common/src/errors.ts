import { HttpException, HttpStatus } from '@nestjs/common';

/** An HTTP error with a stable machine-readable code, rendered by ApiErrorFilter. */
export class ApiException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super({ code, message, details }, status);
  }
}

/** 503 with Retry-After: a dependency is down; the caller should come back later. */
export class DependencyUnavailableException extends ApiException {
  constructor(dependency: string, message: string, retryAfterSeconds: number) {
    super(HttpStatus.SERVICE_UNAVAILABLE, 'DEPENDENCY_UNAVAILABLE', message, { dependency, retryAfterSeconds }, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}

export class NotFoundApiException extends ApiException {
  constructor(entity: string, id: string) {
    super(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });
  }
}
