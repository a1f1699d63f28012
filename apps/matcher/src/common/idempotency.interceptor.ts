import { HttpStatus, Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { IdempotencyKeyRepository } from '@jobmatch/db';
import { ApiException } from '@jobmatch/nest-common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, of, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
/** Printable ASCII without spaces, as the IETF draft and the common APIs (Stripe) accept. */
const KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;
/** Expired keys are deleted in the background once every this many new keys (claims reuse expired ones anyway). */
const CLEANUP_EVERY = 500;

/** What identifies a request's content beyond its JSON body (e.g. an uploaded file), keyed by request. */
const extraContent = new WeakMap<object, string>();
/** Lets an earlier interceptor (the resume upload) add the uploaded bytes to the request's fingerprint. */
export function addIdempotencyContent(request: object, content: string): void {
  extraContent.set(request, content);
}

/** JSON with keys sorted at every level: the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What tells a retry from another request under the same key: the body (key order aside) and any extra content. */
export function requestFingerprint(body: unknown, extra = ''): string {
  return createHash('sha256').update(canonicalJson(body ?? null)).update('\n').update(extra).digest('hex');
}

/**
 * `Idempotency-Key` on POSTs (draft-ietf-httpapi-idempotency-key-header): the first request under a
 * key runs and its 2xx response is stored (Postgres, IDEMPOTENCY_TTL_SECONDS); a retry with the same
 * key, route and body gets that response again, with `Idempotent-Replayed: true`, and creates
 * nothing. The same key with a different body is 422 IDEMPOTENCY_KEY_REUSED; a retry while the first
 * is still running is 409 IDEMPOTENCY_REQUEST_IN_PROGRESS (Retry-After: 1). A request that fails
 * frees its key, so its retry runs again. Without the header nothing changes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private claims = 0;

  constructor(
    private readonly keys: IdempotencyKeyRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'IDEMPOTENCY_TTL_SECONDS'>,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !KEY_PATTERN.test(key) || Array.isArray(header)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be one value of 1 to 255 printable ASCII characters without spaces.');
    }
    // Keys are the caller's: scoped by tenant, so two tenants using the same key never see each other's responses.
    const tenantId = (request as FastifyRequest & { principal?: { tenantId: string } }).principal?.tenantId ?? 'no-tenant';
    const scope = `${tenantId} ${request.method} ${request.routeOptions.url ?? request.url}`;
    const requestHash = requestFingerprint(request.body, extraContent.get(request));

    const earlier = await this.keys.claim(scope, key, requestHash, this.config.IDEMPOTENCY_TTL_SECONDS);
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request; use a new key for a new request.', { key });
      }
      if (!earlier.response) {
        throw new ApiException(HttpStatus.CONFLICT, 'IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly.', { key }, { 'Retry-After': '1' });
      }
      reply.status(earlier.response.status).header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return of(earlier.response.body);
    }
    if (++this.claims % CLEANUP_EVERY === 0) void this.keys.deleteExpired().catch(() => undefined);
    return from(this.run(next, reply, scope, key));
  }

  private async run(next: CallHandler, reply: FastifyReply, scope: string, key: string): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle());
    } catch (error) {
      await this.keys.release(scope, key).catch(() => undefined);
      throw error;
    }
    await this.keys.complete(scope, key, reply.statusCode, body);
    return body;
  }
}
