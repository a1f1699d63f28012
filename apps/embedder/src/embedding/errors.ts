import { EmbedderErrorCode } from '@jobmatch/contracts';
import { InferenceOverloadedError } from '../inference/micro-batcher';

/** A failure with the stable code the RPC layer sends to callers (see EmbedderErrorCode). */
export class EmbedderError extends Error {
  constructor(
    readonly code: EmbedderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmbedderError';
  }
}

export class InvalidEmbedInputError extends EmbedderError {
  constructor(message: string) {
    super(EmbedderErrorCode.InvalidInput, message);
    this.name = 'InvalidEmbedInputError';
  }
}

/** Too much work already waiting: the caller should back off and retry. */
export class EmbedderOverloadedError extends EmbedderError {
  constructor(message: string) {
    super(EmbedderErrorCode.Overloaded, message);
    this.name = 'EmbedderOverloadedError';
  }
}

export class EmbedderUnauthenticatedError extends EmbedderError {
  constructor() {
    super(EmbedderErrorCode.Unauthenticated, 'The call did not carry the embedder RPC secret');
    this.name = 'EmbedderUnauthenticatedError';
  }
}

export class EmbedderUnavailableError extends EmbedderError {
  constructor(message: string) {
    super(EmbedderErrorCode.Unavailable, message);
    this.name = 'EmbedderUnavailableError';
  }
}

/**
 * Maps any error to an RPC error code. A full micro-batch queue (InferenceOverloadedError, or any
 * error with `code: 'OVERLOADED'`) keeps that meaning; anything else unexpected
 * means the model could not serve the request right now.
 */
export function toEmbedderError(error: unknown): EmbedderError {
  if (error instanceof EmbedderError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof InferenceOverloadedError || code === EmbedderErrorCode.Overloaded) return new EmbedderOverloadedError(message);
  if (code === EmbedderErrorCode.InvalidInput) return new InvalidEmbedInputError(message);
  return new EmbedderUnavailableError(`Embedding failed: ${message}`);
}
