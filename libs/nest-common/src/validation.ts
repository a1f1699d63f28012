import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiException } from './errors';

function flatten(errors: ValidationError[], parent = ''): { field: string; errors: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Input validation for every endpoint: unknown fields are rejected, types are converted from
 * the wire (query strings), and failures become 400 VALIDATION_FAILED with per-field messages.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.map((detail) => `${detail.field}: ${detail.errors.join(', ')}`).join('; ');
      return new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message || 'Invalid input', details);
    },
  });
}
