/**
 * Access control shared by the APIs' guard, the key store and the CLI: scopes, the tenant every
 * unauthenticated-by-design path acts as, and what a request is allowed to do once authenticated.
 */

/** What an API key may do. `admin` implies every other scope. */
export const API_SCOPES = ['jobs:read', 'jobs:write', 'resumes:read', 'resumes:write', 'skills:read', 'admin'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/**
 * The tenant rows written before tenants existed belong to (migration 20261202020000), and the one
 * requests act as when authentication is switched off for local development (AUTH_DISABLED).
 */
export const DEFAULT_TENANT_ID = '00000000-0000-0000-0000-000000000001';
export const DEFAULT_TENANT_NAME = 'default';

/** Who is calling: resolved from the API key by the guard, attached to the request. */
export interface Principal {
  tenantId: string;
  /** The key's id; null when authentication is disabled (local development). */
  keyId: string | null;
  scopes: readonly ApiScope[];
  /** Requests per minute allowed for this key; null: the service's default. */
  rateLimitPerMinute: number | null;
}

export function hasScope(principal: Pick<Principal, 'scopes'>, scope: ApiScope): boolean {
  return principal.scopes.includes('admin') || principal.scopes.includes(scope);
}

/** API key tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_TOKEN_PREFIX = 'jm_';
