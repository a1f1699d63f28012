import { ConfigError, embedderEnvSchema, loadConfig, type EmbedderEnv } from '@jobmatch/config';

export const APP_CONFIG = Symbol('APP_CONFIG');
export type AppConfig = EmbedderEnv;

/** Loopback addresses: the only ones the RPC may listen on without a secret. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const config = loadConfig(embedderEnvSchema, env);
  // Reachable beyond this machine, the RPC must not be open to whoever connects.
  if (!isLoopbackHost(config.EMBEDDER_HOST) && !config.EMBEDDER_RPC_SECRET) {
    throw new ConfigError([
      `EMBEDDER_RPC_SECRET is not set: it is required when the RPC listens beyond loopback (EMBEDDER_HOST is "${config.EMBEDDER_HOST}")`,
    ]);
  }
  return config;
}
