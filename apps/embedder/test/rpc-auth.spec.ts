import { EmbedderErrorCode, EmbedderRpc, RPC_AUTH_FIELD, type EmbedResponse } from '@jobmatch/contracts';
import { ConfigError } from '@jobmatch/config';
import { register } from 'prom-client';
import { loadAppConfig } from '../src/config';
import { DeterministicProvider } from './support/deterministic-provider';
import { startRpcTestServer, type RpcTestServer } from './support/rpc-test-server';

const SECRET = 'a-shared-secret-of-enough-length';

/** The RPC's shared secret over a real TCP transport: refused without it (and counted), served with it. */
describe('Embedder RPC authentication', () => {
  let rpc: RpcTestServer;

  beforeAll(async () => {
    rpc = await startRpcTestServer(new DeterministicProvider(), {
      EMBED_MAX_TEXTS: 4,
      EMBED_MAX_PENDING_TEXTS: 100,
      EMBEDDER_RPC_SECRET: SECRET,
    });
  });

  afterAll(() => rpc?.close());

  const send = <T>(pattern: string, payload: unknown) => rpc.send<T>(pattern, payload);
  const refusals = async () =>
    (await register.getSingleMetric('embedder_rpc_requests_total')?.get())?.values.find(
      (value) => value.labels.outcome === 'unauthenticated' && value.labels.pattern === EmbedderRpc.Embed,
    )?.value ?? 0;

  it('refuses calls without the secret or with a wrong one, and counts them', async () => {
    const before = await refusals();
    await expect(send(EmbedderRpc.Embed, { texts: ['data engineer'] })).rejects.toMatchObject({
      code: EmbedderErrorCode.Unauthenticated,
    });
    await expect(
      send(EmbedderRpc.Embed, { texts: ['data engineer'], [RPC_AUTH_FIELD]: 'wrong' }),
    ).rejects.toMatchObject({
      code: EmbedderErrorCode.Unauthenticated,
    });
    await expect(send(EmbedderRpc.ModelInfo, {})).rejects.toMatchObject({ code: EmbedderErrorCode.Unauthenticated });
    expect((await refusals()) - before).toBe(2);
  });

  it('serves calls that carry the secret (the field never reaches validation)', async () => {
    const response = await send<EmbedResponse>(EmbedderRpc.Embed, {
      texts: ['data engineer'],
      [RPC_AUTH_FIELD]: SECRET,
    });
    expect(response.vectors).toHaveLength(1);
    await expect(send(EmbedderRpc.ModelInfo, { [RPC_AUTH_FIELD]: SECRET })).resolves.toMatchObject({ dimension: 384 });
  });
});

describe('embedder RPC address and secret (config)', () => {
  const base = { DATABASE_URL: 'postgresql://localhost/db' };

  it('listens on loopback by default, where no secret is needed', () => {
    const config = loadAppConfig(base);
    expect(config.EMBEDDER_HOST).toBe('127.0.0.1');
    expect(config.EMBEDDER_RPC_SECRET).toBeUndefined();
  });

  it('refuses to listen beyond loopback without a secret, naming the variable', () => {
    expect(() => loadAppConfig({ ...base, EMBEDDER_HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadAppConfig({ ...base, EMBEDDER_HOST: '0.0.0.0' })).toThrow(/EMBEDDER_RPC_SECRET is not set/);
    expect(loadAppConfig({ ...base, EMBEDDER_HOST: '0.0.0.0', EMBEDDER_RPC_SECRET: SECRET }).EMBEDDER_RPC_SECRET).toBe(
      SECRET,
    );
    expect(() => loadAppConfig({ ...base, EMBEDDER_RPC_SECRET: 'short' })).toThrow(
      /EMBEDDER_RPC_SECRET is "short": at least 16 characters/,
    );
  });
});
