import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getModelSpec } from '@jobmatch/contracts';
import { RemoteEmbeddingError, RemoteEmbeddingProvider } from '../../src/inference/remote-embedding-provider';

type Handler = (
  request: { url: string; headers: IncomingMessage['headers']; body: Record<string, unknown> },
  response: ServerResponse,
) => void;

/** A local stand-in for Hugging Face Inference / OpenAI-compatible servers, on 127.0.0.1. */
class FakeEmbeddingServer {
  readonly requests: Array<{ url: string; headers: IncomingMessage['headers']; body: Record<string, unknown> }> = [];
  private server!: Server;
  private handlers: Handler[] = [];

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      request.on('end', () => {
        const entry = {
          url: request.url ?? '',
          headers: request.headers,
          body: JSON.parse(raw || '{}') as Record<string, unknown>,
        };
        this.requests.push(entry);
        const handler = this.handlers.length > 1 ? this.handlers.shift()! : this.handlers[0];
        handler(entry, response);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers in order; the last handler keeps answering. */
  respond(...handlers: Handler[]): void {
    this.handlers = handlers;
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const spec = getModelSpec('sentence-transformers/all-MiniLM-L6-v2');
const vectorFor = (seed: number) => Array.from({ length: 384 }, (_, index) => Math.sin(seed + index) * 3);
const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};
const norm = (vector: Float32Array) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));

describe('RemoteEmbeddingProvider', () => {
  const server = new FakeEmbeddingServer();
  let base: string;

  beforeAll(async () => {
    base = await server.start();
  });
  afterAll(() => server.stop());

  describe('Hugging Face Inference feature-extraction', () => {
    const provider = () =>
      new RemoteEmbeddingProvider({
        protocol: 'huggingface',
        url: `${base}/models/${spec.id}`,
        apiKey: 'hf_test',
        spec,
        baseBackoffMs: 5,
      });

    it('posts the preprocessed texts and returns normalized 384-d vectors under the registry model id', async () => {
      server.respond(({ body }, response) =>
        json(
          response,
          200,
          (body.inputs as string[]).map((_, index) => vectorFor(index)),
        ),
      );
      const remote = provider();
      const vectors = await remote.embed(['  Senior   C++ developer ', 'Node.js']);
      expect(remote).toMatchObject({ kind: 'huggingface', modelId: spec.id, dimension: 384 });
      expect(server.requests[0]).toMatchObject({
        url: `/models/${spec.id}`,
        body: { inputs: ['Senior C++ developer', 'Node.js'] },
      });
      expect(server.requests[0].headers.authorization).toBe('Bearer hf_test');
      expect(vectors).toHaveLength(2);
      vectors.forEach((vector, index) => {
        expect(norm(vector)).toBeCloseTo(1, 5);
        expect(vector[0]).toBeCloseTo(vectorFor(index)[0] / Math.hypot(...vectorFor(index)), 5);
      });
    });

    it('mean-pools token-level output ([texts][tokens][dim])', async () => {
      server.respond((_request, response) => json(response, 200, [[vectorFor(1), vectorFor(3)]]));
      const [vector] = await provider().embed(['x']);
      const mean = vectorFor(1).map((value, index) => (value + vectorFor(3)[index]) / 2);
      expect(vector[5]).toBeCloseTo(mean[5] / Math.hypot(...mean), 5);
    });

    it('retries 503 (model loading) and 429 (honouring Retry-After) until it succeeds', async () => {
      server.respond(
        (_request, response) => json(response, 503, { error: 'Model is currently loading', estimated_time: 1 }),
        (_request, response) => json(response, 429, { error: 'rate limited' }, { 'retry-after': '0' }),
        ({ body }, response) =>
          json(
            response,
            200,
            (body.inputs as string[]).map((_, index) => vectorFor(index)),
          ),
      );
      await expect(provider().embed(['x'])).resolves.toHaveLength(1);
      expect(server.requests).toHaveLength(3);
    });

    it('gives up after maxAttempts with a transient error', async () => {
      server.respond((_request, response) => json(response, 503, { error: 'down' }));
      const remote = new RemoteEmbeddingProvider({
        protocol: 'huggingface',
        url: `${base}/x`,
        spec,
        maxAttempts: 3,
        baseBackoffMs: 1,
      });
      await expect(remote.embed(['x'])).rejects.toMatchObject({
        name: 'RemoteEmbeddingError',
        transient: true,
        status: 503,
      });
      expect(server.requests).toHaveLength(3);
    });

    it('does not retry a 400 and reports it as non-transient', async () => {
      server.respond((_request, response) => json(response, 400, { error: 'bad input' }));
      await expect(provider().embed(['x'])).rejects.toMatchObject({
        transient: false,
        status: 400,
        message: expect.stringContaining('bad input'),
      });
      expect(server.requests).toHaveLength(1);
    });

    it('times out a hanging server and retries', async () => {
      server.respond(
        () => undefined, // never answers
        ({ body }, response) =>
          json(
            response,
            200,
            (body.inputs as string[]).map((_, index) => vectorFor(index)),
          ),
      );
      const remote = new RemoteEmbeddingProvider({
        protocol: 'huggingface',
        url: `${base}/x`,
        spec,
        timeoutMs: 100,
        baseBackoffMs: 1,
      });
      await expect(remote.embed(['x'])).resolves.toHaveLength(1);
      expect(server.requests).toHaveLength(2);

      server.respond(() => undefined);
      const impatient = new RemoteEmbeddingProvider({
        protocol: 'huggingface',
        url: `${base}/x`,
        spec,
        timeoutMs: 50,
        maxAttempts: 1,
      });
      await expect(impatient.embed(['x'])).rejects.toThrow(/timed out after 50 ms/);
    });

    it('refuses vectors of the wrong dimension rather than storing them', async () => {
      server.respond((_request, response) => json(response, 200, [[0.1, 0.2, 0.3]]));
      await expect(provider().embed(['x'])).rejects.toThrow(
        /3-d vectors; sentence-transformers\/all-MiniLM-L6-v2 has 384/,
      );
    });
  });

  describe('OpenAI-compatible /embeddings', () => {
    it('sends model + input, reorders by index, normalizes, and applies the registry prefixes (E5)', async () => {
      const e5 = getModelSpec('intfloat/multilingual-e5-small');
      server.respond(({ body }, response) =>
        json(response, 200, {
          object: 'list',
          data: (body.input as string[])
            .map((_, index) => ({ object: 'embedding', index, embedding: vectorFor(index) }))
            .reverse(),
          model: body.model,
        }),
      );
      const remote = new RemoteEmbeddingProvider({
        protocol: 'openai',
        url: `${base}/v1/`,
        apiKey: 'sk-test',
        remoteModel: 'e5-small',
        spec: e5,
      });
      const vectors = await remote.embed(['find me a job', 'second'], 'query');
      expect(server.requests[0]).toMatchObject({
        url: '/v1/embeddings',
        body: { model: 'e5-small', input: ['query: find me a job', 'query: second'] },
      });
      expect(server.requests[0].headers.authorization).toBe('Bearer sk-test');
      expect(vectors[0][0]).toBeCloseTo(vectorFor(0)[0] / Math.hypot(...vectorFor(0)), 5);
      expect(vectors[1][0]).toBeCloseTo(vectorFor(1)[0] / Math.hypot(...vectorFor(1)), 5);
      await remote.embed(['stored resume'], 'passage');
      expect(server.requests[1].body.input).toEqual(['passage: stored resume']);
    });

    it('retries a 503 from an OpenAI-compatible server', async () => {
      server.respond(
        (_request, response) => json(response, 503, { error: { message: 'overloaded' } }),
        ({ body }, response) =>
          json(response, 200, {
            data: (body.input as string[]).map((_, index) => ({ index, embedding: vectorFor(index) })),
          }),
      );
      const remote = new RemoteEmbeddingProvider({ protocol: 'openai', url: base, spec, baseBackoffMs: 1 });
      await expect(remote.embed(['x'])).resolves.toHaveLength(1);
      expect(server.requests).toHaveLength(2);
    });

    it('rejects a malformed answer as a non-transient error', async () => {
      server.respond((_request, response) => json(response, 200, { nope: true }));
      const remote = new RemoteEmbeddingProvider({ protocol: 'openai', url: base, spec });
      const failure = remote.embed(['x']);
      await expect(failure).rejects.toBeInstanceOf(RemoteEmbeddingError);
      await expect(failure).rejects.toMatchObject({ transient: false });
    });
  });
});
