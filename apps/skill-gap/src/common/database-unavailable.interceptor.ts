import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DependencyUnavailableException } from '@jobmatch/nest-common';
import { catchError, type Observable } from 'rxjs';

export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Prisma: can't reach, timed out, database missing, connection closed, pool timeout.
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1003', 'P1008', 'P1017', 'P2024']);
// pg / Node sockets, and SQLSTATEs for "server is going away or refusing connections".
const PG_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '53300', '3D000']);

/** True when `error` means Postgres cannot be reached right now (as opposed to a bug or bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const candidate = error as { code?: unknown; message?: unknown } | null;
  if (typeof candidate !== 'object' || candidate === null) return false;
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (PRISMA_UNAVAILABLE.has(code) || PG_UNAVAILABLE.has(code) || code.startsWith('08')) return true;
  const message = typeof candidate.message === 'string' ? candidate.message : '';
  // pg's pool reports an exhausted connect timeout only through its message.
  return /timeout exceeded when trying to connect|Connection terminated unexpectedly/i.test(message);
}

/** Database outages leave as 503 + Retry-After (the caller should come back), never as a 500. */
@Injectable()
export class DatabaseUnavailableInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (isDatabaseUnavailable(error)) {
          throw new DependencyUnavailableException('postgres', 'The database is unavailable; retry shortly', DATABASE_RETRY_AFTER_SECONDS);
        }
        throw error;
      }),
    );
  }
}
