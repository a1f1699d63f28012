import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { API_KEY_TOKEN_PREFIX, API_SCOPES, isApiScope, sha256Hex, type ApiScope, type Principal } from '@jobmatch/contracts';
import { newId } from './pg-rows';

/** What is known about a key besides its token (listings never show the hash). */
export interface ApiKeyInfo {
  id: string;
  tenantId: string;
  tenantName: string;
  name: string;
  /** The token's first characters (`jm_` + 8): tells keys apart without revealing them. */
  tokenPrefix: string;
  scopes: ApiScope[];
  rateLimitPerMinute: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface Tenant {
  id: string;
  name: string;
  createdAt: Date;
}

export interface CreateApiKeyInput {
  /** The tenant's name; created when it does not exist yet. */
  tenant: string;
  name: string;
  scopes: string[];
  rateLimitPerMinute?: number | null;
}

/** A new token: `jm_` + 32 random bytes (256 bits) in base64url. */
export function generateApiKeyToken(): string {
  return API_KEY_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * What is stored of a token. A plain SHA-256 suffices (no slow KDF): the token is 256 random
 * bits, not a password, so it cannot be guessed from its hash, and the lookup stays one indexed
 * equality on every request.
 */
export function hashApiKeyToken(token: string): string {
  return sha256Hex(token);
}

export class InvalidApiKeyInputError extends Error {}

const KEY_COLUMNS = `k.id, k.tenant_id AS "tenantId", t.name AS "tenantName", k.name, k.token_prefix AS "tokenPrefix", k.scopes,
  k.rate_limit_per_minute AS "rateLimitPerMinute", k.created_at AS "createdAt", k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt"`;

/**
 * Tenants and API keys: key management for the CLI (`keys create|list|revoke`) and the tests, and
 * the lookup behind every authenticated request. The token is returned once, by create, and never
 * stored: only its SHA-256.
 */
export class ApiKeyRepository {
  constructor(private readonly pool: Pool) {}

  /** The tenant of that name, created on first use. */
  async ensureTenant(name: string): Promise<Tenant> {
    const trimmed = name.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(trimmed)) {
      throw new InvalidApiKeyInputError(`Tenant name ${JSON.stringify(name)}: 1–63 letters, digits, ".", "_" or "-", starting with a letter or digit`);
    }
    const { rows } = await this.pool.query<Tenant>(
      `WITH inserted AS (
         INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id, name, created_at AS "createdAt"
       )
       SELECT * FROM inserted UNION ALL SELECT id, name, created_at AS "createdAt" FROM tenants WHERE name = $2 LIMIT 1`,
      [newId(), trimmed],
    );
    return rows[0]!;
  }

  async listTenants(): Promise<Tenant[]> {
    const { rows } = await this.pool.query<Tenant>('SELECT id, name, created_at AS "createdAt" FROM tenants ORDER BY name');
    return rows;
  }

  /** Creates a key; the returned token is the only copy there will ever be. */
  async create(input: CreateApiKeyInput): Promise<{ key: ApiKeyInfo; token: string }> {
    const scopes = [...new Set(input.scopes.map((scope) => scope.trim()).filter(Boolean))];
    const unknown = scopes.filter((scope) => !isApiScope(scope));
    if (scopes.length === 0 || unknown.length > 0) {
      throw new InvalidApiKeyInputError(`Scopes ${unknown.length ? `${unknown.join(', ')} are unknown` : 'are missing'}: use one or more of ${API_SCOPES.join(', ')}`);
    }
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw new InvalidApiKeyInputError('A key needs a name of 1–200 characters');
    const limit = input.rateLimitPerMinute ?? null;
    if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw new InvalidApiKeyInputError('The rate limit is a positive whole number of requests per minute');
    const tenant = await this.ensureTenant(input.tenant);
    const token = generateApiKeyToken();
    const id = newId();
    await this.pool.query(
      `INSERT INTO api_keys (id, tenant_id, name, token_prefix, key_hash, scopes, rate_limit_per_minute)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7)`,
      [id, tenant.id, name, token.slice(0, API_KEY_PREFIX_LENGTH), hashApiKeyToken(token), scopes, limit],
    );
    return { key: (await this.findById(id))!, token };
  }

  async findById(id: string): Promise<ApiKeyInfo | null> {
    const { rows } = await this.pool.query<ApiKeyInfo>(`SELECT ${KEY_COLUMNS} FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Every key (of one tenant, by name, when given), newest first; revoked ones included unless asked. */
  async list(options: { tenant?: string; includeRevoked?: boolean } = {}): Promise<ApiKeyInfo[]> {
    const { rows } = await this.pool.query<ApiKeyInfo>(
      `SELECT ${KEY_COLUMNS} FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE ($1::text IS NULL OR t.name = $1) AND ($2 OR k.revoked_at IS NULL)
        ORDER BY k.created_at DESC, k.id`,
      [options.tenant ?? null, options.includeRevoked ?? true],
    );
    return rows;
  }

  /**
   * Revokes a key by its id or its token prefix (as `keys list` shows it). False when no active
   * key matches; an ambiguous prefix is refused.
   */
  async revoke(idOrPrefix: string): Promise<ApiKeyInfo | null> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrPrefix);
    const { rows: matches } = await this.pool.query<{ id: string }>(
      `SELECT id FROM api_keys WHERE revoked_at IS NULL AND ${isUuid ? 'id = $1::uuid' : 'token_prefix = $1'}`,
      [idOrPrefix],
    );
    if (matches.length > 1) throw new InvalidApiKeyInputError(`${matches.length} active keys have the prefix ${idOrPrefix}: revoke by id`);
    if (matches.length === 0) return null;
    await this.pool.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [matches[0]!.id]);
    return this.findById(matches[0]!.id);
  }

  /**
   * The principal of an active key, or null (unknown or revoked token). The same statement records
   * when the key was last used (once per cache period of the caller, not per request).
   */
  async authenticate(token: string): Promise<Principal | null> {
    const { rows } = await this.pool.query<Principal>({
      name: 'jobmatch_authenticate_key',
      text: `UPDATE api_keys SET last_used_at = now() WHERE key_hash = $1 AND revoked_at IS NULL
             RETURNING id AS "keyId", tenant_id AS "tenantId", scopes, rate_limit_per_minute AS "rateLimitPerMinute"`,
      values: [hashApiKeyToken(token)],
    });
    return rows[0] ?? null;
  }
}

/** `jm_` and 8 characters of the random part: shown by `keys list`, accepted by `keys revoke`. */
export const API_KEY_PREFIX_LENGTH = API_KEY_TOKEN_PREFIX.length + 8;
