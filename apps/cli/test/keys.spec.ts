import { ApiKeyRepository, createPgPool } from '@jobmatch/db';
import { createTestDatabase, type TestDatabase } from '@jobmatch/testing';
import type { Pool } from 'pg';
import { runCli } from './run-cli';

/** `keys create|list|revoke` against a real database, checked through the key service itself. */
describe('cli keys', () => {
  let db: TestDatabase;
  let pool: Pool;
  let keys: ApiKeyRepository;
  const cli = (args: string[]) => runCli(['keys', ...args], { env: { DATABASE_URL: db.url } });

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool({ url: db.url, poolSize: 2 });
    keys = new ApiKeyRepository(pool);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('creates a key whose token authenticates as its tenant and scopes, stores only its hash, lists it and revokes it', async () => {
    const created = await cli(['create', '--tenant', 'acme', '--name', 'careers site', '--scopes', 'jobs:read,resumes:write', '--rate-limit', '120', '--json']);
    expect(created.status).toBe(0);
    const key = JSON.parse(created.stdout) as { id: string; token: string; tokenPrefix: string; tenantId: string; scopes: string[] };
    expect(key.token).toMatch(/^jm_[A-Za-z0-9_-]{43}$/);
    expect(key.token.startsWith(key.tokenPrefix)).toBe(true);
    expect(await keys.authenticate(key.token)).toEqual({ keyId: key.id, tenantId: key.tenantId, scopes: ['jobs:read', 'resumes:write'], rateLimitPerMinute: 120 });

    // Only the SHA-256 is kept: the token appears nowhere in the table.
    const { rows } = await pool.query('SELECT * FROM api_keys');
    expect(JSON.stringify(rows)).not.toContain(key.token.slice(12));

    const listed = await cli(['list', '--tenant', 'acme']);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(key.id);
    expect(listed.stdout).toContain('careers site');
    expect(listed.stdout).not.toContain(key.token);

    const revoked = await cli(['revoke', key.tokenPrefix]);
    expect(revoked.status).toBe(0);
    expect(await keys.authenticate(key.token)).toBeNull();
    expect((await cli(['list', '--active'])).stdout).not.toContain(key.id);
    expect((await cli(['revoke', key.id])).status).toBe(1);
  }, 60_000);

  it('prints the token once in the human output', async () => {
    const created = await cli(['create', '--tenant', 'acme', '--name', 'ops', '--scopes', 'admin']);
    expect(created.status).toBe(0);
    const token = /\n(jm_\S+)\n/.exec(created.stdout)?.[1];
    expect(token).toBeDefined();
    expect(await keys.authenticate(token!)).toMatchObject({ scopes: ['admin'] });
  }, 30_000);

  it.each([
    [['--scopes', 'jobs:read,root'], /root are unknown/],
    [['--scopes', 'jobs:read', '--rate-limit', '-5'], /positive whole number/],
    [['--scopes', 'jobs:read', '--tenant', 'no spaces please'], /Tenant name/],
  ])('refuses %j with exit code 2 and a reason', async (extra, reason) => {
    const args = ['create', '--tenant', 'acme', '--name', 'x', ...extra];
    const result = await cli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect((await keys.list({ tenant: 'no spaces please' })).length).toBe(0);
  }, 30_000);
});
