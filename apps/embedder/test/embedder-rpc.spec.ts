import {
  EmbedderErrorCode,
  EmbedderRpc,
  MAX_RAW_TEXT_CHARS,
  type EmbedResponse,
  type ModelInfoResponse,
} from '@jobmatch/contracts';
import { DeterministicProvider } from './support/deterministic-provider';
import { startRpcTestServer, type RpcTestServer } from './support/rpc-test-server';

/**
 * The RPC layer over a real TCP transport (server and ClientProxy), with a deterministic model:
 * validation, error codes as the client sees them, and the response shape.
 */
describe('Embedder RPC (TCP) validation and errors', () => {
  const provider = new DeterministicProvider();
  let rpc: RpcTestServer;

  beforeAll(async () => {
    rpc = await startRpcTestServer(provider, { EMBED_MAX_TEXTS: 4, EMBED_MAX_PENDING_TEXTS: 100 });
  });

  afterAll(() => rpc?.close());

  const send = <T>(pattern: string, payload: unknown) => rpc.send<T>(pattern, payload);

  it('embeds texts and returns one unit vector per text with the model id', async () => {
    const response = await send<EmbedResponse>(EmbedderRpc.Embed, { texts: ['react developer', 'data engineer'] });
    expect(response.modelId).toBe('test/deterministic');
    expect(response.dimension).toBe(384);
    expect(response.vectors).toHaveLength(2);
    expect(response.vectors[0]).toEqual(Array.from(DeterministicProvider.vectorFor('react developer')));
  });

  it('passes the input kind to the model (default query)', async () => {
    provider.calls.length = 0;
    await send(EmbedderRpc.Embed, { texts: ['a posting'], kind: 'passage' });
    await send(EmbedderRpc.Embed, { texts: ['a query'] });
    expect(provider.calls.map((call) => call.kind)).toEqual(['passage', 'query']);
  });

  it('answers model.info', async () => {
    await expect(send<ModelInfoResponse>(EmbedderRpc.ModelInfo, {})).resolves.toEqual({
      modelId: 'test/deterministic',
      dimension: 384,
      maxSeqLength: 128,
      quantized: false,
      provider: 'deterministic',
    });
  });

  const invalid: [string, unknown, RegExp][] = [
    ['a payload without texts', {}, /texts must be an array/],
    ['a numeric payload', 42, /texts must be an array/],
    ['a string payload', 'hello', /texts must be an array/],
    ['texts that is not an array', { texts: 'hello' }, /texts must be an array/],
    ['an empty list', { texts: [] }, /at least one text/],
    ['too many texts', { texts: ['a', 'b', 'c', 'd', 'e'] }, /5 items; at most 4/],
    ['a non-string item', { texts: ['ok', 42] }, /must be a string/],
    ['a null item', { texts: [null] }, /must be a string/],
    ['an empty string', { texts: [''] }, /non-whitespace/],
    ['a whitespace-only string', { texts: ['ok', ' \n\t '] }, /non-whitespace/],
    [
      'a text over the raw cap',
      { texts: ['x'.repeat(MAX_RAW_TEXT_CHARS + 1)] },
      new RegExp(`at most ${MAX_RAW_TEXT_CHARS} characters`),
    ],
    ['an unknown kind', { texts: ['ok'], kind: 'document' }, /kind must be/],
    ['an unknown field', { texts: ['ok'], model: 'other' }, /model should not exist/],
  ];

  it.each(invalid)('rejects %s with INVALID_INPUT { code, message }', async (_label, payload, message) => {
    provider.calls.length = 0;
    const error = await send(EmbedderRpc.Embed, payload).catch((rejection: unknown) => rejection);
    // What a Nest TCP ClientProxy rejects with: exactly the plain object the server sent.
    expect(error).toEqual({ code: EmbedderErrorCode.InvalidInput, message: expect.stringMatching(message) });
    expect(provider.calls).toHaveLength(0);
  });

  it('accepts a text of exactly the raw cap', async () => {
    const response = await send<EmbedResponse>(EmbedderRpc.Embed, { texts: ['x'.repeat(MAX_RAW_TEXT_CHARS)] });
    expect(response.vectors).toHaveLength(1);
  });

  it('reports a model failure as UNAVAILABLE and keeps serving afterwards', async () => {
    provider.failWith = new Error('session gone');
    try {
      await expect(send(EmbedderRpc.Embed, { texts: ['x'] })).rejects.toEqual({
        code: EmbedderErrorCode.Unavailable,
        message: 'Embedding failed: session gone',
      });
    } finally {
      provider.failWith = undefined;
    }
    await expect(send<EmbedResponse>(EmbedderRpc.Embed, { texts: ['x'] })).resolves.toMatchObject({ dimension: 384 });
  });

  it('reports an unexpected error as UNAVAILABLE without internals', async () => {
    const original = provider.embed;
    provider.embed = async () => {
      throw new TypeError('cannot read properties of undefined');
    };
    try {
      const error = await send(EmbedderRpc.Embed, { texts: ['x'] }).catch((rejection: unknown) => rejection);
      expect(error).toEqual({ code: EmbedderErrorCode.Unavailable, message: expect.any(String) });
    } finally {
      provider.embed = original;
    }
  });
});
