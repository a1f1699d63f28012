import request from 'supertest';
import type { Server } from 'node:http';
import { DEFAULT_TENANT_NAME, type ApiScope } from '@jobmatch/contracts';
import { ApiKeyRepository, createPgPool } from '@jobmatch/db';

export interface TestApiKey {
  token: string;
  keyId: string;
  tenantId: string;
  tenantName: string;
}

export interface TestApiKeyOptions {
  /** Tenant name (created when new); the default tenant, where rows written without one land, by default. */
  tenant?: string;
  scopes?: ApiScope[];
  /** High by default: suites that send hundreds of requests test their endpoints, not the limits. */
  rateLimitPerMinute?: number;
  name?: string;
}

/**
 * A key made the way the CLI makes them (ApiKeyRepository, the key management service), so every
 * suite calls the APIs authenticated, as clients do.
 */
export async function createTestApiKey(databaseUrl: string, options: TestApiKeyOptions = {}): Promise<TestApiKey> {
  const pool = createPgPool({ url: databaseUrl, poolSize: 1 });
  try {
    const { key, token } = await new ApiKeyRepository(pool).create({
      tenant: options.tenant ?? DEFAULT_TENANT_NAME,
      name: options.name ?? 'test suite',
      scopes: options.scopes ?? ['admin'],
      rateLimitPerMinute: options.rateLimitPerMinute ?? 1_000_000,
    });
    return { token, keyId: key.id, tenantId: key.tenantId, tenantName: key.tenantName };
  } finally {
    await pool.end();
  }
}

/** supertest on `server` with `Authorization: Bearer <token>` on every request. */
export function authenticatedHttp(server: Server, token: string) {
  return request.agent(server).set('Authorization', `Bearer ${token}`);
}
