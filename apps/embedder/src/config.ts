import { embedderEnvSchema, loadConfig, type EmbedderEnv } from '@jobmatch/config';

export const APP_CONFIG = Symbol('APP_CONFIG');
export type AppConfig = EmbedderEnv;

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return loadConfig(embedderEnvSchema, env);
}
