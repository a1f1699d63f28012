import 'reflect-metadata';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { ConfigError } from '@jobmatch/config';
import { createHttpApp } from '@jobmatch/nest-common';
import { AppModule } from './app.module';
import { loadAppConfig } from './config';
import { ModelFilesError } from './inference/model-files';

/**
 * One process, two faces: RPC (TCP) for embeddings, and HTTP on a separate port for health
 * and metrics only. The RPC side does not inherit the HTTP pipes/filters: it has its own
 * validation and error format (EmbedderRpcError).
 */
async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  // The same HTTP app as the other services; a start-up failure (e.g. missing model files)
  // rejects, reaches the catch below and exits with its message.
  const app = await createHttpApp(AppModule.forRoot(config), {
    title: 'Embedder',
    description: 'Health and metrics of the embedding service',
    docs: false,
  });
  app.connectMicroservice<MicroserviceOptions>(
    // Only where configured: loopback by default; elsewhere only with EMBEDDER_RPC_SECRET (config).
    { transport: Transport.TCP, options: { host: config.EMBEDDER_HOST, port: config.EMBEDDER_RPC_PORT } },
    { inheritAppConfig: false },
  );
  await app.startAllMicroservices();
  await app.listen(config.PORT, '0.0.0.0');
}

bootstrap().catch((error: unknown) => {
  // Known start-up problems carry a message a person can act on (which variable, which command).
  const known = error instanceof ConfigError || error instanceof ModelFilesError;
  const message = known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`Embedder failed to start: ${message}`);
  process.exit(1);
});
