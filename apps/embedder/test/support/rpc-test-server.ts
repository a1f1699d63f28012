import { Module, type INestMicroservice } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy, type MicroserviceOptions } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { freePort } from '@jobmatch/testing';
import { firstValueFrom } from 'rxjs';
import { APP_CONFIG } from '../../src/config';
import { EmbeddingService } from '../../src/embedding/embedding.service';
import { EMBEDDING_PROVIDER, type EmbeddingProvider } from '../../src/inference/embedding-provider';
import { EmbedderMetrics } from '../../src/metrics/embedder-metrics';
import { EmbedRequestPipe } from '../../src/rpc/embed-request.pipe';
import { EmbedderRpcController } from '../../src/rpc/embedder-rpc.controller';
import { RpcAuthGuard } from '../../src/rpc/rpc-auth.guard';
import { EmbedderRpcExceptionFilter } from '../../src/rpc/rpc-exception.filter';

export interface RpcTestServer {
  send<T>(pattern: string, payload: unknown): Promise<T>;
  close(): Promise<void>;
}

/** The embedder's RPC controller behind a real TCP transport and a ClientProxy, on a provider and config the test gives. */
export async function startRpcTestServer(
  provider: EmbeddingProvider,
  config: Record<string, unknown>,
): Promise<RpcTestServer> {
  @Module({
    controllers: [EmbedderRpcController],
    providers: [
      { provide: APP_CONFIG, useValue: config },
      { provide: EMBEDDING_PROVIDER, useValue: provider },
      EmbedderMetrics,
      EmbeddingService,
      EmbedRequestPipe,
      EmbedderRpcExceptionFilter,
      RpcAuthGuard,
    ],
  })
  class RpcTestModule {}

  const port = await freePort();
  const moduleRef = await Test.createTestingModule({ imports: [RpcTestModule] }).compile();
  const server: INestMicroservice = moduleRef.createNestMicroservice<MicroserviceOptions>({
    transport: Transport.TCP,
    options: { host: '127.0.0.1', port },
  });
  server.useLogger(false);
  await server.listen();
  const client: ClientProxy = ClientProxyFactory.create({
    transport: Transport.TCP,
    options: { host: '127.0.0.1', port },
  });
  await client.connect();
  return {
    send: <T>(pattern: string, payload: unknown) => firstValueFrom(client.send<T>(pattern, payload)),
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
