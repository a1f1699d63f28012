import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import type { TcpContext } from '@nestjs/microservices';
import { EmbedderErrorCode, type EmbedderRpcError } from '@jobmatch/contracts';
import { throwError, type Observable } from 'rxjs';
import { EmbedderError } from '../embedding/errors';
import { EmbedderMetrics } from '../metrics/embedder-metrics';

/**
 * Every RPC failure leaves as a plain `EmbedderRpcError` object ({ code, message }); a Nest TCP
 * ClientProxy rejects with exactly that object, so callers switch on `code`. Unexpected errors
 * are logged here and reported as UNAVAILABLE without internals.
 */
@Catch()
export class EmbedderRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('EmbedderRpc');

  constructor(private readonly metrics: EmbedderMetrics) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const pattern =
      host.getType() === 'rpc' ? (host.switchToRpc().getContext<TcpContext>()?.getPattern?.() ?? 'unknown') : 'unknown';
    let body: EmbedderRpcError;
    if (exception instanceof EmbedderError) {
      body = { code: exception.code, message: exception.message };
      if (exception.code === EmbedderErrorCode.Unavailable) this.logger.warn(`${pattern}: ${exception.message}`);
    } else {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
        pattern,
      );
      body = { code: EmbedderErrorCode.Unavailable, message: 'The embedder failed to process the request' };
    }
    this.metrics.rpcRequests.inc({ pattern, outcome: body.code.toLowerCase() });
    return throwError(() => body);
  }
}
