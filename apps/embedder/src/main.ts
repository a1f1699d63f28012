import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { ConfigError } from '@jobmatch/config';
import { configureHttpApp } from '@jobmatch/nest-common';
import { AppModule } from './app.module';
import { loadAppConfig } from './config';

/**
 * One process, two faces: RPC (TCP) for embeddings, and HTTP on a separate port for health
 * and metrics only.
 */
async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  configureHttpApp(app, { title: 'Embedder', description: 'Health and metrics of the embedding service', docs: false });
  app.connectMicroservice<MicroserviceOptions>(
    { transport: Transport.TCP, options: { host: '0.0.0.0', port: config.EMBEDDER_RPC_PORT } },
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  await app.listen(config.PORT, '0.0.0.0');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
