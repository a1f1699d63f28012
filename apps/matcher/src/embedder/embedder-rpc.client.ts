import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import CircuitBreaker from 'opossum';
import { firstValueFrom, timeout } from 'rxjs';
import {
  EmbedderErrorCode,
  EmbedderRpc,
  RPC_AUTH_FIELD,
  type EmbedRequest,
  type EmbedResponse,
  type ModelInfoResponse,
} from '@jobmatch/contracts';
import { APP_CONFIG, type AppConfig } from '../config';
import {
  EmbedderRejectedInputError,
  EmbedderUnavailableError,
  embedderErrorCode,
  errorMessage,
} from './embedder.errors';

export type BreakerState = 'closed' | 'open' | 'half-open';

/** How long a caller should wait after a failure that did not open the breaker. */
const SHORT_RETRY_AFTER_SECONDS = 2;

/**
 * The embedder over RPC (@nestjs/microservices TCP), behind an opossum circuit breaker: after
 * repeated failures or timeouts the breaker opens and calls fail at once (no waiting on a dead
 * peer) until BREAKER_RESET_MS has passed and a trial call succeeds.
 */
@Injectable()
export class EmbedderRpcClient implements OnApplicationShutdown {
  private readonly logger = new Logger(EmbedderRpcClient.name);
  private readonly client: ClientProxy;
  private readonly breaker: CircuitBreaker<[EmbedRequest], EmbedResponse>;
  private readonly timeoutMs: number;
  private readonly resetMs: number;
  private openedAt = 0;
  private readonly secret: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.timeoutMs = config.EMBEDDER_TIMEOUT_MS;
    this.resetMs = config.BREAKER_RESET_MS;
    this.secret = config.EMBEDDER_RPC_SECRET;
    this.client = ClientProxyFactory.create({
      transport: Transport.TCP,
      options: { host: config.EMBEDDER_HOST, port: config.EMBEDDER_RPC_PORT },
    });
    this.breaker = new CircuitBreaker((request: EmbedRequest) => this.call<EmbedResponse>(EmbedderRpc.Embed, request), {
      timeout: this.timeoutMs,
      resetTimeout: this.resetMs,
      errorThresholdPercentage: 50,
      // A few failures in the rolling window are enough to stop sending traffic to a dead embedder.
      volumeThreshold: 3,
      rollingCountTimeout: 10_000,
      // Bad input is the caller's fault, not a sign the embedder is unhealthy.
      errorFilter: (error: unknown) => embedderErrorCode(error) === EmbedderErrorCode.InvalidInput,
    });
    this.breaker.on('open', () => {
      this.openedAt = Date.now();
      this.logger.warn(`Embedder circuit opened; calls fail fast for ${this.resetMs} ms`);
    });
    this.breaker.on('halfOpen', () => this.logger.log('Embedder circuit half-open; next call is a trial'));
    this.breaker.on('close', () => this.logger.log('Embedder circuit closed'));
  }

  get state(): BreakerState {
    if (this.breaker.opened) return 'open';
    return this.breaker.halfOpen ? 'half-open' : 'closed';
  }

  /** Embeds texts; throws EmbedderUnavailableError or EmbedderRejectedInputError, never returns a fake vector. */
  async embed(request: EmbedRequest): Promise<EmbedResponse> {
    try {
      return await this.breaker.fire(request);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** Direct call for readiness probes: bypasses the breaker so a probe can see recovery first. */
  modelInfo(timeoutMs = 2_000): Promise<ModelInfoResponse> {
    return this.call<ModelInfoResponse>(EmbedderRpc.ModelInfo, {}, timeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.breaker.shutdown();
    await this.client.close();
  }

  private call<T>(pattern: string, data: object, timeoutMs = this.timeoutMs + 100): Promise<T> {
    const payload = this.secret ? { [RPC_AUTH_FIELD]: this.secret, ...data } : data;
    // The rx timeout unsubscribes, so an unanswered request does not stay registered in the client.
    return firstValueFrom(this.client.send<T>(pattern, payload).pipe(timeout(timeoutMs)));
  }

  private translate(error: unknown): Error {
    const code = embedderErrorCode(error);
    if (code === EmbedderErrorCode.InvalidInput) return new EmbedderRejectedInputError(errorMessage(error));
    if ((error as { code?: unknown })?.code === 'EOPENBREAKER') {
      const remainingMs = this.openedAt + this.resetMs - Date.now();
      return new EmbedderUnavailableError(
        'The embedding service is unavailable (circuit open after repeated failures); try again shortly.',
        Math.max(1, Math.ceil(remainingMs / 1000)),
      );
    }
    if ((error as { code?: unknown })?.code === 'ETIMEDOUT' || (error as Error)?.name === 'TimeoutError') {
      return new EmbedderUnavailableError(
        `The embedding service did not answer within ${this.timeoutMs} ms; try again shortly.`,
        SHORT_RETRY_AFTER_SECONDS,
      );
    }
    if (code === EmbedderErrorCode.Unauthenticated) {
      // Our own deployment is misconfigured (EMBEDDER_RPC_SECRET differs): an outage, not the caller's fault.
      this.logger.error("The embedder refused this service's RPC secret: EMBEDDER_RPC_SECRET must be the same on both");
      return new EmbedderUnavailableError(
        'The embedding service is unavailable; try again shortly.',
        SHORT_RETRY_AFTER_SECONDS,
      );
    }
    if (code === EmbedderErrorCode.Overloaded) {
      return new EmbedderUnavailableError('The embedding service is overloaded; try again shortly.', 1);
    }
    this.logger.warn(`Embedder call failed: ${errorMessage(error)}`);
    return new EmbedderUnavailableError(
      'The embedding service is unavailable; try again shortly.',
      SHORT_RETRY_AFTER_SECONDS,
    );
  }
}
