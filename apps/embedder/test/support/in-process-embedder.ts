import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy, type MicroserviceOptions } from '@nestjs/microservices';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { firstValueFrom } from 'rxjs';
import { EMBEDDING_QUEUE } from '@jobmatch/contracts';
import { freePort, TEST_REDIS_URL } from '@jobmatch/testing';
import { AppModule } from '../../src/app.module';
import { loadAppConfig } from '../../src/config';

export interface InProcessEmbedder {
  app: INestApplication;
  client: ClientProxy;
  /** A producer's view of the embedder's queue (same Redis prefix). */
  queue: Queue;
  httpPort: number;
  send<T>(pattern: string, payload: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * The whole embedder in-process, as main.ts assembles it (AppModule: provider factory, RPC over
 * TCP on a free port, BullMQ worker, model builder, health, metrics), with silent logs, test
 * settings and `env` on top; plus an RPC client and a queue handle.
 */
export async function startInProcessEmbedder(env: Record<string, string>): Promise<InProcessEmbedder> {
  const rpcPort = await freePort();
  const httpPort = await freePort();
  const config = loadAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: TEST_REDIS_URL,
    ONNX_INTRA_OP_THREADS: '1',
    EMBEDDER_RPC_PORT: String(rpcPort),
    PORT: String(httpPort),
    QUEUE_CONCURRENCY: '2',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
  app.enableShutdownHooks();
  app.connectMicroservice<MicroserviceOptions>({ transport: Transport.TCP, options: { host: '127.0.0.1', port: rpcPort } });
  await app.startAllMicroservices();
  await app.listen(httpPort, '127.0.0.1');
  const client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: rpcPort } });
  await client.connect();
  const queue = new Queue(EMBEDDING_QUEUE, {
    connection: { host: '127.0.0.1', port: Number(new URL(TEST_REDIS_URL).port || 6379) },
    prefix: config.REDIS_KEY_PREFIX,
  });
  return {
    app,
    client,
    queue,
    httpPort,
    send: <T>(pattern: string, payload: unknown) => firstValueFrom(client.send<T>(pattern, payload)),
    close: async () => {
      await client.close();
      await queue.close();
      await app.close();
    },
  };
}
