import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { httpLoggerOptions, REQUEST_ID_HEADER, requestIdFor } from '../src/logging';

/**
 * The request logger as the apps configure it, on a plain HTTP server, its lines captured. The
 * server names the request and echoes its id as createHttpApp's Fastify does (genReqId and a hook).
 */
async function logLinesFor(headers: Record<string, string>, path = '/api/v1/things?page=2'): Promise<{ lines: Record<string, unknown>[]; responseId: string | null }> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = pinoHttp(httpLoggerOptions('info'), sink);
  let finished!: () => void;
  const responseFinished = new Promise<void>((resolve) => (finished = resolve));
  const server: Server = createServer((request, response) => {
    const id = requestIdFor(request);
    Object.assign(request, { id });
    response.setHeader(REQUEST_ID_HEADER, id);
    logger(request, response);
    // Registered after pino-http's own listener, so it runs once the line has been written.
    response.on('finish', finished);
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
    await response.text();
    // The completion line is written when the response finishes, which may be after the client has it.
    await responseFinished;
    return { lines, responseId: response.headers.get('x-request-id') };
  } finally {
    server.close();
  }
}

describe('request logging', () => {
  it('logs one completion line with the request id, method, url, address and status', async () => {
    const { lines, responseId } = await logLinesFor({ 'x-request-id': 'req-42' });
    expect(responseId).toBe('req-42');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      req: { id: 'req-42', method: 'GET', url: '/api/v1/things?page=2', remoteAddress: '127.0.0.1' },
      res: { statusCode: 200 },
    });
  });

  it('never writes request headers, so credentials cannot reach the logs', async () => {
    const { lines } = await logLinesFor({ authorization: 'Bearer secret-token', cookie: 'session=secret-cookie' });
    const written = JSON.stringify(lines);
    expect(lines).toHaveLength(1);
    expect(written).not.toContain('secret-token');
    expect(written).not.toContain('secret-cookie');
    expect(Object.keys(lines[0]!.req as object).sort()).toEqual(['id', 'method', 'remoteAddress', 'url']);
  });

  it('does not log health checks and metrics scrapes', async () => {
    expect((await logLinesFor({}, '/health/ready')).lines).toEqual([]);
    expect((await logLinesFor({}, '/metrics')).lines).toEqual([]);
  });
});
