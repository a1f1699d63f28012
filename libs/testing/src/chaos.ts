import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import Redis from 'ioredis';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A redis-server of the test's own (loopback, its own port, no persistence), so a test can kill
 * it with SIGKILL and start it again empty: all queue state gone, as when a Redis host is lost.
 */
export class DisposableRedis {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (empty: no RDB, no AOF) and resolves once it answers PING. */
  async start(timeoutMs = 10_000): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`redis-server on port ${this.port} exited with code ${child.exitCode} (is the port taken?)`);
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      try {
        await client.connect();
        // The server that answers must be ours, not another one already on this port.
        const info = await client.info('server');
        if (new RegExp(`process_id:${child.pid}\\b`).test(info)) return;
        throw new Error(`port ${this.port} is taken by another redis-server`);
      } catch (error) {
        if (/taken by another/.test((error as Error).message)) {
          await this.kill();
          throw error;
        }
        // not up yet
      } finally {
        client.disconnect();
      }
      if (Date.now() > deadline)
        throw new Error(`redis-server on port ${this.port} did not answer within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  /** SIGKILL: no shutdown, no save; resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }
}

/**
 * A TCP proxy on loopback in front of a server (e.g. Postgres at 127.0.0.1:5432) that a test can
 * cut and restore: `cut('refuse')` closes every open connection and resets new ones (a server that
 * went away), `cut('blackhole')` closes the open ones and then accepts new ones but never answers (a
 * host that stopped responding); `restore()` forwards again.
 */
export class TcpProxy {
  private server?: Server;
  private readonly open = new Set<Socket>();
  private mode: 'forward' | 'refuse' | 'blackhole' = 'forward';
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(port = 0): Promise<number> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this.port;
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    this.open.add(client);
    client.once('close', () => this.open.delete(client));
    if (this.mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    if (this.mode === 'blackhole') return; // held open, never answered
    const upstream = connect(this.targetPort, this.targetHost);
    upstream.on('error', () => client.destroy());
    this.open.add(upstream);
    upstream.once('close', () => {
      this.open.delete(upstream);
      client.destroy();
    });
    client.once('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }

  cut(mode: 'refuse' | 'blackhole' = 'refuse'): void {
    this.mode = mode;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  restore(): void {
    // Held blackhole connections are dropped, so their clients notice and reconnect.
    for (const socket of this.open) socket.destroy();
    this.open.clear();
    this.mode = 'forward';
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
