import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  Module,
  SetMetadata,
  type DynamicModule,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ConfigError } from '@jobmatch/config';
import { API_KEY_TOKEN_PREFIX, DEFAULT_TENANT_ID, hasScope, sha256Hex, type ApiScope, type Principal } from '@jobmatch/contracts';
import { ApiKeyRepository } from '@jobmatch/db';
import type Redis from 'ioredis';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiException } from './errors';
import { REDIS } from './infrastructure';
import type { RequestLogNotes } from './logging';

/** The settings of the APIs' access control (libs/config httpApiEnvSchema). */
export interface AccessControlConfig {
  NODE_ENV: string;
  AUTH_DISABLED: boolean;
  API_KEY_CACHE_SECONDS: number;
  RATE_LIMIT_PER_MINUTE: number;
  REDIS_KEY_PREFIX: string;
}

export const ACCESS_CONFIG = Symbol('ACCESS_CONFIG');
const PUBLIC_ROUTE = 'jobmatch:public-route';
const REQUIRED_SCOPES = 'jobmatch:required-scopes';

/** A route anyone may call (health checks; /metrics checks its own token). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The scopes a route needs (all of them; `admin` has every scope). A route with neither this nor
 * PublicRoute needs `admin`: access is denied by default, not granted by forgetting a decorator.
 */
export function RequireScopes(...scopes: ApiScope[]): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    SetMetadata(REQUIRED_SCOPES, scopes)(target, key!, descriptor!);
    ApiBearerAuth()(target, key!, descriptor!);
  };
}

interface RequestWithPrincipal {
  principal?: Principal;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  raw?: RequestLogNotes;
}

/** The authenticated caller of this request (set by ApiKeyGuard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('No principal on the request: the route is public or ApiKeyGuard is not installed');
  return principal;
});

/** 403 unless the principal has `scope` (for scopes that depend on the request, e.g. a search's target). */
export function requireScope(principal: Principal, scope: ApiScope): void {
  if (!hasScope(principal, scope)) throw insufficientScope([scope], principal);
}

function insufficientScope(required: readonly ApiScope[], principal: Principal): ApiException {
  return new ApiException(
    HttpStatus.FORBIDDEN,
    'INSUFFICIENT_SCOPE',
    `This API key lacks the scope(s) ${required.filter((scope) => !hasScope(principal, scope)).join(', ')}`,
    { required, granted: principal.scopes },
  );
}

function unauthorized(code: 'UNAUTHORIZED' | 'INVALID_API_KEY', message: string): ApiException {
  const challenge = code === 'UNAUTHORIZED' ? 'Bearer realm="jobmatch"' : 'Bearer realm="jobmatch", error="invalid_token"';
  return new ApiException(HttpStatus.UNAUTHORIZED, code, message, undefined, { 'WWW-Authenticate': challenge });
}

/** What a request acts as when AUTH_DISABLED is on (local development only). */
export const DEVELOPMENT_PRINCIPAL: Principal = Object.freeze({ tenantId: DEFAULT_TENANT_ID, keyId: null, scopes: ['admin'] as ApiScope[], rateLimitPerMinute: null });

const MAX_CACHED_KEYS = 10_000;

/**
 * Looked-up keys per replica for API_KEY_CACHE_SECONDS, keyed by the token's SHA-256 (the cache
 * holds no token). Unknown tokens are cached too, so a flood of bad tokens does not become a flood
 * of queries. A revoked key stops working within the cache period.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, { principal: Principal | null; expiresAt: number }>();
  private readonly ttlMs: number;

  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(ACCESS_CONFIG) config: AccessControlConfig,
  ) {
    this.ttlMs = config.API_KEY_CACHE_SECONDS * 1000;
  }

  async authenticate(token: string): Promise<Principal | null> {
    if (this.ttlMs === 0) return this.keys.authenticate(token);
    const hash = sha256Hex(token);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAt > now) return cached.principal;
    const principal = await this.keys.authenticate(token);
    this.cache.delete(hash);
    // Oldest first out (Map keeps insertion order): bounded however many tokens are tried.
    if (this.cache.size >= MAX_CACHED_KEYS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(hash, { principal: principal ? Object.freeze(principal) : null, expiresAt: now + this.ttlMs });
    return principal;
  }
}

/**
 * Requests per minute per API key, counted in Redis (rate-limiter-flexible's fixed one-minute
 * windows) so every replica shares one budget. While Redis is unreachable each replica counts in
 * memory instead (the insurance limiter): limits still hold per replica, requests are not refused
 * because the counter is down.
 */
