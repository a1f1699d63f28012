import { EmbedderErrorCode } from '@jobmatch/contracts';

/** The embedder cannot serve right now (down, too slow, overloaded, or the breaker is open). */
export class EmbedderUnavailableError extends Error {
  constructor(
    message: string,
    /** When a retry has a fair chance: the breaker's remaining open time, or a short default. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'EmbedderUnavailableError';
  }
}

/** The embedder refused the input itself (a caller error; must not count against its health). */
export class EmbedderRejectedInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbedderRejectedInputError';
  }
}

/** The `{ code, message }` body the embedder puts in RPC errors, if this error carries one. */
export function embedderErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (Object.values(EmbedderErrorCode) as string[]).includes(code) ? code : undefined;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
