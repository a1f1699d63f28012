import type { Command } from 'commander';
import { commonEnvSchema, loadConfig } from '@jobmatch/config';
import { API_SCOPES } from '@jobmatch/contracts';
import { ApiKeyRepository, createPgPool, InvalidApiKeyInputError, type ApiKeyInfo } from '@jobmatch/db';
import { CliError } from '../cli-error';

/** Runs `work` with the key service on DATABASE_URL; refusals of the service become CliErrors. */
async function withKeys<T>(work: (keys: ApiKeyRepository) => Promise<T>): Promise<T> {
  const { DATABASE_URL } = loadConfig(commonEnvSchema.pick({ DATABASE_URL: true }));
  const pool = createPgPool({ url: DATABASE_URL, poolSize: 1 });
  try {
    return await work(new ApiKeyRepository(pool));
  } catch (error) {
    if (error instanceof InvalidApiKeyInputError) throw new CliError(error.message, 2);
    throw error;
  } finally {
    await pool.end();
  }
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 19).replace('T', ' ') : '-');

function keyLine(key: ApiKeyInfo): string {
  const state = key.revokedAt ? `revoked ${day(key.revokedAt)}` : 'active';
  const limit = key.rateLimitPerMinute === null ? 'default' : `${key.rateLimitPerMinute}/min`;
  return [key.id, key.tokenPrefix, key.tenantName, key.name, key.scopes.join(','), limit, day(key.createdAt), day(key.lastUsedAt), state].join('\t');
}

/** `keys create|list|revoke`: API keys of the HTTP APIs (stored hashed; the token is shown once). */
export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('API keys of the matcher and skill-gap APIs (one tenant and a set of scopes each)');
  keys
    .command('create')
    .description('create a key; prints its token once (only its SHA-256 is stored)')
    .usage('--tenant <name> --name <label> --scopes <list> [--rate-limit <n>] [--json]')
    .requiredOption('--tenant <name>', 'tenant the key belongs to (created when new; `default` holds rows written before tenants)')
    .requiredOption('--name <label>', 'who or what uses the key')
    .requiredOption('--scopes <list>', `comma-separated scopes: ${API_SCOPES.join(', ')}`)
    .option('--rate-limit <n>', 'requests per minute for this key (default: the services\' RATE_LIMIT_PER_MINUTE)')
    .option('--json', 'print the key and its token as JSON')
    .action(async (options: { tenant: string; name: string; scopes: string; rateLimit?: string; json?: boolean }) => {
      const rateLimitPerMinute = options.rateLimit === undefined ? null : Number(options.rateLimit);
      const { key, token } = await withKeys((repository) =>
        repository.create({ tenant: options.tenant, name: options.name, scopes: options.scopes.split(','), rateLimitPerMinute }),
      );
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ ...key, token })}\n`);
        return;
      }
      process.stdout.write(
        `Created key ${key.id} (${key.tokenPrefix}…) for tenant ${key.tenantName}, scopes ${key.scopes.join(', ')}.\n` +
          `Token (shown only now; send it as "Authorization: Bearer <token>"):\n${token}\n`,
      );
    });
  keys
    .command('list')
    .description('list keys (never their tokens): id, prefix, tenant, name, scopes, rate limit, created, last used, state')
    .option('--tenant <name>', 'only this tenant\'s keys')
    .option('--active', 'leave out revoked keys')
    .option('--json', 'one JSON object per line')
    .action(async (options: { tenant?: string; active?: boolean; json?: boolean }) => {
      const list = await withKeys((repository) => repository.list({ tenant: options.tenant, includeRevoked: !options.active }));
      if (options.json) {
        for (const key of list) process.stdout.write(`${JSON.stringify(key)}\n`);
        return;
      }
      process.stdout.write(`${['id', 'prefix', 'tenant', 'name', 'scopes', 'rate limit', 'created', 'last used', 'state'].join('\t')}\n`);
      for (const key of list) process.stdout.write(`${keyLine(key)}\n`);
    });
  keys
    .command('revoke')
    .description('revoke a key by its id or its prefix (as `keys list` shows it); replicas stop accepting it within API_KEY_CACHE_SECONDS')
    .argument('<key>', 'key id or token prefix (jm_…)')
    .action(async (idOrPrefix: string) => {
      const revoked = await withKeys((repository) => repository.revoke(idOrPrefix));
      if (!revoked) throw new CliError(`No active key ${idOrPrefix}`, 1);
      process.stdout.write(`Revoked key ${revoked.id} (${revoked.tokenPrefix}…) of tenant ${revoked.tenantName}.\n`);
    });
}