@Injectable()
export class RateLimits {
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(ACCESS_CONFIG) private readonly config: AccessControlConfig,
  ) {}

  /** Counts one request of `subject`; throws 429 with Retry-After beyond its limit. */
  async consume(subject: string, perMinute: number | null): Promise<void> {
    const points = perMinute ?? this.config.RATE_LIMIT_PER_MINUTE;
    if (points <= 0) return;
    try {
      await this.limiterFor(points).consume(subject);
    } catch (rejection) {
      const msBeforeNext = (rejection as { msBeforeNext?: unknown }).msBeforeNext;
      if (typeof msBeforeNext !== 'number') throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
      throw new ApiException(
        HttpStatus.TOO_MANY_REQUESTS,
        'RATE_LIMITED',
        `Rate limit of ${points} requests per minute exceeded; retry in ${retryAfterSeconds} s`,
        { limitPerMinute: points, retryAfterSeconds },
        { 'Retry-After': String(retryAfterSeconds) },
      );
    }
  }

  private limiterFor(points: number): RateLimiterAbstract {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      // Loaded on first use, like ioredis: a process with limits off never pays for the library.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
      const { RateLimiterMemory, RateLimiterRedis } = require('rate-limiter-flexible') as typeof import('rate-limiter-flexible');
      const options = { points, duration: 60, keyPrefix: `${this.config.REDIS_KEY_PREFIX}:ratelimit:${points}` };
      const memory = new RateLimiterMemory(options);
      limiter = this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: memory, rejectIfRedisNotReady: true }) : memory;
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}

/**
 * Every route of an API that is not a PublicRoute: `Authorization: Bearer <API key>` (401 without
 * or with an unknown/revoked key), then the key's rate limit (429), then the route's scopes (403).
 * The principal (tenant, scopes) is attached to the request for the controllers.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly rateLimits: RateLimits,
    @Inject(ACCESS_CONFIG) private readonly config: AccessControlConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const principal = this.config.AUTH_DISABLED ? DEVELOPMENT_PRINCIPAL : await this.authenticate(request);
    await this.rateLimits.consume(principal.keyId ?? `ip:${request.ip ?? 'unknown'}`, principal.rateLimitPerMinute);
    const required = this.reflector.getAllAndOverride<ApiScope[] | undefined>(REQUIRED_SCOPES, targets) ?? ['admin'];
    if (!required.every((scope) => hasScope(principal, scope))) throw insufficientScope(required, principal);
    request.principal = principal;
    if (principal.keyId && request.raw) request.raw.apiKeyId = principal.keyId;
    return true;
  }

  private async authenticate(request: RequestWithPrincipal): Promise<Principal> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
    if (!match) throw unauthorized('UNAUTHORIZED', `Send an API key: Authorization: Bearer ${API_KEY_TOKEN_PREFIX}… (create one with \`pnpm cli keys create\`)`);
    const token = match[1]!;
    // Not one of ours (or absurdly long): refused without a database lookup.
    const principal = token.startsWith(API_KEY_TOKEN_PREFIX) && token.length <= 128 ? await this.authenticator.authenticate(token) : null;
    if (!principal) throw unauthorized('INVALID_API_KEY', 'The API key is unknown or revoked');
    return principal;
  }
}

/**
 * Refuses AUTH_DISABLED in production and says loudly that it is on anywhere else: a development
 * switch must never be how a deployment runs.
 */
export function checkAccessControlConfig(config: Pick<AccessControlConfig, 'AUTH_DISABLED' | 'NODE_ENV'>, logger = new Logger('AccessControl')): void {
  if (!config.AUTH_DISABLED) return;
  if (config.NODE_ENV === 'production') {
    throw new ConfigError(['AUTH_DISABLED is "true" while NODE_ENV is "production": authentication cannot be switched off in production']);
  }
  const line = '!'.repeat(78);
  logger.warn(
    `\n${line}\n!! AUTH_DISABLED=true: NO AUTHENTICATION. Anyone who reaches this port reads and writes\n` +
      `!! every job and resume of the default tenant. For local development only.\n${line}`,
  );
}

/** API keys, scopes, tenants and rate limits for an HTTP API: a global guard on every route. */
@Module({})
export class AccessControlModule {
  static forRoot(config: AccessControlConfig): DynamicModule {
    checkAccessControlConfig(config);
    return {
      module: AccessControlModule,
      providers: [
        { provide: ACCESS_CONFIG, useValue: config },
        ApiKeyAuthenticator,
        RateLimits,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
    };
  }
}
