import { HttpException, HttpStatus } from '@nestjs/common';
import type { EmbeddableEntity } from '@jobmatch/contracts';

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

/** How long a caller is told to wait (Retry-After) when Postgres cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// pg / Node sockets, and SQLSTATEs for "server is going away or refusing connections".
const PG_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '53300', '3D000']);

/** True when `error` means Postgres cannot be reached right now (as opposed to a bug or bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const candidate = error as { code?: unknown; message?: unknown } | null;
  if (typeof candidate !== 'object' || candidate === null) return false;
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (PG_UNAVAILABLE.has(code) || code.startsWith('08')) return true;
  const message = typeof candidate.message === 'string' ? candidate.message : '';
  // pg reports these only through their messages: no free pooled client in time ("timeout exceeded
  // when trying to connect"), a new connection that got no answer in time ("Connection terminated
  // due to connection timeout", e.g. a host that stopped answering) and a dropped one ("Connection
  // terminated unexpectedly").
  return /timeout exceeded when trying to connect|Connection terminated (unexpectedly|due to connection timeout)/i.test(message);
}

export class DatabaseUnavailableException extends DependencyUnavailableException {
  constructor() {
    super('postgres', 'The database is unavailable; retry shortly', DATABASE_RETRY_AFTER_SECONDS);
  }
}

export class NotFoundApiException extends ApiException {
  constructor(entity: string, id: string) {
    super(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });
  }
}

/** The embedding columns every embeddable row (job, resume) carries. */
export interface EmbeddingStateColumns {
  id: string;
  embeddingStatus: 'PENDING' | 'READY' | 'FAILED';
  embeddingModel: string | null;
  embeddingError: string | null;
}

/**
 * 409 for a stored job or resume without a usable vector for `modelId` (pending, failed, or
 * embedded by another model): says which state it is in instead of answering "no matches".
 */
export class EmbeddingNotReadyException extends ApiException {
  constructor(entity: EmbeddableEntity, row: EmbeddingStateColumns, modelId: string) {
    const { id, embeddingStatus: status, embeddingError } = row;
    const message =
      status === 'PENDING'
        ? `The ${entity} ${id} is still being embedded; try again in a few seconds.`
        : status === 'FAILED'
          ? `The ${entity} ${id} could not be embedded (${embeddingError ?? 'unknown error'}); update its text to retry.`
          : `The ${entity} ${id} has no embedding for model ${modelId} yet (stored: ${row.embeddingModel ?? 'none'}); retry once it has been re-embedded.`;
    super(
      HttpStatus.CONFLICT,
      'EMBEDDING_NOT_READY',
      message,
      { entity, id, embeddingStatus: status, embeddingError, modelId },
      status === 'PENDING' ? { 'Retry-After': '2' } : {},
    );
  }
}
