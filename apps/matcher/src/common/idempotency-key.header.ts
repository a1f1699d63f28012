import { applyDecorators } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

/** OpenAPI of a POST that IdempotencyInterceptor guards. */
export function IdempotencyKeyHeader(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (e.g. a UUID) per intended request: a retry with the same key and body gets the first response again (header Idempotent-Replayed: true) and creates nothing.',
    }),
    ApiConflictResponse({ description: 'IDEMPOTENCY_REQUEST_IN_PROGRESS: the first request with this key is still running (Retry-After)' }),
    ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the key was used for a different request body' }),
  );
}
